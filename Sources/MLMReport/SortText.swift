import MLMCore
import MLMRuntime

/// The words for what `sort` did, shared by the terminal and the reports.
enum SortText {
    /// "customers sorted by score (highest first), then name (A to Z): 4,521 rows".
    static func headline(_ s: SortSummary) -> String {
        let keys = s.keys.map { "\($0.column) (\(direction($0.type, descending: $0.descending)))" }
        let rows = Format.plural(s.rows, "row") + (s.moved == 0 && s.rows > 1 ? ", already in this order" : "")
        return "\(s.table) sorted by \(keys.joined(separator: ", then ")): \(rows)"
    }

    /// Where missing cells went, and what happened to the split.
    static func notes(_ s: SortSummary) -> [String] {
        var notes: [String] = []
        for (i, key) in s.keys.enumerated() where key.missing > 0 {
            let rows = "\(Format.plural(key.missing, "row")) with no \(key.column) "
            if i == 0 {
                notes.append(rows + (key.missing == 1 ? "comes" : "come") + " last")
            } else {
                let before = s.keys[..<i].map(\.column).joined(separator: " and ")
                notes.append(rows + (key.missing == 1 ? "comes" : "come") + " after the others with the same \(before)")
            }
        }
        if let last = s.parts.last {
            let parts = s.parts.count == 1 ? last : s.parts.dropLast().joined(separator: ", ") + " or " + last
            notes.append("each row keeps its part of the split (\(parts))")
        }
        return notes
    }

    /// How values of a type run in each direction, in a marketer's words.
    static func direction(_ type: ColumnType, descending: Bool) -> String {
        switch type {
        case .integer, .number: return descending ? "highest first" : "lowest first"
        case .date: return descending ? "latest first" : "earliest first"
        case .boolean: return descending ? "true first" : "false first"
        case .category, .text: return descending ? "Z to A" : "A to Z"
        }
    }
}

/// A profile of segments, so they can be understood and named: per segment its size and share
/// of the rows, and for each feature the segment's mean (numbers) or most common value
/// (categories) with an index against everyone: 100 is like the whole population, 150 is half
/// as much again, 50 half as much. For a number the index is segment mean / overall mean × 100
/// (none when the overall mean is 0 or the signs differ); for a category it is the value's share
/// in the segment / its share overall × 100.
public enum SegmentProfile {
    public enum Cell: Sendable, Equatable {
        case mean(Double?, index: Double?)
        case top(String?, share: Double, index: Double?)
    }

    public struct Group: Sendable, Equatable {
        public let label: String
        public let size: Int
        public let share: Double
        /// One cell per feature, in `Profile.features` order.
        public let cells: [Cell]
    }

    public struct Profile: Sendable, Equatable {
        public let segmentColumn: String
        public let features: [String]
        public let overall: Group
        public let groups: [Group]
        /// Rows whose segment is missing (left out).
        public let unassigned: Int
    }

    /// Profiles `frame` by the segment column. `order` fixes the order of segment labels (labels
    /// not in it follow: numbers ascending, then others by size).
    public static func build(_ frame: DataFrame, by segmentColumn: String, features: [String],
                             order: [String] = []) throws(ModelError) -> Profile {
        guard let segments = frame[segmentColumn] else {
            throw ModelError("profile needs the segment column '\(segmentColumn)'; the table has no such column")
        }
        let columns = try features.map { name throws(ModelError) -> Column in
            guard let column = frame[name] else { throw ModelError("profile cannot find the feature column '\(name)'") }
            return column
        }
        var rowsByLabel: [String: [Int]] = [:]
        var unassigned = 0
        for row in 0..<frame.rowCount {
            guard let label = segments.displayText(at: row) else { unassigned += 1; continue }
            rowsByLabel[label, default: []].append(row)
        }
        guard !rowsByLabel.isEmpty else {
            throw ModelError("profile needs rows with a segment; every value of '\(segmentColumn)' is missing")
        }
        let allRows = rowsByLabel.values.flatMap { $0 }.sorted()
        let overall = summary(columns, rows: allRows, label: "all", total: allRows.count, baseline: nil)
        let groups = orderedLabels(rowsByLabel, order: order).map { label in
            withCategoryIndices(summary(columns, rows: rowsByLabel[label]!, label: label, total: allRows.count, baseline: overall),
                                columns: columns, rows: rowsByLabel[label]!, allRows: allRows)
        }
        return Profile(segmentColumn: segmentColumn, features: features, overall: overall, groups: groups,
                       unassigned: unassigned)
    }

    static func orderedLabels(_ rowsByLabel: [String: [Int]], order: [String]) -> [String] {
        let given = order.filter { rowsByLabel[$0] != nil }
        let rest = rowsByLabel.keys.filter { !given.contains($0) }
        let numeric = rest.compactMap { label in Double(label).map { (label, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        let named = rest.filter { Double($0) == nil }.sorted {
            let a = rowsByLabel[$0]!.count, b = rowsByLabel[$1]!.count
            return a != b ? a > b : $0 < $1
        }
        return given + numeric + named
    }

    static func summary(_ columns: [Column], rows: [Int], label: String, total: Int, baseline: Group?) -> Group {
        let cells = columns.enumerated().map { i, column in
            cell(column, rows: rows, baseline: baseline?.cells[i])
        }
        return Group(label: label, size: rows.count, share: Double(rows.count) / Double(max(total, 1)), cells: cells)
    }

    /// The cell of one feature for some rows; `baseline` is the overall cell (nil when this is
    /// the overall row), which gives the index.
    static func cell(_ column: Column, rows: [Int], baseline: Cell?) -> Cell {
        if column.numbers != nil {
            var sum = 0.0, count = 0
            for row in rows { if let x = column.number(at: row) { sum += x; count += 1 } }
            let mean = count > 0 ? sum / Double(count) : nil
            var index: Double?
            if let mean, case .mean(let overall?, _)? = baseline, overall != 0, mean == 0 || (mean > 0) == (overall > 0) {
                index = mean / overall * 100
            }
            return .mean(mean, index: index)
        }
        let counts = categoryCounts(column, rows: rows)
        let top = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        guard let top else { return .top(nil, share: 0, index: nil) }
        let share = Double(counts[top]!) / Double(max(rows.count, 1))
        return .top(top, share: share, index: nil)
    }

    static func categoryCounts(_ column: Column, rows: [Int]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in rows { if let text = column.string(at: row) { counts[text, default: 0] += 1 } }
        return counts
    }

    /// Adds the category indices once the overall shares are known.
    static func withCategoryIndices(_ group: Group, columns: [Column], rows: [Int], allRows: [Int]) -> Group {
        let cells = zip(columns, group.cells).map { column, cell -> Cell in
            guard case .top(let top?, let share, _) = cell else { return cell }
            let overall = Double(allRows.reduce(0) { $0 + (column.string(at: $1) == top ? 1 : 0) }) / Double(max(allRows.count, 1))
            return .top(top, share: share, index: overall > 0 ? share / overall * 100 : nil)
        }
        return Group(label: group.label, size: group.size, share: group.share, cells: cells)
    }
}

import MLMCore

/// Short names for the words of result messages; the number rules live in ValueText.
enum Words {
    /// 45211 → "45,211"
    static func count(_ value: Int) -> String { ValueText.grouped(value) }

    /// "1 row", "12 rows" (ValueText.counted)
    static func plural(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
        ValueText.counted(value, noun, plural: plural)
    }

    /// A computed number for reading: four significant digits (ValueText.summary).
    static func number(_ value: Double) -> String { ValueText.summary(value) }

    static func list(_ names: [String], limit: Int = 6) -> String {
        let quoted = names.prefix(limit).map { "'\($0)'" }
        let rest = names.count > limit ? ", and \(count(names.count - limit)) more" : ""
        return quoted.joined(separator: ", ") + rest
    }

    static func percent(_ share: Double) -> String { ValueText.percent(share) }
}

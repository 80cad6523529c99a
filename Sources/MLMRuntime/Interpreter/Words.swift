import MLMCore

/// Small helpers that turn numbers into the words of result messages.
enum Words {
    /// 45211 → "45,211"
    static func count(_ value: Int) -> String { ValueText.grouped(value) }

    /// "1 row", "12 rows"
    static func plural(_ value: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count(value)) \(value == 1 ? noun : (plural ?? noun + "s"))"
    }

    /// A number rounded for reading: at most 4 decimals, fewer for large values.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return ValueText.formatNumber(value) }
        let magnitude = abs(value)
        let decimals = magnitude >= 1000 ? 0 : (magnitude >= 100 ? 1 : (magnitude >= 1 ? 2 : 4))
        let text = ValueText.rounded(value, decimals: decimals)
        guard magnitude >= 1000, let whole = Int(text) else { return text }
        return count(whole)
    }

    static func list(_ names: [String], limit: Int = 6) -> String {
        let quoted = names.prefix(limit).map { "'\($0)'" }
        let rest = names.count > limit ? ", and \(names.count - limit) more" : ""
        return quoted.joined(separator: ", ") + rest
    }

    static func percent(_ share: Double) -> String { ValueText.percent(share) }
}

import MLMCore

/// Number formatting for what people read (not for exported data, see ValueText).
enum Format {
    static func count(_ value: Int) -> String { ValueText.grouped(value) }

    static func plural(_ value: Int, _ noun: String) -> String {
        "\(count(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    static func percent(_ share: Double) -> String { ValueText.percent(share) }

    /// Four significant digits for summaries: 40.94, 0.1234, 1,362.
    /// A summary beyond the largest double (the sample standard deviation of -1.8e308 and
    /// 1.8e308) says so rather than showing `inf`.
    static func summary(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "> 1.8e308" : "< -1.8e308") }
        let magnitude = abs(value)
        if magnitude >= 1000 { return grouped(value.rounded()) }
        let decimals = magnitude >= 100 ? 1 : (magnitude >= 10 ? 2 : (magnitude >= 1 ? 3 : 4))
        return ValueText.rounded(value, decimals: decimals)
    }

    private static func grouped(_ value: Double) -> String {
        guard abs(value) < 1e15 else { return ValueText.formatNumber(value) }
        return count(Int(value))
    }
}

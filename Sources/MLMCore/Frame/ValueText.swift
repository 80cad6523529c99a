/// The one way cell values are written as text (previews, exported CSV, labels), so the same
/// number always looks the same everywhere.
public enum ValueText {
    /// Integers without a decimal point; other numbers in the shortest form that reads back
    /// exactly, never in scientific notation for everyday magnitudes.
    public static func format(_ value: Double, type: ColumnType) -> String {
        guard !value.isNaN else { return "" }
        switch type {
        case .boolean: return value == 1 ? "true" : "false"
        case .date: return CivilDate.format(value)
        default: return formatNumber(value)
        }
    }

    public static func formatNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        // Every whole number an integer column holds exactly shows all its digits, as the CSV
        // writer writes it (9007199254740991, not 9.007199254740991e+15).
        if value == value.rounded(), WholeNumbers.fits(value) {
            return String(Int64(value))
        }
        let text = "\(value)"
        guard text.contains("e") || text.contains("E"), abs(value) >= 1e-6, abs(value) < 1e15 else { return text }
        return expandExponent(text)
    }

    /// Rewrites `1.5e-05` as `0.000015` without changing the digits.
    static func expandExponent(_ text: String) -> String {
        let parts = text.lowercased().split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return text }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return (negative ? "-" : "") + result
    }

    /// 0.1234 → "12.3%": shares as people read them.
    public static func percent(_ share: Double) -> String {
        rounded(share * 100, decimals: 1) + "%"
    }

    /// 45211 → "45,211": counts as people read them.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// Rounded to `digits` significant decimals for display (summaries, not exports).
    public static func rounded(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return formatNumber(value) }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        // From 2^52 on a double has no fraction to round away, and scaling such a value up could
        // overflow (1.7976931348623157e308 would show as inf).
        guard value.magnitude < 0x1p52 else { return formatNumber(value) }
        let r = (value * scale).rounded() / scale
        return formatNumber(r == 0 ? 0 : r)
    }
}

/// The one place numbers become text for people and for files, so the same number always looks
/// the same everywhere. Three rules:
///
/// - **Data values** (a cell in a preview or an export, a category made from a number, a value
///   written in the script): `formatNumber`, the shortest text that reads back to the same
///   double, whole numbers with all their digits, no exponent for magnitudes in [1e-6, 1e15).
///   Exported CSV uses the same digits (CellFormatting), with an ASCII minus and no separators.
/// - **Statistics** (anything computed: means, quantiles, bounds, effects, money): `summary`,
///   four significant digits and at most six decimals, whole and grouped from 1,000 on (40.94,
///   0.01234, 1,362, and 0 for the 1e-16 left over from cancelling sums).
///   Metrics on a 0–1 scale (ROC-AUC, scores) use `rounded` with a fixed number of decimals.
/// - **Counts**: `grouped` (69,659), and `counted` for a count with its noun (1 row, 2 rows).
///
/// None of them shows binary noise such as 84.60000000000001: a computed value is rounded
/// before it is written, and a data value's shortest form is the number as it was read.
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

    /// A whole number written in a script (a seed, a limit) with every digit, however large:
    /// 9223372036854775807 shows as 9223372036854775808 (the nearest double), not 9.22e+18.
    /// Beyond 2^64 the exponent stays (1e+30): the digits would not be the ones written anyway.
    public static func whole(_ value: Double) -> String? {
        guard value.isFinite, value == value.rounded() else { return nil }
        if value == 0 { return "0" }
        guard value.magnitude < 0x1p64 else { return nil }
        return (value < 0 ? "-" : "") + String(UInt64(value.magnitude))
    }

    /// Rewrites `1.5e-05` as `0.000015` without changing the digits (also for the CSV writer).
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
        var result = String(digits.prefix(point))
        let rest = String(digits.dropFirst(point))
        if !rest.isEmpty { result += "." + rest }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return (negative ? "-" : "") + result
    }

    /// Four significant digits, at most six decimals, for computed values: 40.94, 0.1234,
    /// 0.001234, 1,362; below 0.0000005, 0.
    /// A summary beyond the largest double (the sample standard deviation of -1.8e308 and
    /// 1.8e308) says so rather than showing `inf`; a missing one is empty.
    public static func summary(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "> 1.8e308" : "< -1.8e308") }
        let magnitude = value.magnitude
        guard magnitude > 0 else { return "0" }
        if magnitude >= 1000 { return groupedWhole(value.rounded()) }
        // Six decimals at most: a mean of standardized values is 0 give or take 1e-16, the
        // residue of cancelling sums, and shows as 0, not -3.73e-16.
        let decimals = min(6, 3 - decimalExponent(magnitude))
        let rounded = roundedValue(value, decimals: decimals)
        // 999.96 rounds to 1000, which is grouped like every other value from 1,000 on.
        return rounded.magnitude >= 1000 ? groupedWhole(rounded) : formatNumber(rounded)
    }

    /// Six significant digits and no separators, for a computed number that becomes part of the
    /// data, such as the edges in quantile bin labels ("36.6667–52.5"): close edges stay
    /// distinct and the label stays machine-readable.
    public static func label(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return formatNumber(value) }
        return formatNumber(roundedValue(value, significantDigits: 6))
    }

    private static func roundedValue(_ value: Double, significantDigits digits: Int) -> Double {
        roundedValue(value, decimals: max(0, digits - 1 - decimalExponent(value.magnitude)))
    }

    /// ⌊log10(x)⌋ for positive finite x, counted rather than computed, so powers of ten and the
    /// values just below them never land on the wrong side.
    private static func decimalExponent(_ magnitude: Double) -> Int {
        var exponent = 0
        var scaled = magnitude
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        return exponent
    }

    /// A whole number as people read it, grouped; beyond what an Int holds, plain digits.
    private static func groupedWhole(_ value: Double) -> String {
        guard value.magnitude < 1e15 else { return formatNumber(value) }
        return grouped(Int(value))
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

    /// A count with its noun, grouped, the noun agreeing with the count: "1 row", "0 rows",
    /// "1,000 rows", "2 categories" (with the plural given where adding "s" is wrong).
    public static func counted(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? noun : (plural ?? noun + "s"))"
    }

    /// 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd".
    public static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value.magnitude % 10, value.magnitude % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return grouped(value) + suffix
    }

    /// Rounded to `decimals` decimals for display (metrics, not exports): 0.7331, 12.5.
    public static func rounded(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return formatNumber(value) }
        return formatNumber(roundedValue(value, decimals: decimals))
    }

    /// The double nearest to `value` rounded to `decimals` decimals, whose shortest text is
    /// those decimals (an integer divided by a power of ten is the double nearest that decimal);
    /// never negative zero.
    private static func roundedValue(_ value: Double, decimals: Int) -> Double {
        // From 2^52 on a double has no fraction to round away, and scaling such a value up could
        // overflow (1.7976931348623157e308 would show as inf).
        guard value.magnitude < 0x1p52 else { return value }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite else { return value }
        let r = scaled / scale
        return r == 0 ? 0 : r
    }
}

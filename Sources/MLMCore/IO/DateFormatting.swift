/// `CivilDate.format` written straight into bytes: the writer formats a million dates without a
/// String each. Same arithmetic as `CivilDate.format`, so the text is identical.
enum DateFormatting {
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return }
        let whole = value.rounded(.down)
        guard whole.magnitude < 1e12 else {
            out.append(contentsOf: CivilDate.format(value).utf8)
            return
        }
        let date = CivilDate(dayNumber: Int(whole))
        guard date.year >= 0, date.year <= 9999 else {
            out.append(contentsOf: CivilDate.format(value).utf8)
            return
        }
        appendDigits(date.year, width: 4, to: &out)
        out.append(ASCII.minus)
        appendDigits(date.month, width: 2, to: &out)
        out.append(ASCII.minus)
        appendDigits(date.day, width: 2, to: &out)
        let seconds = Int(((value - whole) * 86_400).rounded())
        guard seconds > 0, seconds < 86_400 else { return }
        out.append(ASCII.space)
        appendDigits(seconds / 3600, width: 2, to: &out)
        out.append(ASCII.colon)
        appendDigits(seconds / 60 % 60, width: 2, to: &out)
        if seconds % 60 != 0 {
            out.append(ASCII.colon)
            appendDigits(seconds % 60, width: 2, to: &out)
        }
    }

    /// A non-negative number of at most `width` digits, zero-padded to `width`.
    @inline(__always)
    private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(ASCII.zero + UInt8(truncatingIfNeeded: rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// Numbers as the writer prints them: the shortest text that reads back to the same Double
/// (Swift's `description`), whole numbers below 2^53 as plain digits without `.0`, and never
/// scientific notation for magnitudes in [1e-6, 1e15), where a spreadsheet user expects digits.
enum NumberFormatting {
    static func append(_ value: Double, to out: inout [UInt8]) {
        // No step leaves an infinity in a cell; should one get here, an empty cell reloads as
        // missing, where the text `inf` would turn the column into a category.
        guard value.isFinite else { return }
        if value == value.rounded(), value.magnitude < 9_007_199_254_740_992 {
            appendInteger(Int64(value), to: &out)
            return
        }
        if value.magnitude < 1e9, appendShortDecimal(value, to: &out) { return }
        let text = value.description
        let magnitude = value.magnitude
        if magnitude >= 1e-6 && magnitude < 1e15, text.utf8.contains(UInt8(ascii: "e")) {
            out.append(contentsOf: ValueText.expandExponent(text).utf8)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    static func string(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The common case of a few decimals (`2.55`, `0.1234`) without a String: the smallest k
    /// with `m / 10^k == value` gives digits that read back exactly, and below 1e9 a step of
    /// 10^-k (k ≤ 6) is wider than the spacing of doubles, so they are also the shortest ones,
    /// the same digits `description` would print.
    private static func appendShortDecimal(_ value: Double, to out: inout [UInt8]) -> Bool {
        var scale = 1.0
        for decimals in 1...6 {
            scale *= 10
            let scaled = (value * scale).rounded()
            guard scaled / scale == value else { continue }
            let digits = Int64(scaled).magnitude
            let unit = UInt64(scale)
            if value < 0 { out.append(ASCII.minus) }
            appendInteger(Int64(digits / unit), to: &out)
            out.append(ASCII.dot)
            var fraction = digits % unit
            var divisor = unit / 10
            for _ in 0..<decimals {
                out.append(ASCII.zero + UInt8(truncatingIfNeeded: fraction / divisor))
                fraction %= divisor
                divisor /= 10
            }
            return true
        }
        return false
    }

    /// Digits of a whole number, built right to left in a small stack buffer.
    private static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(ASCII.minus) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = ASCII.zero + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0 && position > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }
}

/// `CivilDate.format` written straight into bytes: the writer formats a million dates without a
/// String each. Same arithmetic as `CivilDate.format`, so the text is identical.
enum DateFormatting {
    static func append(_ value: Double, to out: inout [UInt8]) {
        // Date cells always lie in the supported range; anything else is no date to write.
        guard CivilDate.validDayNumbers.contains(value) else { return }
        let whole = value.rounded(.down)
        let date = CivilDate(dayNumber: Int(whole))
        appendDigits(date.year, width: 4, to: &out)
        out.append(ASCII.minus)
        appendDigits(date.month, width: 2, to: &out)
        out.append(ASCII.minus)
        appendDigits(date.day, width: 2, to: &out)
        let seconds = CivilDate.secondsOfDay(value, whole)
        guard seconds > 0 else { return }
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

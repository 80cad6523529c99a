/// A date cell read both ways a slash date can be meant. Unambiguous formats (ISO, dotted) give
/// the same value twice; `nan` marks an order in which the cell is not a real calendar date.
struct ParsedDate {
    var monthFirst: Double
    var dayFirst: Double
}

/// Date and date-time cells, parsed from bytes. Accepted:
/// - `yyyy-mm-dd`, optionally followed by ` ` or `T` and a time
/// - `dd.mm.yyyy` (day and month may have one digit), optionally followed by ` ` and a time
/// - `mm/dd/yyyy` or `dd/mm/yyyy` (one or two digits), optionally followed by ` ` and a time
/// A time is `H:MM`, `H:MM:SS` or `H:MM:SS.fff` (hour with one or two digits). Values are days
/// since 1970-01-01 plus the time of day as a fraction of a day.
enum DateParsing {
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ count: Int) -> ParsedDate? {
        guard count >= 8, count <= 32, p[0] &- ASCII.zero < 10 else { return nil }
        var i = 0
        let first = readNumber(p, count, &i, maxDigits: 4)
        guard i < count else { return nil }
        let separator = p[i]
        if separator == ASCII.minus && i == 4 {
            return parseISO(p, count, year: first)
        }
        guard i <= 2, separator == ASCII.dot || separator == ASCII.slash else { return nil }
        i += 1
        let secondStart = i
        let second = readNumber(p, count, &i, maxDigits: 2)
        guard i > secondStart, i < count, p[i] == separator else { return nil }
        i += 1
        let yearStart = i
        let year = readNumber(p, count, &i, maxDigits: 4)
        guard i - yearStart == 4, let time = parseTime(p, count, from: i, allowT: false) else { return nil }
        if separator == ASCII.dot {
            let value = dayValue(year: year, month: second, day: first, time: time)
            return value.isNaN ? nil : ParsedDate(monthFirst: value, dayFirst: value)
        }
        let monthFirst = dayValue(year: year, month: first, day: second, time: time)
        let dayFirst = dayValue(year: year, month: second, day: first, time: time)
        if monthFirst.isNaN && dayFirst.isNaN { return nil }
        return ParsedDate(monthFirst: monthFirst, dayFirst: dayFirst)
    }

    @inline(__always)
    private static func parseISO(_ p: UnsafePointer<UInt8>, _ count: Int, year: Int) -> ParsedDate? {
        guard count >= 10, p[7] == ASCII.minus,
              let month = twoDigits(p, at: 5), let day = twoDigits(p, at: 8),
              let time = parseTime(p, count, from: 10, allowT: true)
        else { return nil }
        let value = dayValue(year: year, month: month, day: day, time: time)
        return value.isNaN ? nil : ParsedDate(monthFirst: value, dayFirst: value)
    }

    /// Seconds since midnight for an optional ` H:MM[:SS[.fff]]` suffix; nil when malformed.
    @inline(__always)
    private static func parseTime(_ p: UnsafePointer<UInt8>, _ count: Int, from start: Int, allowT: Bool) -> Double? {
        if start == count { return 0 }
        let lead = p[start]
        guard lead == ASCII.space || (allowT && lead == UInt8(ascii: "T")) else { return nil }
        var i = start + 1
        let hourStart = i
        let hour = readNumber(p, count, &i, maxDigits: 2)
        guard i > hourStart, hour < 24, i + 3 <= count, p[i] == ASCII.colon,
              let minute = twoDigits(p, at: i + 1), minute < 60
        else { return nil }
        i += 3
        var seconds = Double(hour * 3600 + minute * 60)
        if i == count { return seconds }
        guard p[i] == ASCII.colon, i + 3 <= count, let second = twoDigits(p, at: i + 1), second < 60 else {
            return nil
        }
        seconds += Double(second)
        i += 3
        if i == count { return seconds }
        guard p[i] == ASCII.dot, i + 1 < count else { return nil }
        var scale = 0.1
        for k in (i + 1)..<count {
            let digit = p[k] &- ASCII.zero
            guard digit < 10 else { return nil }
            seconds += Double(digit) * scale
            scale /= 10
        }
        return seconds
    }

    @inline(__always)
    private static func readNumber(_ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, maxDigits: Int) -> Int {
        var value = 0
        let start = i
        while i < count, i - start < maxDigits, p[i] &- ASCII.zero < 10 {
            value = value * 10 + Int(p[i] &- ASCII.zero)
            i += 1
        }
        return value
    }

    @inline(__always)
    private static func twoDigits(_ p: UnsafePointer<UInt8>, at i: Int) -> Int? {
        let high = p[i] &- ASCII.zero
        let low = p[i + 1] &- ASCII.zero
        guard high < 10, low < 10 else { return nil }
        return Int(high) * 10 + Int(low)
    }

    /// The stored value, or nan when the date does not exist (2023-02-30).
    @inline(__always)
    private static func dayValue(year: Int, month: Int, day: Int, time: Double) -> Double {
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return .nan }
        return Double(date.dayNumber) + time / 86_400
    }
}

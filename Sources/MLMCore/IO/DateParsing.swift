/// How a parsed date cell orders its day and month. Only numeric `a/b/yyyy` and `a-b-yyyy`
/// cells can be read both ways; every other accepted form says which field is which.
enum DateOrderKind: UInt8 {
    case fixed
    case slash
    case dash
}

/// A date cell read both ways a numeric day/month date can be meant. Unambiguous forms (ISO,
/// dotted, month names) give the same value twice; `nan` marks an order in which the cell is
/// not a real calendar date.
struct ParsedDate {
    var monthFirst: Double
    var dayFirst: Double
    var order: DateOrderKind
}

/// The date and date-time forms the CSV reader (and a `cast` to date without a format)
/// recognises, parsed from bytes:
/// - `yyyy-mm-dd`, then optionally ` ` or `T` and a time, then optionally a zone `Z`, `±hh:mm`,
///   `±hhmm` or `±hh` (the value is moved to UTC)
/// - `yyyy/mm/dd` (one or two digits for month and day)
/// - `dd.mm.yyyy` (day first)
/// - `a/b/yyyy` and `a-b-yyyy`: day and month in either order, decided per column (`DateOrder`)
/// - `dd-Mon-yyyy`, `dd Mon yyyy`, `Mon dd, yyyy`, `Mon dd yyyy` with English month names,
///   abbreviated or in full, in any case
/// A time is `H:MM`, `H:MM:SS` or `H:MM:SS.fff`, optionally followed by `AM`/`PM`. Values are
/// days since 1970-01-01 plus the time of day as a fraction of a day.
enum DateParsing {
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ count: Int) -> ParsedDate? {
        guard count >= 8, count <= 48 else { return nil }
        var cursor = DateCursor(p, count)
        if DateCursor.isLetter(p[0]) { return parseMonthNameFirst(&cursor) }
        guard p[0] &- ASCII.zero < 10 else { return nil }
        guard let first = cursor.digits(min: 1, max: 4), let separator = cursor.peek() else { return nil }
        if cursor.position == 4 {
            if separator == ASCII.minus { return parseISO(&cursor, year: first) }
            if separator == ASCII.slash { return parseYearSlash(&cursor, year: first) }
            return nil
        }
        guard cursor.position <= 2 else { return nil }
        cursor.advance()
        if separator == ASCII.minus || separator == ASCII.space, let next = cursor.peek(), DateCursor.isLetter(next) {
            return parseDayMonthName(&cursor, day: first, separator: separator)
        }
        guard separator == ASCII.dot || separator == ASCII.slash || separator == ASCII.minus,
              let second = cursor.digits(min: 1, max: 2), cursor.skip(separator),
              let year = cursor.digits(min: 4, max: 4),
              let time = cursor.timeSuffix(allowT: false, allowZone: false), cursor.atEnd
        else { return nil }
        if separator == ASCII.dot {
            return fixed(value(year: year, month: second, day: first, seconds: time))
        }
        let monthFirst = value(year: year, month: first, day: second, seconds: time)
        let dayFirst = value(year: year, month: second, day: first, seconds: time)
        if monthFirst.isNaN && dayFirst.isNaN { return nil }
        return ParsedDate(monthFirst: monthFirst, dayFirst: dayFirst, order: separator == ASCII.slash ? .slash : .dash)
    }

    /// `yyyy-mm-dd[( |T)time][zone]`, month and day with two digits.
    @inline(__always)
    private static func parseISO(_ cursor: inout DateCursor, year: Int) -> ParsedDate? {
        guard cursor.skip(ASCII.minus), let month = cursor.digits(min: 2, max: 2), cursor.skip(ASCII.minus),
              let day = cursor.digits(min: 2, max: 2),
              let time = cursor.timeSuffix(allowT: true, allowZone: true), cursor.atEnd
        else { return nil }
        return fixed(value(year: year, month: month, day: day, seconds: time))
    }

    /// `yyyy/mm/dd[ time]`.
    @inline(__always)
    private static func parseYearSlash(_ cursor: inout DateCursor, year: Int) -> ParsedDate? {
        guard cursor.skip(ASCII.slash), let month = cursor.digits(min: 1, max: 2), cursor.skip(ASCII.slash),
              let day = cursor.digits(min: 1, max: 2),
              let time = cursor.timeSuffix(allowT: false, allowZone: false), cursor.atEnd
        else { return nil }
        return fixed(value(year: year, month: month, day: day, seconds: time))
    }

    /// `dd-Mon-yyyy` or `dd Mon yyyy` (the day and its separator already read).
    private static func parseDayMonthName(_ cursor: inout DateCursor, day: Int, separator: UInt8) -> ParsedDate? {
        guard let month = cursor.monthName(), cursor.skip(separator), let year = cursor.digits(min: 4, max: 4),
              let time = cursor.timeSuffix(allowT: false, allowZone: false), cursor.atEnd
        else { return nil }
        return fixed(value(year: year, month: month, day: day, seconds: time))
    }

    /// `Mon dd, yyyy` or `Mon dd yyyy`.
    private static func parseMonthNameFirst(_ cursor: inout DateCursor) -> ParsedDate? {
        guard let month = cursor.monthName(), cursor.skip(ASCII.space), let day = cursor.digits(min: 1, max: 2)
        else { return nil }
        _ = cursor.skip(ASCII.comma)
        guard cursor.skip(ASCII.space), let year = cursor.digits(min: 4, max: 4),
              let time = cursor.timeSuffix(allowT: false, allowZone: false), cursor.atEnd
        else { return nil }
        return fixed(value(year: year, month: month, day: day, seconds: time))
    }

    @inline(__always)
    private static func fixed(_ value: Double) -> ParsedDate? {
        value.isNaN ? nil : ParsedDate(monthFirst: value, dayFirst: value, order: .fixed)
    }

    /// The stored value, or nan when the date does not exist (2023-02-30) or a zone moves it
    /// outside the supported range.
    @inline(__always)
    static func value(year: Int, month: Int, day: Int, seconds: Double) -> Double {
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return .nan }
        let result = Double(date.dayNumber) + seconds / 86_400
        return CivilDate.validDayNumbers.contains(result) ? result : .nan
    }
}

/// Reads the pieces of a date cell from bytes without ever indexing past their end.
struct DateCursor {
    let p: UnsafePointer<UInt8>
    let count: Int
    private(set) var position = 0

    @inline(__always)
    init(_ p: UnsafePointer<UInt8>, _ count: Int) {
        self.p = p
        self.count = count
    }

    var atEnd: Bool { position >= count }

    @inline(__always)
    func peek() -> UInt8? { position < count ? p[position] : nil }

    @inline(__always)
    mutating func advance() { position += 1 }

    @inline(__always)
    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < count, p[position] == byte else { return false }
        position += 1
        return true
    }

    /// Between `min` and `max` digits as a number; nil (and nothing read) for fewer than `min`.
    @inline(__always)
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var read = 0
        while read < max, position + read < count, p[position + read] &- ASCII.zero < 10 {
            value = value * 10 + Int(p[position + read] &- ASCII.zero)
            read += 1
        }
        guard read >= min else { return nil }
        position += read
        return value
    }

    /// One or more digits after a decimal point, as a fraction (".25" → 0.25).
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = position
        while position < count, p[position] &- ASCII.zero < 10 {
            value += Double(p[position] &- ASCII.zero) * scale
            scale /= 10
            position += 1
        }
        return position > start ? value : nil
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    /// An English month name, abbreviated (`Mar`, also `Sept`) or in full (`March`), in any
    /// case, as its number; nil (and nothing read) otherwise.
    mutating func monthName() -> Int? {
        var end = position
        while end < count, Self.isLetter(p[end]) { end += 1 }
        let length = end - position
        guard length >= 3 else { return nil }
        var word: [UInt8] = []
        word.reserveCapacity(length)
        for k in position..<end { word.append(p[k] | 0x20) }
        guard let month = MonthNames.number(of: word) else { return nil }
        position = end
        return month
    }

    /// Seconds since midnight (minus a zone's offset) of an optional time after the date:
    /// `( |T)H:MM[:SS[.fff]][ ][AM|PM]` then, when allowed, `Z`, `±hh:mm`, `±hhmm` or `±hh`.
    /// 0 when the cell ends here; nil when what follows is not such a time.
    mutating func timeSuffix(allowT: Bool, allowZone: Bool) -> Double? {
        guard let lead = peek() else { return 0 }
        guard lead == ASCII.space || (allowT && lead == UInt8(ascii: "T")) else { return nil }
        advance()
        guard let clock = time() else { return nil }
        guard allowZone, !atEnd else { return clock }
        guard let offset = zone() else { return nil }
        return clock - offset
    }

    /// `H:MM[:SS[.fff]][ ][AM|PM]` as seconds since midnight.
    mutating func time() -> Double? {
        guard var hour = digits(min: 1, max: 2), hour < 24, skip(ASCII.colon),
              let minute = digits(min: 2, max: 2), minute < 60
        else { return nil }
        var seconds = Double(minute * 60)
        if skip(ASCII.colon) {
            guard let second = digits(min: 2, max: 2), second < 60 else { return nil }
            seconds += Double(second)
            if skip(ASCII.dot) {
                guard let fraction = fraction() else { return nil }
                seconds += fraction
            }
        }
        if let meridiem = meridiem() {
            guard hour >= 1, hour <= 12 else { return nil }
            hour = hour % 12 + (meridiem ? 12 : 0)
        }
        return Double(hour * 3600) + seconds
    }

    /// `AM`/`PM` (any case, optionally after one space): true for PM; nil (nothing read) otherwise.
    mutating func meridiem() -> Bool? {
        var k = position
        if k < count, p[k] == ASCII.space { k += 1 }
        guard k + 2 <= count, p[k + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        let letter = p[k] | 0x20
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
        if k + 2 < count, Self.isLetter(p[k + 2]) { return nil }
        position = k + 2
        return letter == UInt8(ascii: "p")
    }

    /// A zone as its offset east of UTC in seconds: `Z` is 0, `+05:30` is 19,800.
    mutating func zone() -> Double? {
        if skip(UInt8(ascii: "Z")) { return 0 }
        let sign: Double
        if skip(ASCII.plus) { sign = 1 } else if skip(ASCII.minus) { sign = -1 } else { return nil }
        guard let hours = digits(min: 2, max: 2), hours <= 14 else { return nil }
        var minutes = 0
        let colon = skip(ASCII.colon)
        if colon || !atEnd {
            guard let m = digits(min: 2, max: 2), m < 60 else { return nil }
            minutes = m
        }
        return sign * Double(hours * 3600 + minutes * 60)
    }
}

/// English month names, for reading (`mar`, `march`, `sept`) and writing (`Mar`, `March`).
enum MonthNames {
    static let full = ["January", "February", "March", "April", "May", "June", "July", "August",
                       "September", "October", "November", "December"]
    static let abbreviated = full.map { String($0.prefix(3)) }
    private static let lowercased: [[UInt8]] = full.map { Array($0.lowercased().utf8) }

    /// The month of a lowercase word: its first three letters or its full name (or `sept`).
    static func number(of word: [UInt8]) -> Int? {
        for (index, name) in lowercased.enumerated() {
            if word.count == 3 || word.count == name.count {
                if word.count == 3 ? Array(name.prefix(3)) == word : name == word { return index + 1 }
            }
        }
        if word == Array("sept".utf8) { return 9 }
        return nil
    }
}

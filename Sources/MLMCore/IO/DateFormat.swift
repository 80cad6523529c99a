/// A date format written in a script (`"dd-mm-yyyy"`, `"yyyymmdd"`, `"Mon dd, yyyy HH:MM"`,
/// `"excel"`): how `load ... column c as date "..."` and `cast c to date "..."` read a column.
/// Compiling checks the format once, for `mlm check` and the run alike; reading a cell follows
/// it exactly, except that a format without a time still accepts one after the date
/// (` HH:MM[:SS[.fff]]`, optionally `AM`/`PM` and a zone), as exports add times to some rows.
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    enum Piece: Equatable, Sendable {
        case year, month, day, hour, minute, second, zone, meridiem
        case monthName(full: Bool)
        case fraction(digits: Int)
        case literal(UInt8)

        var isDigits: Bool {
            switch self {
            case .year, .month, .day, .hour, .minute, .second, .fraction: return true
            default: return false
            }
        }

        var width: Int {
            switch self {
            case .year: return 4
            case .fraction(let digits): return digits
            default: return 2
            }
        }
    }

    /// The format as written.
    public let text: String
    let pieces: [Piece]
    /// Excel's serial day numbers (1 is 1900-01-01; a fraction is the time of day).
    public let isExcel: Bool

    public var description: String { text }

    /// The letters of a format and what they read, for the README, help and messages.
    public static let letters: [(letters: String, meaning: String)] = [
        ("yyyy", "year, four digits"),
        ("mm", "month number, 01-12 (one digit is fine when a separator follows)"),
        ("dd", "day of the month, 01-31 (one digit is fine when a separator follows)"),
        ("Mon", "English month name, abbreviated or in full, any case (Mar, March, MAR)"),
        ("Month", "the same, written in full when mlm writes dates"),
        ("HH", "hour, 00-23 (01-12 with AM)"),
        ("MM", "minute, 00-59"),
        ("SS", "second, 00-59"),
        ("fff", "fraction of a second, one or more digits"),
        ("AM", "AM or PM, any case"),
        ("Z", "time zone: Z, +hh:mm, +hhmm or +hh (the time is moved to UTC)"),
    ]

    /// Compiles a format; the error says what is wrong with it and how to write it.
    public static func compile(_ text: String) throws(DateFormatError) -> DateFormat {
        if text.lowercased() == "excel" { return DateFormat(text: text, pieces: [], isExcel: true) }
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var i = 0
        while i < bytes.count {
            let (piece, length) = try token(bytes, at: i)
            pieces.append(piece)
            i += length
        }
        try checkFields(pieces)
        return DateFormat(text: text, pieces: pieces, isExcel: false)
    }

    private static func token(_ bytes: [UInt8], at i: Int) throws(DateFormatError) -> (Piece, Int) {
        let byte = bytes[i]
        guard byte >= 0x20, byte < 0x7F else {
            throw DateFormatError("a date format may only hold the letters \(letterList), digits and punctuation")
        }
        func starts(_ word: String) -> Bool { bytes[i...].starts(with: word.utf8) }
        if starts("Month") { return (.monthName(full: true), 5) }
        if starts("Mon") { return (.monthName(full: false), 3) }
        if starts("AM") || starts("PM") { return (.meridiem, 2) }
        var run = 1
        while i + run < bytes.count, bytes[i + run] == byte { run += 1 }
        let fields: [UInt8: (Piece, Int, String)] = [
            UInt8(ascii: "y"): (.year, 4, "yyyy"), UInt8(ascii: "m"): (.month, 2, "mm"),
            UInt8(ascii: "d"): (.day, 2, "dd"), UInt8(ascii: "H"): (.hour, 2, "HH"),
            UInt8(ascii: "M"): (.minute, 2, "MM"), UInt8(ascii: "S"): (.second, 2, "SS"),
        ]
        if let (piece, width, written) = fields[byte] {
            guard run == width else {
                let found = String(decoding: bytes[i..<(i + run)], as: UTF8.self)
                if piece == .year {
                    throw DateFormatError("'\(found)' is not a year field: write yyyy",
                                          help: run == 2 ? "two-digit years are not read, since they do not say their century" : nil)
                }
                throw DateFormatError("'\(found)' is not a date field: write \(written)")
            }
            return (piece, run)
        }
        switch byte {
        case UInt8(ascii: "f"): return (.fraction(digits: run), run)
        case UInt8(ascii: "Z"), UInt8(ascii: "T"): return (byte == UInt8(ascii: "Z") ? .zone : .literal(byte), 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            throw DateFormatError("a digit is not a date field; write the fields as letters: \(letterList)")
        default:
            if DateCursor.isLetter(byte) {
                throw DateFormatError("'\(Character(UnicodeScalar(byte)))' is not a letter of date formats; they are \(letterList)",
                                      help: "write the day, month and year as in \"dd/mm/yyyy\", or \"excel\" for Excel's day numbers")
            }
            return (.literal(byte), 1)
        }
    }

    private static let letterList = "yyyy mm dd Mon HH MM SS fff AM Z"

    /// Each field once; a year, a month and a day; a time's parts in order.
    private static func checkFields(_ pieces: [Piece]) throws(DateFormatError) {
        var seen: [String: Int] = [:]
        for piece in pieces { if let name = fieldName(piece) { seen[name, default: 0] += 1 } }
        if let twice = seen.first(where: { $0.value > 1 })?.key ?? (seen["mm"] != nil && seen["Mon"] != nil ? "month" : nil) {
            throw DateFormatError("the date format gives the \(twice == "month" ? "month" : "field \(twice)") twice")
        }
        for (field, label) in [("yyyy", "year (yyyy)"), ("dd", "day (dd)")] where seen[field] == nil {
            throw DateFormatError("the date format has no \(label)", help: "write for example \"dd/mm/yyyy\"")
        }
        if seen["mm"] == nil && seen["Mon"] == nil {
            throw DateFormatError("the date format has no month (mm or Mon)", help: "write for example \"dd/mm/yyyy\"")
        }
        let needs = [("MM", "HH"), ("SS", "MM"), ("fff", "SS"), ("AM", "HH"), ("Z", "HH")]
        for (field, before) in needs where seen[field] != nil && seen[before] == nil {
            throw DateFormatError("the date format has \(field) without \(before)", help: "write the time as HH:MM:SS")
        }
        for (k, piece) in pieces.enumerated() where k + 1 < pieces.count {
            if case .fraction = piece, pieces[k + 1].isDigits {
                throw DateFormatError("write a separator after fff: its digits run to the first non-digit")
            }
        }
    }

    private static func fieldName(_ piece: Piece) -> String? {
        switch piece {
        case .year: return "yyyy"
        case .month: return "mm"
        case .day: return "dd"
        case .monthName: return "Mon"
        case .hour: return "HH"
        case .minute: return "MM"
        case .second: return "SS"
        case .fraction: return "fff"
        case .meridiem: return "AM"
        case .zone: return "Z"
        case .literal: return nil
        }
    }

    // MARK: Reading

    /// The stored value of a cell's text (spaces around it ignored); nil when it does not
    /// follow the format or is not a real date (31/02/2024).
    public func read(_ text: String) -> Double? {
        CellRules.withTrimmedBytes(text) { p, count in read(p, count) }
    }

    /// A number from a numeric column: an Excel serial, or its digits read with the format
    /// (`20240315` with `yyyymmdd`; leading zeros a number lost are put back for a format of
    /// fixed-width digits only).
    public func read(number value: Double) -> Double? {
        if isExcel { return Self.excelDay(value) }
        guard value >= 0, value == value.rounded(), WholeNumbers.fits(value) else { return nil }
        var digits = String(Int64(value))
        if pieces.allSatisfy(\.isDigits) {
            let width = pieces.reduce(0) { $0 + $1.width }
            if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
        }
        return read(digits)
    }

    func read(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        if isExcel { return CSVReader.parseNumberBytes(p, count, decimalComma: false).flatMap(Self.excelDay) }
        var cursor = DateCursor(p, count)
        var fields = Fields()
        // A field may have one digit (3/5/2024) where a separator ends it; in a format of digits
        // only (yyyymmdd) every field has its full width.
        let digitsOnly = pieces.allSatisfy(\.isDigits)
        for (k, piece) in pieces.enumerated() {
            let adjacent = k + 1 < pieces.count ? pieces[k + 1].isDigits : digitsOnly
            guard read(piece, adjacent: adjacent, &cursor, into: &fields) else { return nil }
        }
        if fields.hour == nil, !cursor.atEnd {
            guard let seconds = cursor.timeSuffix(allowT: true, allowZone: true) else { return nil }
            fields.seconds = seconds
        }
        guard cursor.atEnd else { return nil }
        return fields.value()
    }

    /// The fields read so far.
    private struct Fields {
        var year = 0, month = 0, day = 0
        var hour: Int?
        var minute = 0
        var seconds = 0.0
        var pm: Bool?
        var offset = 0.0

        func value() -> Double? {
            var hours = hour ?? 0
            if let pm {
                guard hours >= 1, hours <= 12 else { return nil }
                hours = hours % 12 + (pm ? 12 : 0)
            }
            guard hours < 24 else { return nil }
            let result = DateParsing.value(year: year, month: month, day: day,
                                           seconds: Double(hours * 3600 + minute * 60) + seconds - offset)
            return result.isNaN ? nil : result
        }
    }

    private func read(_ piece: Piece, adjacent: Bool, _ cursor: inout DateCursor, into fields: inout Fields) -> Bool {
        let least = adjacent ? piece.width : 1
        switch piece {
        case .year:
            guard let value = cursor.digits(min: 4, max: 4) else { return false }
            fields.year = value
        case .month:
            guard let value = cursor.digits(min: least, max: 2) else { return false }
            fields.month = value
        case .day:
            guard let value = cursor.digits(min: least, max: 2) else { return false }
            fields.day = value
        case .monthName:
            guard let value = cursor.monthName() else { return false }
            fields.month = value
        case .hour:
            guard let value = cursor.digits(min: least, max: 2) else { return false }
            fields.hour = value
        case .minute:
            guard let value = cursor.digits(min: 2, max: 2), value < 60 else { return false }
            fields.minute = value
        case .second:
            guard let value = cursor.digits(min: 2, max: 2), value < 60 else { return false }
            fields.seconds += Double(value)
        case .fraction:
            guard let value = cursor.fraction() else { return false }
            fields.seconds += value
        case .meridiem:
            guard let pm = cursor.meridiem() else { return false }
            fields.pm = pm
        case .zone:
            guard let offset = cursor.zone() else { return false }
            fields.offset = offset
        case .literal(let byte):
            guard cursor.skip(byte) else { return false }
            if byte == ASCII.space { while cursor.skip(ASCII.space) {} }
        }
        return true
    }

    // MARK: Excel serial numbers

    /// Excel counts days from 1900-01-01 (serial 1) but treats 1900 as a leap year (a bug kept
    /// from Lotus 1-2-3): serial 60 is 29 February 1900, a day that never was, so it is not
    /// read, and from serial 61 (1900-03-01) on every serial is one more than the count of
    /// days. The last serial is 2,958,465 (9999-12-31); 0 and negative serials are not dates.
    static func excelDay(_ serial: Double) -> Double? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = serial.rounded(.down)
        if whole == 60 { return nil }
        return serial + (whole < 60 ? excelEpochBeforeMarch : excelEpoch)
    }

    /// The day number of serial 0 from March 1900 on (1899-12-30), and before (1899-12-31).
    private static let excelEpoch = -25_569.0
    private static let excelEpochBeforeMarch = -25_568.0

    // MARK: Writing

    /// A stored date written in this format (an Excel serial for `excel`): the inverse of
    /// reading, used for examples in messages and to test that every format reads back what
    /// it writes. Empty for a date the format cannot hold (Excel before 1900).
    public func write(_ value: Double) -> String {
        guard CivilDate.validDayNumbers.contains(value) else { return "" }
        let whole = value.rounded(.down)
        if isExcel {
            guard whole >= Self.excelEpochBeforeMarch + 1 else { return "" }
            let serial = value - (whole >= Self.excelEpoch + 61 ? Self.excelEpoch : Self.excelEpochBeforeMarch)
            return NumberText.exact(serial)
        }
        let date = CivilDate(dayNumber: Int(whole))
        // Rounded once to the finest unit written, so 45.9999 s with "SS" is 46, not 45.
        var scale = 1
        for case .fraction(let digits) in pieces { for _ in 0..<digits { scale *= 10 } }
        let units = min(Int(((value - whole) * 86_400 * Double(scale)).rounded()), 86_400 * scale - 1)
        let wholeSeconds = units / scale
        let twelveHour = pieces.contains(.meridiem)
        var out = ""
        for piece in pieces {
            switch piece {
            case .year: out += Self.pad(date.year, 4)
            case .month: out += Self.pad(date.month, 2)
            case .day: out += Self.pad(date.day, 2)
            case .monthName(let full):
                out += full ? MonthNames.full[date.month - 1] : MonthNames.abbreviated[date.month - 1]
            case .hour:
                let hour = wholeSeconds / 3600
                out += Self.pad(twelveHour ? (hour % 12 == 0 ? 12 : hour % 12) : hour, 2)
            case .minute: out += Self.pad(wholeSeconds / 60 % 60, 2)
            case .second: out += Self.pad(wholeSeconds % 60, 2)
            case .fraction(let digits): out += Self.pad(units % scale, digits)
            case .meridiem: out += wholeSeconds >= 43_200 ? "PM" : "AM"
            case .zone: out += "Z"
            case .literal(let byte): out.unicodeScalars.append(UnicodeScalar(byte))
            }
        }
        return out
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Why a date format cannot be used, worded for the person who wrote it.
public struct DateFormatError: Error, Equatable, Sendable {
    public let message: String
    public let help: String?

    init(_ message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}

/// Cell values to and from text: numbers written for cells, labels and messages, and text
/// read as booleans, numbers and dates.

/// Turning numbers into text for cells, labels and messages.
enum NumberText {
    /// The shortest text that reads back as the same number (ValueText.formatNumber): 25, 2.5,
    /// 1000, 0.00001, 1e+20. Used when a number becomes a cell's text, where no precision may be lost.
    static func exact(_ value: Double) -> String { ValueText.formatNumber(value) }

    /// At most six significant digits (ValueText.label): 25, 2.5, 1000, 36.6667. Used in bin
    /// labels and messages, where 36.666666666666664 would only get in the way.
    static func label(_ value: Double) -> String { ValueText.label(value) }

    /// "90%" for 0.9, "33.3333%" for 1/3.
    static func percent(_ share: Double) -> String { label(share * 100) + "%" }

    /// Text for a boolean cell.
    static func boolean(_ value: Double) -> String { value != 0 ? "true" : "false" }
}

/// Reading a cell's text as a number, a boolean or an ISO date, for `cast` and for stored
/// values. (A cast to date reads text with the reader's date forms, `DateParsing`, or with a
/// `DateFormat`, so load and cast read a date the same way.)
enum CellParsing {
    /// "true"/"false", "yes"/"no", "y"/"n", "t"/"f", "1"/"0" in any case, spaces around ignored.
    static func boolean(_ text: String) -> Double? {
        switch trimmed(text).lowercased() {
        case "true", "yes", "y", "t", "1": return 1
        case "false", "no", "n", "f", "0": return 0
        default: return nil
        }
    }

    /// A finite number written the usual way ("12", "-3.5", "1e3"), spaces around ignored.
    static func number(_ text: String) -> Double? {
        guard let value = Double(trimmed(text)), value.isFinite else { return nil }
        return value
    }

    /// An ISO date `yyyy-mm-dd`, optionally followed by a time `hh:mm[:ss[.fff]]` after a space
    /// or `T` (and an optional `Z`), as a day number with the time of day as its fraction.
    /// Nil for anything else, including dates that do not exist such as 2023-02-30.
    static func date(_ text: String) -> Double? {
        var scanner = ByteScanner(Array(trimmed(text).utf8))
        guard let year = scanner.digits(min: 4, max: 4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.digits(min: 1, max: 2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.digits(min: 1, max: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        if scanner.atEnd { return Double(date.dayNumber) }
        guard scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: " ")),
            let seconds = timeOfDay(&scanner)
        else { return nil }
        _ = scanner.skip(UInt8(ascii: "Z"))
        guard scanner.atEnd else { return nil }
        return Double(date.dayNumber) + seconds / 86_400
    }

    /// `hh:mm[:ss[.fff]]` as seconds since midnight.
    private static func timeOfDay(_ scanner: inout ByteScanner) -> Double? {
        guard let hour = scanner.digits(min: 1, max: 2), hour < 24, scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.digits(min: 2, max: 2), minute < 60
        else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if scanner.skip(UInt8(ascii: ":")) {
            guard let second = scanner.digits(min: 2, max: 2), second < 60 else { return nil }
            seconds += Double(second)
            if scanner.skip(UInt8(ascii: ".")) {
                guard let fraction = scanner.fraction() else { return nil }
                seconds += fraction
            }
        }
        return seconds
    }

    static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}

/// Reads ASCII digits and punctuation from a byte array without ever indexing past its end.
private struct ByteScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Between `min` and `max` digits as a number.
    mutating func digits(min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, position < bytes.count, let digit = Self.digit(bytes[position]) {
            value = value * 10 + digit
            count += 1
            position += 1
        }
        return count >= min ? value : nil
    }

    /// One or more digits after a decimal point, as a fraction (".25" → 0.25).
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        var count = 0
        while position < bytes.count, let digit = Self.digit(bytes[position]) {
            value += Double(digit) * scale
            scale /= 10
            count += 1
            position += 1
        }
        return count > 0 ? value : nil
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

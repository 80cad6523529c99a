/// Conversions between calendar dates and the day numbers stored in date columns
/// (days since 1970-01-01, proleptic Gregorian, no time zone: a date in a CRM export is a
/// calendar date, not an instant). Hand-written (Hinnant's civil-date algorithms) because
/// Foundation's Calendar is slow per cell and time-zone dependent.
public struct CivilDate: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether this is a real calendar date (e.g. rejects 2023-02-30).
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1, year >= 1, year <= 9999 else { return false }
        return day <= CivilDate.daysInMonth(year: year, month: month)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public static func weekday(dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let shifted = (dayNumber + 3) % 7
        return (shifted < 0 ? shifted + 7 : shifted) + 1
    }

    /// `yyyy-mm-dd`
    public var isoString: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The supported dates, 0001-01-01 00:00 up to the end of 9999-12-31, as day numbers with
    /// the time of day as a fraction: every stored date lies in this range (parsing refuses
    /// dates outside it, date arithmetic that leaves it gives missing), and every date function,
    /// display and export handles all of it, the last day's times included.
    public static let validDayNumbers: Range<Double> = -719_162..<2_932_897

    /// Formats a stored date value: `yyyy-mm-dd`, plus ` hh:mm[:ss]` when it has a time of day.
    public static func format(_ value: Double) -> String {
        guard validDayNumbers.contains(value) else { return "" }
        let whole = value.rounded(.down)
        let date = CivilDate(dayNumber: Int(whole)).isoString
        let seconds = secondsOfDay(value, whole)
        guard seconds > 0 else { return date }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let time = "\(two(seconds / 3600)):\(two(seconds / 60 % 60))"
        return seconds % 60 == 0 ? "\(date) \(time)" : "\(date) \(time):\(two(seconds % 60))"
    }

    /// Whole seconds since midnight, rounded (a stored fraction of a day is rarely exact) but
    /// never up into the next day: 23:59:59.7 shows as 23:59:59, not as a date without a time.
    static func secondsOfDay(_ value: Double, _ whole: Double) -> Int {
        min(Int(((value - whole) * 86_400).rounded()), 86_399)
    }
}

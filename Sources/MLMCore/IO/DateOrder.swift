/// How a column's numeric day/month dates (`03/04/2024`, `03-04-2024`) are read: the one rule
/// for the CSV reader and for `cast ... to date` without a format. The data decides: a value
/// whose first field is above 12 settles day first, one whose second field is above 12
/// settles month first. When every value fits both readings, slash dates are read month first
/// (`mm/dd/yyyy`: the US convention, and the default of US-English Excel, CRM and ad-platform
/// exports, which write slashes) and dash dates day first (`dd-mm-yyyy`: the convention of
/// the countries whose exports write dashes); the output says so and how to force the other.
/// A column with values only one reading fits and others only the other fits is never read
/// as a mix: the reader keeps it as text and says why, a cast stops with an error.
public enum DateOrderDecision: Equatable, Sendable {
    /// No value depends on the order (ISO, dotted, month names, or day equal to month).
    case notNeeded
    /// A value fits only this reading.
    case settled(monthFirst: Bool)
    /// Every value fits both readings: the documented default for the separator.
    case byDefault(monthFirst: Bool)
    /// Some values fit only day first, others only month first.
    case mixed

    public var monthFirst: Bool {
        switch self {
        case .settled(let monthFirst), .byDefault(let monthFirst): return monthFirst
        case .notNeeded, .mixed: return true
        }
    }
}

/// What a column's cells (seen so far) say about their day/month order. `Position` is
/// whatever locates an example cell for a message: a field reference in the reader, a
/// dictionary index in a cast.
struct DateOrderEvidence<Position> {
    var monthFirstValid = true
    var dayFirstValid = true
    var sawSlash = false
    var sawDash = false
    /// The first cell only day first fits, the first only month first fits, and the first
    /// whose two readings are different dates.
    var dayFirstOnly: Position?
    var monthFirstOnly: Position?
    var differing: Position?

    @inline(__always)
    mutating func observe(_ date: ParsedDate, at position: @autoclosure () -> Position) {
        guard date.order != .fixed else { return }
        if date.order == .slash { sawSlash = true } else { sawDash = true }
        if date.monthFirst.isNaN {
            monthFirstValid = false
            if dayFirstOnly == nil { dayFirstOnly = position() }
        } else if date.dayFirst.isNaN {
            dayFirstValid = false
            if monthFirstOnly == nil { monthFirstOnly = position() }
        } else if differing == nil, date.monthFirst != date.dayFirst {
            differing = position()
        }
    }

    /// Adds the evidence of the rows after these; examples keep the earliest.
    mutating func merge(_ later: DateOrderEvidence) {
        monthFirstValid = monthFirstValid && later.monthFirstValid
        dayFirstValid = dayFirstValid && later.dayFirstValid
        sawSlash = sawSlash || later.sawSlash
        sawDash = sawDash || later.sawDash
        dayFirstOnly = dayFirstOnly ?? later.dayFirstOnly
        monthFirstOnly = monthFirstOnly ?? later.monthFirstOnly
        differing = differing ?? later.differing
    }

    var decision: DateOrderDecision {
        switch (monthFirstValid, dayFirstValid) {
        case (false, false): return .mixed
        case (true, false): return .settled(monthFirst: true)
        case (false, true): return .settled(monthFirst: false)
        case (true, true): return differing == nil ? .notNeeded : .byDefault(monthFirst: sawSlash || !sawDash)
        }
    }

    /// The format a reading of this column's dates is written as, for messages.
    func pattern(monthFirst: Bool) -> String {
        let separator = sawSlash || !sawDash ? "/" : "-"
        return monthFirst ? "mm\(separator)dd\(separator)yyyy" : "dd\(separator)mm\(separator)yyyy"
    }
}

/// The words for how a column's day/month order was decided, for `load` and `cast` alike;
/// `fix` writes the step that forces a format (`column d as date "dd/mm/yyyy"`).
public enum DateOrderWording {
    public static func decided(_ note: DateOrderNote, fix: (String) -> String) -> String {
        let example = note.examples.first.map { "\($0.place) has '\($0.text)'" } ?? ""
        switch note.decision {
        case .settled(let monthFirst):
            return "'\(note.column)' read \(monthFirst ? "month" : "day") first (\(note.chosen)): \(example)"
        case .byDefault(let monthFirst):
            return "'\(note.column)' read \(monthFirst ? "month" : "day") first (\(note.chosen)), as every date fits both "
                + "orders (\(example)); if \(monthFirst ? "the day" : "the month") comes first, write: \(fix(note.other))"
        case .mixed, .notNeeded:
            return mixed(note, stays: true, fix: fix)
        }
    }

    /// A column whose dates disagree: `stays` when it was kept as text, else it is an error.
    public static func mixed(_ note: DateOrderNote, stays: Bool, fix: (String) -> String) -> String {
        let shown = note.examples.map { "\($0.place): '\($0.text)'" }
        let day = shown.first ?? ""
        let month = shown.count > 1 ? shown[1] : ""
        let facts = "some dates fit only day first (\(day)) and others only month first (\(month))"
        if stays {
            return "'\(note.column)' is not read as dates: \(facts); one column is never read both ways. If one order is right, "
                + "write: \(fix(note.chosen)) or \(fix(note.other)) (the rows that do not fit are then named)"
        }
        return "'\(note.column)' has dates in both orders: \(facts); give the format the file uses: "
            + "\(fix(note.chosen)) or \(fix(note.other))"
    }

    /// A column name as a script writes it: in backticks unless it is a plain word.
    public static func written(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } ?? false
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain ? name : "`\(name)`"
    }

    /// `column d as date "dd/mm/yyyy"`, the load option that forces a format.
    public static func loadFix(_ column: String) -> (String) -> String {
        { "column \(written(column)) as date \"\($0)\"" }
    }
}

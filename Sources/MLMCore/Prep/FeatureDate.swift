/// `extract year, month, weekday from signup`
extension DataFrame {
    /// Adds the whole-number column `column_part` (`signup_month`, `signup_day_of_year`, ...)
    /// right after a date column and returns its name; an existing column of that name is
    /// replaced. Year; quarter 1–4; month 1–12; day 1–31; ISO weekday 1 = Monday ... 7 =
    /// Sunday; hour 0–23 from the time of day (0 for dates without one); day of year 1–366.
    /// Missing dates give missing parts. Learns nothing, so records no step.
    public mutating func extractDatePart(_ column: String, part: DatePart) throws(PrepError) -> String {
        let source = try prepColumn(column)
        guard ColumnNeed.dates.accepts(source.type), let values = source.numbers else {
            throw PrepError.wrongType(source, operation: "extract", needs: .dates)
        }
        let output = "\(column)_\(part.rawValue)"
        var parts = [Double](repeating: .nan, count: values.count)
        values.withUnsafeBufferPointer { cells in
            parts.withUnsafeMutableBufferPointer { target in
                for row in 0..<cells.count {
                    // The same range as the date functions of expressions (a stored date is
                    // always in it; the guard keeps the integer arithmetic below safe).
                    let value = cells[row]
                    guard CivilDate.validDayNumbers.contains(value) else { continue }
                    target[row] = Double(Self.datePart(part, of: value))
                }
            }
        }
        removeColumn(named: output)
        insertColumn(Column(name: output, type: .integer, numbers: parts), after: column)
        return output
    }

    static func datePart(_ part: DatePart, of value: Double) -> Int {
        let dayNumber = Int(value.rounded(.down))
        switch part {
        case .weekday:
            return CivilDate.weekday(dayNumber: dayNumber)
        case .hour:
            return CivilDate.secondsOfDay(value, value.rounded(.down)) / 3600
        default:
            break
        }
        let date = CivilDate(dayNumber: dayNumber)
        switch part {
        case .year: return date.year
        case .quarter: return (date.month - 1) / 3 + 1
        case .month: return date.month
        case .day: return date.day
        case .dayOfYear: return dayNumber - CivilDate(year: date.year, month: 1, day: 1).dayNumber + 1
        case .weekday, .hour: return 0
        }
    }
}

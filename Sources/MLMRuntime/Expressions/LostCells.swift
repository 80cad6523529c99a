import MLMCore

/// Rows where an expression computed something no cell can hold: a result beyond the largest
/// number (about ±1.8e308), no numeric result at all (a negative number to a fractional power),
/// or a date outside the supported calendar. Such cells become missing, and because a step that
/// turns present values into missing ones says so, each cause is counted in rows (a row lost
/// twice in one expression counts once) for a warning.
struct LostCells {
    enum Cause: Int, CaseIterable {
        case overflow, undefined, outsideCalendar

        func note(_ rows: Int, of column: String?) -> String {
            let subject = (rows == 1 ? "1 row" : "\(Words.count(rows)) rows") + (column.map { " of '\($0)'" } ?? "")
            let verb = rows == 1 ? "is" : "are"
            switch self {
            case .overflow:
                return "\(subject) overflowed (a result beyond the largest number, about ±1.8e308) and \(verb) missing"
            case .undefined:
                return "\(subject) had no numeric result (such as a negative number to a fractional power) and \(verb) missing"
            case .outsideCalendar:
                return "\(subject) gave a date outside 0001-01-01 to 9999-12-31 and \(verb) missing"
            }
        }
    }

    /// Per cause, which rows were lost (allocated on the first one) and how many.
    private var masks: [[Bool]] = Array(repeating: [], count: Cause.allCases.count)
    private var counts: [Int] = Array(repeating: 0, count: Cause.allCases.count)

    mutating func record(_ cause: Cause, row: Int, rowCount: Int) {
        let index = cause.rawValue
        if masks[index].isEmpty { masks[index] = [Bool](repeating: false, count: rowCount) }
        guard row < masks[index].count, !masks[index][row] else { return }
        masks[index][row] = true
        counts[index] += 1
    }

    /// One warning per cause, in a fixed order, naming the column the result becomes if any.
    func notes(of column: String?) -> [String] {
        Cause.allCases.compactMap { cause in counts[cause.rawValue] > 0 ? cause.note(counts[cause.rawValue], of: column) : nil }
    }
}

extension ExpressionEvaluator {
    /// Makes every cell of an arithmetic result that is not a representable value missing, and
    /// counts it unless an input of that row was already missing. `undefinedToo` is false where
    /// a missing result has its own warning (division by zero). In the branches of `if`, cells
    /// are made missing but not counted, as for the other warnings there.
    mutating func keepRepresentable(_ values: inout [Double], type: ColumnType, inputs: [NumericOperand],
                                    undefinedToo: Bool = true) {
        let counting = insideConditionalBranch == 0
        for row in values.indices {
            let value = values[row]
            let cause: LostCells.Cause
            if type == .date, !value.isNaN {
                guard !CivilDate.validDayNumbers.contains(value) else { continue }
                cause = .outsideCalendar
            } else if value.isInfinite {
                cause = .overflow
            } else if value.isNaN, undefinedToo, inputs.allSatisfy({ !self.value($0, row).isNaN }) {
                cause = .undefined
            } else {
                continue
            }
            values[row] = .nan
            if counting { lostCells.record(cause, row: row, rowCount: rowCount) }
        }
    }
}

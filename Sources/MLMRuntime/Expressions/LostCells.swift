import MLMCore

/// Rows where an expression computed something no cell can hold: a result beyond the largest
/// number (about ±1.8e308), no numeric result at all (a negative number to a fractional power),
/// or a date outside the supported calendar. Such cells become missing, and because a step that
/// turns present values into missing ones says so, each cause is counted in rows (a row lost
/// twice in one expression counts once) for a warning.
struct LostCells {
    enum Cause: CaseIterable {
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

    private var rows: [Cause: [Bool]] = [:]
    private var counts: [Cause: Int] = [:]

    mutating func record(_ cause: Cause, row: Int, rowCount: Int) {
        var mask = rows[cause] ?? [Bool](repeating: false, count: rowCount)
        guard row < mask.count, !mask[row] else { return }
        mask[row] = true
        rows[cause] = mask
        counts[cause, default: 0] += 1
    }

    /// One warning per cause, in a fixed order, naming the column the result becomes if any.
    func notes(of column: String?) -> [String] {
        Cause.allCases.compactMap { cause in counts[cause].map { cause.note($0, of: column) } }
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

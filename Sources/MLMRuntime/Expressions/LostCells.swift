import MLMCore
import MLMSyntax

/// Rows where an expression computed something no cell can hold: a result beyond the largest
/// number (about ±1.8e308), no numeric result at all (a negative number to a fractional power,
/// a division by zero, the logarithm of zero, the square root of a negative number), or a date
/// outside the supported calendar, or text that trim() leaves empty (an empty cell is missing). Such cells become missing, and because a step that turns
/// present values into missing ones says so, each cause is counted in rows (a row lost twice in
/// one expression counts once) for a warning, and remembers where in the script it first
/// happened so an error can point there.
struct LostCells {
    enum Cause: Int, CaseIterable {
        case overflow, undefined, outsideCalendar, divisionByZero, logOfNonPositive, rootOfNegative, emptyText

        func note(_ rows: Int, of column: String?) -> String {
            phrase(rows, of: column) + (rows == 1 ? " and is missing" : " and are missing")
        }

        /// "4 rows of 'y' took log() of zero or a negative number"
        func phrase(_ rows: Int, of column: String? = nil) -> String {
            Words.plural(rows, "row") + (column.map { " of '\($0)'" } ?? "") + " " + (rows == 1 ? singular : plural)
        }

        /// What happened, after "1 row" (and "12 rows", with `plural`).
        private var singular: String {
            switch self {
            case .overflow: return "overflowed (a result beyond the largest number, about ±1.8e308)"
            case .undefined: return "had no numeric result (such as a negative number to a fractional power)"
            case .outsideCalendar: return "gave a date outside 0001-01-01 to 9999-12-31"
            case .divisionByZero: return "was divided by zero"
            case .logOfNonPositive: return "took log() of zero or a negative number"
            case .rootOfNegative: return "took sqrt() of a negative number"
            case .emptyText: return "held only spaces (trim() leaves them empty)"
            }
        }

        private var plural: String { self == .divisionByZero ? "were divided by zero" : singular }

        /// The likely fix, for the error when a cause empties a whole column.
        var help: String {
            switch self {
            case .overflow: return "scale the values down first, for example divide by 1000, or clip them"
            case .undefined: return "raise only positive numbers to a fractional power, for example with abs() or if()"
            case .outsideCalendar: return "check the number of days added to the dates"
            case .divisionByZero: return "divide only where the divisor is not zero: if(visits > 0, revenue / visits, 0)"
            case .logOfNonPositive: return "take log() of positive values only, for example log(x + 1) for counts that can be 0"
            case .rootOfNegative: return "take sqrt() of values that are 0 or more, for example sqrt(abs(x))"
            case .emptyText: return "the cells hold nothing but spaces; drop the column, or fill it before trimming"
            }
        }
    }

    /// Per cause, which rows were lost (allocated on the first one), how many, and the part of
    /// the script that first lost one.
    private var masks: [[Bool]] = Array(repeating: [], count: Cause.allCases.count)
    private var counts: [Int] = Array(repeating: 0, count: Cause.allCases.count)
    private var ranges: [SourceRange?] = Array(repeating: nil, count: Cause.allCases.count)

    mutating func record(_ cause: Cause, row: Int, rowCount: Int, at range: SourceRange?) {
        let index = cause.rawValue
        if masks[index].isEmpty { masks[index] = [Bool](repeating: false, count: rowCount) }
        guard row < masks[index].count, !masks[index][row] else { return }
        masks[index][row] = true
        counts[index] += 1
        if ranges[index] == nil { ranges[index] = range }
    }

    /// Takes over the rows of `other` (the losses of one branch of `if`) that `keeps` says the
    /// result uses: a row computed in the branch that was not chosen lost nothing.
    mutating func merge(_ other: LostCells, where keeps: (Int) -> Bool) {
        for cause in Cause.allCases where other.counts[cause.rawValue] > 0 {
            let mask = other.masks[cause.rawValue]
            for row in mask.indices where mask[row] && keeps(row) {
                record(cause, row: row, rowCount: mask.count, at: other.ranges[cause.rawValue])
            }
        }
    }

    /// Keeps only the rows where the finished result is missing: a lost value that did not
    /// reach the result (`log(x) is missing`, `x / 0 > 1 or true`) lost nothing.
    mutating func keepRows(missingIn result: Column) {
        for cause in Cause.allCases where counts[cause.rawValue] > 0 {
            let index = cause.rawValue
            for row in masks[index].indices where masks[index][row] && row < result.count && !result.isMissing(row) {
                masks[index][row] = false
                counts[index] -= 1
            }
            if counts[index] == 0 { ranges[index] = nil }
        }
    }

    var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }

    /// One warning per cause, in a fixed order, naming the column the result becomes if any.
    func notes(of column: String?) -> [String] {
        Cause.allCases.compactMap { cause in counts[cause.rawValue] > 0 ? cause.note(counts[cause.rawValue], of: column) : nil }
    }

    /// Every lost row, whatever the cause, as a mask of `rowCount` rows.
    func rows(count rowCount: Int) -> MissingMask {
        var union = MissingMask(count: rowCount)
        for mask in masks where !mask.isEmpty {
            for row in mask.indices where mask[row] && row < rowCount { union[row] = true }
        }
        return union
    }

    /// The cause that lost the most rows (the first in the fixed order on a tie) and where.
    var mainCause: (cause: Cause, range: SourceRange?)? {
        guard let cause = Cause.allCases.filter({ counts[$0.rawValue] > 0 }).max(by: { counts[$0.rawValue] < counts[$1.rawValue] })
        else { return nil }
        return (cause, ranges[cause.rawValue])
    }
}

extension ExpressionEvaluator {
    /// Makes every cell of an arithmetic result that is not a representable value missing, and
    /// counts it unless an input of that row was already missing. `undefined` names the cause
    /// of a result without a value (nil where the caller counts those itself).
    mutating func keepRepresentable(_ values: inout [Double], type: ColumnType, inputs: [NumericOperand],
                                    undefined: LostCells.Cause? = .undefined, at range: SourceRange) {
        for row in values.indices {
            let value = values[row]
            let cause: LostCells.Cause
            if type == .date, !value.isNaN {
                guard !CivilDate.validDayNumbers.contains(value) else { continue }
                cause = .outsideCalendar
            } else if value.isInfinite {
                cause = .overflow
            } else if value.isNaN, let undefined, inputs.allSatisfy({ !self.value($0, row).isNaN }) {
                cause = undefined
            } else {
                continue
            }
            values[row] = .nan
            lostCells.record(cause, row: row, rowCount: rowCount, at: range)
        }
    }
}

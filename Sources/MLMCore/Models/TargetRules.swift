import Foundation

/// The rules that decide what a target means, declared once: training, cross-validation,
/// evaluation and model files go through `TargetEncoder`, which applies them to the data, and
/// `mlm check` applies the ones that need no data (which algorithm predicts which kind of target)
/// to the script before anything runs, with the same words.
public enum TargetRules {
    /// The kind of target a step asks for, as far as is known before the data is read.
    public enum Kind: Sendable, Equatable {
        case classes
        case number
    }

    /// Why an algorithm cannot learn this kind of target, or nil when it can. `asNumber`: the
    /// script wrote `as number`; `zeroOne`: a number column of 0s and 1s, whose fix is `as number`.
    public static func supportProblem(_ algorithm: Algorithm, kind: Kind, column: String,
                                      asNumber: Bool = false, zeroOne: Bool = false) -> String? {
        switch kind {
        case .number where !algorithm.tasks.contains(.regression):
            return asNumber
                ? "\(algorithm.name) predicts classes, but 'as number' asks for '\(column)' as a number; use linear or random_forest, or leave out 'as number' to predict its classes"
                : "\(algorithm.name) predicts classes, but '\(column)' holds numbers; use linear or random_forest, or write target \(column) = <value> to predict one value"
        case .classes where !algorithm.tasks.contains(.binary) && !algorithm.tasks.contains(.multiclass):
            return "\(algorithm.name) predicts numbers, but '\(column)' holds classes; use logistic or random_forest"
                + (zeroOne ? ", or write target \(column) as number to fit a regression on its 0/1 values" : "")
        default:
            return nil
        }
    }

    /// The same, for a target decided from the data.
    static func supportProblem(_ algorithm: Algorithm, spec: TargetSpec, frame: DataFrame, positive: CellValue?,
                               asNumber: Bool) -> String? {
        supportProblem(algorithm, kind: spec.isClassification ? .classes : .number, column: spec.column, asNumber: asNumber,
                       zeroOne: positive == nil && frame.column(named: spec.column).map(holdsZeroAndOne) == true)
    }

    /// `as number` on a column that holds no numbers, or nil when it does.
    public static func asNumberProblem(column: String, type: ColumnType) -> String? {
        guard !type.isQuantitative, type != .boolean else { return nil }
        return "'as number' needs a number column, but '\(column)' holds \(type.plainDescription); leave out 'as number' to predict its classes"
    }

    /// A number column whose present values, in every row, are 0 and 1 (both): a yes/no target.
    public static func holdsZeroAndOne(_ column: Column) -> Bool {
        guard column.type.isQuantitative, let values = column.numbers else { return false }
        var zero = false, one = false
        for row in values.indices where !column.isMissing(row) {
            switch values[row] {
            case 0: zero = true
            case 1: one = true
            default: return false
            }
        }
        return zero && one
    }

    /// The two values of a category target when they are a yes/no pair (case aside): the "yes" one.
    public static func yesSide(of a: String, _ b: String) -> String? {
        guard let first = booleanValue(a), let second = booleanValue(b), first != second else { return nil }
        return first ? a : b
    }

    /// "yes", "y", "true", "t", "1" → true; "no", "n", "false", "f", "0" → false (case aside).
    static func booleanValue(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "y", "true", "t", "1": return true
        case "no", "n", "false", "f", "0": return false
        default: return nil
        }
    }

    /// What a train step says when it chose a yes/no classification by itself.
    static func yesNoNote(column: String, positive: String, negative: String, numbers: Bool) -> String {
        let shown = numbers ? positive : "'\(positive)'"
        let other = numbers ? "write target \(column) as number to fit a regression instead"
                            : "write target \(column) = \"\(negative)\" to predict the other"
        return "yes/no classification: predicting \(column) = \(shown); \(other)"
    }

    /// A target value written as text, read as a number ("1", " 0.5 "); nil when it is not one.
    static func number(_ text: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }
}

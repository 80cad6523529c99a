import MLMCore
import MLMSyntax

/// The kinds of column each clean and feature operation needs, declared once: `mlm check`
/// applies them to the column types it knows before anything runs, and the steps apply the same
/// functions to the loaded table before they change it, so both give the same message at the same
/// place. The core operations keep their own guard (ColumnNeed) for callers outside the language.
enum TypeRules {
    /// The columns an operation reads, what they must hold, and the operation's name in messages.
    struct Requirement {
        let columns: [Identifier]
        let need: ColumnNeed
        let operation: String
    }

    static func requirement(_ kind: CleanOperation.Kind) -> Requirement? {
        switch kind {
        case .fill(let columns, .mean): return Requirement(columns: columns, need: .numbers, operation: "fill with mean")
        case .fill(let columns, .median): return Requirement(columns: columns, need: .numbers, operation: "fill with median")
        case .clip(let columns, _, _): return Requirement(columns: columns, need: .numbers, operation: "clip")
        case .removeOutliers(let columns, _): return Requirement(columns: columns, need: .numbers, operation: "remove outliers")
        case .clipOutliers(let columns, _): return Requirement(columns: columns, need: .numbers, operation: "clip outliers")
        case .text(let transform, let columns): return Requirement(columns: columns, need: .strings, operation: transform.rawValue)
        default: return nil
        }
    }

    static func requirement(_ kind: FeatureOperation.Kind) -> Requirement? {
        switch kind {
        case .bin(_, let column, _): return Requirement(columns: [column], need: .numbers, operation: "bin")
        case .oneHot(let columns): return Requirement(columns: columns, need: .levels, operation: "onehot")
        case .standardize(let columns): return Requirement(columns: columns, need: .numbers, operation: "standardize")
        case .normalize(let columns): return Requirement(columns: columns, need: .numbers, operation: "normalize")
        case .log(let columns): return Requirement(columns: columns, need: .numbers, operation: "log")
        case .extractDateParts(_, let column): return Requirement(columns: [column], need: .dates, operation: "extract")
        case .derive: return nil
        }
    }

    /// The error for a column of the wrong kind, at the column's name; nil when it fits.
    static func problem(_ column: Identifier, type: ColumnType, _ requirement: Requirement) -> RuntimeError? {
        guard !requirement.need.accepts(type) else { return nil }
        return RuntimeError(requirement.need.problem(column: column.name, type: type, operation: requirement.operation),
                            at: column.range, help: help(column.name, type, requirement))
    }

    /// Whether `mlm check` may report a type it read from a file's first rows: a column that
    /// looks like numbers or dates there may still hold text further down, so only a step that
    /// refuses text as well is certain to fail.
    static func isCertain(_ requirement: Requirement) -> Bool {
        !requirement.need.accepts(.text) && !requirement.need.accepts(.category)
    }

    /// The problems of an operation on a loaded table, for the step to throw before it changes anything.
    static func check(_ requirement: Requirement?, in frame: DataFrame) throws(RuntimeError) {
        guard let requirement else { return }
        for name in requirement.columns {
            guard let column = frame.column(named: name.name) else { continue }  // the step names it as unknown
            guard var error = problem(name, type: column.type, requirement) else { continue }
            if column.count > 0, column.missingCount == column.count {
                // Typed text only for want of values: saying it "holds text" would mislead.
                error = RuntimeError(PrepError.wrongType(column, operation: requirement.operation, needs: requirement.need).message,
                                     at: name.range)
            }
            throw error
        }
    }

    private static func help(_ column: String, _ type: ColumnType, _ requirement: Requirement) -> String? {
        switch requirement.need {
        case .numbers where type.isString && requirement.operation.hasPrefix("fill"):
            return "fill \(column) with mode, or with a value such as \"unknown\""
        case .numbers where type.isString:
            return "use 'onehot \(column)' to turn categories into numbers"
        case .numbers where type == .date:
            return "turn dates into numbers with extract or days_between"
        case .dates:
            return "cast \(column) to date first"
        case .levels where type == .number:
            return "bin \(column) into ranges first, then one-hot the bins"
        default:
            return nil
        }
    }
}

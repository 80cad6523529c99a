import MLMCore
import MLMSyntax

/// The columns `predict ... as name` writes, and the rule that it never silently replaces a
/// column the table already has (a model's own input `x`, a user's `score_label`): only a column
/// an earlier `predict ... as name` wrote with the same name may be replaced, which is re-scoring
/// and is said. Shared by the checker (when the schema knows the columns) and the interpreter.
enum PredictColumns {
    /// For a model of `task` (nil when not known before running, or for a segmentation): the
    /// columns written; with an unknown task only those every kind writes.
    static func names(_ name: String, task: TargetSpec.Task?, reasons: Bool) -> [String] {
        var names = [name]
        switch task {
        case .binary: names.append("\(name)_label")
        case .multiclass: names.append("\(name)_probability")
        case .regression, nil: break
        }
        if reasons { names += (1...3).map { "\(name)_reason_\($0)" } }
        return names
    }

    /// Every column some kind of model could write for `name`, to remember what a predict wrote.
    static func possibleNames(_ name: String, reasons: Bool) -> [String] {
        names(name, task: .binary, reasons: reasons) + ["\(name)_probability"]
    }

    struct Refusal {
        let message: String
        let help: String
    }

    /// The refusal for the first of `columns` that `existing` holds and that no earlier
    /// `predict ... as name` wrote (`predictedBy`: column → the name of the predict that wrote it).
    /// `step` names the step for the message: `segment ... as name` follows the same rule.
    static func refusal(_ columns: [String], name: String, table: String, existing: Set<String>,
                        predictedBy: [String: String], step: String = "predict") -> Refusal? {
        guard let column = columns.first(where: { existing.contains($0) && predictedBy[$0] != name }) else { return nil }
        let free = suggestion(for: name, existing: existing, plain: step == "predict" ? ["score", "prediction"] : ["segment", "cluster"])
        let origin = predictedBy[column].map { " (written by an earlier step ... as \($0))" } ?? ""
        let what = step == "predict" ? "the predictions" : "the segments"
        return Refusal(message: "table '\(table)' already has a column '\(column)'\(origin); \(step) would replace it",
                       help: "write \(what) under another name, such as: ... as \(free)")
    }

    /// The columns of `columns` this predict replaces (each written by an earlier predict of the
    /// same name), for the note that says so.
    static func replaced(_ columns: [String], existing: Set<String>) -> [String] {
        columns.filter { existing.contains($0) }
    }

    private static func suggestion(for name: String, existing: Set<String>, plain: [String]) -> String {
        let candidates = plain + (2...99).map { "\(name)_\($0)" }
        let free = candidates.first { candidate in
            candidate != name && possibleNames(candidate, reasons: true).allSatisfy { !existing.contains($0) }
        }
        return free ?? "\(name)_new"
    }
}

extension Interpreter {
    /// The `PredictColumns` rule at run time (exit 70). Returns the note for a re-scoring that
    /// replaces the columns of an earlier predict of the same name, if it does.
    func refuseReplacingColumns(_ columns: [String], _ predict: PredictStatement, in frame: DataFrame) throws(RuntimeError) -> String? {
        try refuseReplacingColumns(columns, table: predict.table.name, output: predict.output, step: "predict", in: frame)
    }

    func refuseReplacingColumns(_ columns: [String], table: String, output: Identifier, step: String,
                                in frame: DataFrame) throws(RuntimeError) -> String? {
        let existing = Set(frame.columnNames)
        let predictedBy = session.predictedColumns[table] ?? [:]
        if let refusal = PredictColumns.refusal(columns, name: output.name, table: table,
                                                existing: existing, predictedBy: predictedBy, step: step) {
            throw RuntimeError(refusal.message, at: output.range, help: refusal.help)
        }
        let replaced = PredictColumns.replaced(columns, existing: existing)
        guard !replaced.isEmpty else { return nil }
        return "replaced \(Words.list(replaced)) from the earlier \(step) ... as \(output.name)"
    }
}

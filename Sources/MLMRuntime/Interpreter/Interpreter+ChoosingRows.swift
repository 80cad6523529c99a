import MLMCore
import MLMSyntax

/// The scored rows a threshold or a profit cut-off is chosen on, and what they are called in
/// messages ("validation" or "training").
struct ChoosingRows {
    let part: String
    let rows: ScoredRows

    var labels: [Int] { rows.labels.map { Int($0) } }
}

extension Interpreter {
    /// The one rule for every threshold and cut-off mlm chooses (`best_f1`, `recall(80%)`,
    /// `best_profit`, the best cut-off of `evaluate ... with cost, value`): the validation rows of
    /// the model's training table when it has some, else its training rows — never the test rows
    /// and never another table being measured, so the numbers reported on those rows stay unseen.
    /// Scores of a part `evaluate` has already scored are reused. Nil when the training table is
    /// not in this session (a model loaded from a file).
    func choosingRows(_ entry: SessionModel, reusing scored: [(EvaluationPart, ScoredRows)] = [],
                      at range: SourceRange) throws(RuntimeError) -> ChoosingRows? {
        guard let name = entry.trainingTable, let frame = session.table(name) else { return nil }
        let validation = frame.roles.map { roles in roles.indices.filter { roles[$0] == .validation } } ?? []
        let (part, role, rows) = validation.isEmpty ? ("training", "train", frame.fittingRows) : ("validation", "validation", validation)
        if let done = scored.first(where: { $0.0.name == role }) {
            return ChoosingRows(part: part, rows: done.1)
        }
        // Notes about these rows (unseen categories, missing targets) belong to the step that
        // measures them; here they only serve to choose.
        var ignored: [String] = []
        let scoredRows = try score(entry.model, EvaluationPart(name: part, frame: frame, rows: rows), at: range, warnings: &ignored)
        return ChoosingRows(part: part, rows: scoredRows)
    }

    /// `choosingRows`, or the error that says why a threshold cannot be chosen.
    func requireChoosingRows(_ entry: SessionModel, reusing scored: [(EvaluationPart, ScoredRows)] = [],
                             at range: SourceRange) throws(RuntimeError) -> ChoosingRows {
        guard let rows = try choosingRows(entry, reusing: scored, at: range) else {
            throw RuntimeError("choosing a threshold needs the model's validation or training rows, and its training table is not in this session",
                               at: range, help: "give a number instead, as in 0.3 (thresholds are never chosen on the rows being measured)")
        }
        return rows
    }

    /// The threshold a rule chooses on the given rows: best F1, or the best precision among the
    /// thresholds that reach the recall wanted.
    func threshold(_ rule: ThresholdRule, _ entry: SessionModel, on choosing: ChoosingRows,
                   at range: SourceRange) throws(RuntimeError) -> (Double, String?) {
        let part = choosing.part
        switch rule {
        case .fixed(let value):
            return (value, nil)
        case .bestF1:
            guard let t = ClassificationMetrics.bestF1Threshold(labels: choosing.labels, scores: choosing.rows.positiveScores) else {
                throw RuntimeError("there are no '\(entry.model.target.positiveClass ?? "")' rows among the \(part) rows to choose a threshold on", at: range)
            }
            return (t, "best F1 on the \(part) rows")
        case .recall(let wanted):
            guard let t = ClassificationMetrics.threshold(forRecall: wanted, labels: choosing.labels, scores: choosing.rows.positiveScores) else {
                throw RuntimeError("no threshold reaches a recall of \(Words.percent(wanted)) on the \(part) rows", at: range)
            }
            return (t, "recall of at least \(Words.percent(wanted)) on the \(part) rows")
        case .bestProfit:
            return (entry.model.threshold, nil)
        }
    }
}

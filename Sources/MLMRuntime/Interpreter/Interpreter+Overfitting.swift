import MLMCore
import MLMSyntax

extension Interpreter {
    /// The warning of `evaluate` when the model fits its training rows much better than the
    /// unseen rows it is measured on (the rule and its thresholds are `FitGap`'s). The unseen rows
    /// are the test rows when they are evaluated, else the validation rows or the other table;
    /// the training rows are scored for it when `evaluate ... on test` did not show them.
    func overfittingWarning(_ entry: SessionModel, _ scored: [(EvaluationPart, ScoredRows)],
                            at range: SourceRange) throws(RuntimeError) -> String? {
        let unseen = scored.last { $0.0.name != "train" && $0.0.name != "all rows" }
        guard let (part, rows) = unseen, let training = try trainingScores(entry, scored, at: range) else { return nil }
        guard let finding = Self.fitGap(entry.model, training: training, unseen: rows) else { return nil }
        let digits = { (value: Double) in ValueText.rounded(value, decimals: 4) }
        return "the model fits its training rows much better than unseen rows (\(finding.metric) \(digits(finding.training)) on the "
            + "\(Words.plural(training.labels.count, "training row")), \(digits(finding.unseen)) on the \(Words.plural(rows.labels.count, "\(part.name) row"))); "
            + "it may be overfitting — \(Self.overfittingAdvice[entry.model.algorithm]?.text ?? "try a simpler model")"
    }

    /// The training rows' scores: reused when `evaluate` showed them, else scored now. Nil when
    /// the training table is not in this session.
    private func trainingScores(_ entry: SessionModel, _ scored: [(EvaluationPart, ScoredRows)],
                                at range: SourceRange) throws(RuntimeError) -> ScoredRows? {
        if let done = scored.first(where: { $0.0.name == "train" || $0.0.name == "all rows" }) { return done.1 }
        guard let name = entry.trainingTable, let frame = session.table(name) else { return nil }
        var ignored: [String] = []
        return try? score(entry.model, EvaluationPart(name: "training", frame: frame, rows: frame.fittingRows), at: range, warnings: &ignored)
    }

    static func fitGap(_ model: SupervisedModel, training: ScoredRows, unseen: ScoredRows) -> FitGap.Finding? {
        switch (model.target.task, training.predictions, unseen.predictions) {
        case (.binary, _, _):
            let trainLabels = training.labels.map { Int($0) }, unseenLabels = unseen.labels.map { Int($0) }
            guard let before = ClassificationMetrics.rocAUC(labels: trainLabels, scores: training.positiveScores),
                  let after = ClassificationMetrics.rocAUC(labels: unseenLabels, scores: unseen.positiveScores) else { return nil }
            let positives = unseenLabels.reduce(0, +)
            return FitGap.rocAUC(training: before, unseen: after, positives: positives, negatives: unseenLabels.count - positives)
        case (.multiclass, .probabilities(let p, let k), .probabilities(let q, _)):
            let before = ClassificationMetrics.accuracy(labels: training.labels.map { Int($0) }, predicted: ModelEvaluation.argmax(p, classCount: k))
            let after = ClassificationMetrics.accuracy(labels: unseen.labels.map { Int($0) }, predicted: ModelEvaluation.argmax(q, classCount: k))
            return FitGap.accuracy(training: before, unseen: after, rows: unseen.labels.count)
        case (.regression, .values(let fitted), .values(let predicted)):
            return FitGap.r2(training: RegressionMetrics.r2Score(training.labels, fitted), actual: unseen.labels, predicted: predicted)
        default:
            return nil
        }
    }

    /// What to try, per algorithm, in the words of its own settings (a test checks each named
    /// setting exists).
    static let overfittingAdvice: [String: (text: String, settings: [String])] = [
        "decision_tree": ("try a smaller depth or a larger min_leaf", ["depth", "min_leaf"]),
        "random_forest": ("try a smaller depth or a larger min_leaf", ["depth", "min_leaf"]),
        "gradient_boosting": ("try fewer leaves or a smaller depth, a larger min_samples_leaf, or early stopping (early_stopping 20)",
                              ["leaves", "depth", "min_samples_leaf", "early_stopping"]),
        "neural_network": ("try early stopping (early_stopping), a larger alpha or smaller layers", ["early_stopping", "alpha", "layers"]),
        "logistic": ("try a smaller c (more regularisation) or fewer inputs (select features)", ["c"]),
        "svm": ("try a smaller c (more regularisation) or fewer inputs (select features)", ["c"]),
        "knn": ("try a larger k", ["k"]),
        "ridge": ("try a larger alpha or fewer inputs (select features)", ["alpha"]),
        "linear": ("try ridge, or fewer inputs (select features)", []),
        "naive_bayes": ("try fewer inputs (select features)", []),
    ]
}

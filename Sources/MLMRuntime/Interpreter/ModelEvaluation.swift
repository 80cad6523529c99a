import MLMCore

/// The metrics `evaluate` shows, computed from scored rows, for each kind of target.
struct ModelEvaluation {
    let model: SupervisedModel
    let threshold: Double

    func metrics(_ rows: ScoredRows) -> [(name: String, value: Double?)] {
        switch model.target.task {
        case .binary: return binaryMetrics(rows)
        case .multiclass: return multiclassMetrics(rows)
        case .regression: return regressionMetrics(rows)
        }
    }

    private func binaryMetrics(_ rows: ScoredRows) -> [(name: String, value: Double?)] {
        let labels = rows.labels.map { Int($0) }
        let scores = rows.positiveScores
        let predicted = scores.map { $0 >= threshold ? 1 : 0 }
        let report = ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: 2)[1]
        guard case .probabilities(let probabilities, _) = rows.predictions else { return [] }
        return [
            ("ROC-AUC", ClassificationMetrics.rocAUC(labels: labels, scores: scores)),
            ("PR-AUC", ClassificationMetrics.averagePrecision(labels: labels, scores: scores)),
            ("log loss", ClassificationMetrics.logLoss(labels: labels, probabilities: probabilities, classCount: 2)),
            ("Brier score", ClassificationMetrics.brierScore(labels: labels, scores: scores)),
            ("accuracy", ClassificationMetrics.accuracy(labels: labels, predicted: predicted)),
            ("precision", report.precision),
            ("recall", report.recall),
            ("F1", report.f1),
        ]
    }

    private func multiclassMetrics(_ rows: ScoredRows) -> [(name: String, value: Double?)] {
        guard case .probabilities(let probabilities, let k) = rows.predictions else { return [] }
        let labels = rows.labels.map { Int($0) }
        let predicted = ModelEvaluation.argmax(probabilities, classCount: k)
        let reports = ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: k)
        return [
            ("accuracy", ClassificationMetrics.accuracy(labels: labels, predicted: predicted)),
            ("macro F1", ClassificationMetrics.macroAverage(reports).f1),
            ("weighted F1", ClassificationMetrics.weightedAverage(reports).f1),
            ("log loss", ClassificationMetrics.logLoss(labels: labels, probabilities: probabilities, classCount: k)),
            ("ROC-AUC (one vs rest)", ClassificationMetrics.multiclassRocAUC(labels: labels, probabilities: probabilities, classCount: k)),
        ]
    }

    private func regressionMetrics(_ rows: ScoredRows) -> [(name: String, value: Double?)] {
        guard case .values(let predicted) = rows.predictions else { return [] }
        let actual = rows.labels
        return [
            ("RMSE", RegressionMetrics.rootMeanSquaredError(actual, predicted)),
            ("MAE", RegressionMetrics.meanAbsoluteError(actual, predicted)),
            ("R²", RegressionMetrics.r2Score(actual, predicted)),
            // A percentage error of a zero actual value is meaningless (it would be astronomically
            // large), so MAPE is left out when the actual values include zero.
            ("MAPE", actual.contains(0) ? nil : RegressionMetrics.meanAbsolutePercentageError(actual, predicted)),
            ("MSE", RegressionMetrics.meanSquaredError(actual, predicted)),
        ]
    }

    static func argmax(_ probabilities: [Double], classCount k: Int) -> [Int] {
        let rows = k == 0 ? 0 : probabilities.count / k
        return (0..<rows).map { row in
            var best = 0
            for c in 1..<max(k, 1) where probabilities[row * k + c] > probabilities[row * k + best] { best = c }
            return best
        }
    }

    /// The details for one part: confusion matrix, lift by decile or per-class scores.
    func report(name: String, parts: [EvaluationReport.Part], detailPart: String, detail: ScoredRows,
                rule: String?) -> EvaluationReport {
        let labels = detail.labels.map { Int($0) }
        var confusion: EvaluationReport.Confusion?
        var lift: [ClassificationMetrics.LiftRow] = []
        var perClass: [(name: String, report: ClassificationMetrics.ClassReport)] = []
        switch (model.target.task, detail.predictions) {
        case (.binary, _):
            let predicted = detail.positiveScores.map { $0 >= threshold ? 1 : 0 }
            confusion = .init(classes: model.target.classes,
                              counts: ClassificationMetrics.confusionMatrix(labels: labels, predicted: predicted, classCount: 2))
            lift = ClassificationMetrics.liftTable(labels: labels, scores: detail.positiveScores, groups: 10)
        case (.multiclass, .probabilities(let p, let k)):
            let predicted = ModelEvaluation.argmax(p, classCount: k)
            confusion = .init(classes: model.target.classes,
                              counts: ClassificationMetrics.confusionMatrix(labels: labels, predicted: predicted, classCount: k))
            perClass = zip(model.target.classes, ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: k)).map { ($0, $1) }
        default:
            break
        }
        var report = EvaluationReport(
            model: name, algorithm: model.algorithm, target: Interpreter.describeTarget(model.target),
            task: model.target.task, parts: parts, detailPart: detailPart,
            threshold: model.target.task == .binary ? threshold : nil, thresholdRule: rule,
            confusion: confusion, lift: lift, perClass: perClass)
        if model.target.task == .binary {
            report.curves = EvaluationCurves.make(labels: labels, scores: detail.positiveScores)
        }
        return report
    }
}

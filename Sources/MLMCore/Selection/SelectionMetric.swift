/// A measure `compare`, `tune`, `explain` and the bootstrap rank models by, named as a script
/// writes it (`by auc`). Each knows which targets it applies to and which way is better, and is
/// computed exactly as `evaluate` computes it (scikit-learn's definitions).
public enum SelectionMetric: String, Sendable, CaseIterable, Codable {
    case auc, prAUC = "pr_auc", logLoss = "log_loss", brier, accuracy, f1, precision, recall
    case macroF1 = "macro_f1"
    case rmse, mae, r2

    /// The name shown in tables, as `evaluate` shows it.
    public var displayName: String {
        switch self {
        case .auc: return "ROC-AUC"
        case .prAUC: return "PR-AUC"
        case .logLoss: return "log loss"
        case .brier: return "Brier score"
        case .accuracy: return "accuracy"
        case .f1: return "F1"
        case .precision: return "precision"
        case .recall: return "recall"
        case .macroF1: return "macro F1"
        case .rmse: return "RMSE"
        case .mae: return "MAE"
        case .r2: return "R²"
        }
    }

    public var higherIsBetter: Bool {
        switch self {
        case .logLoss, .brier, .rmse, .mae: return false
        default: return true
        }
    }

    /// The metrics that make sense for a kind of target; the first is the default to rank by.
    public static func applicable(to task: TargetSpec.Task) -> [SelectionMetric] {
        switch task {
        case .binary: return [.auc, .prAUC, .logLoss, .brier, .accuracy, .f1, .precision, .recall]
        case .multiclass: return [.accuracy, .macroF1, .logLoss, .auc]
        case .regression: return [.rmse, .mae, .r2]
        }
    }

    /// True when `a` is a better value than `b` (NaN is never better).
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return higherIsBetter ? a > b : a < b
    }

    /// The metric on labelled predictions; NaN when undefined (one class only, no rows).
    /// `labels` are class indices (classes) or values (numbers); `threshold` turns binary
    /// scores into yes/no for accuracy, F1, precision and recall.
    public func value(labels: [Double], predictions: Predictions, threshold: Double = 0.5) -> Double {
        switch predictions {
        case .values(let predicted):
            return regressionValue(labels, predicted)
        case .probabilities(let p, let k):
            let classes = labels.map { Int($0) }
            return k == 2 ? binaryValue(classes, p, threshold) : multiclassValue(classes, p, k)
        }
    }

    private func regressionValue(_ actual: [Double], _ predicted: [Double]) -> Double {
        switch self {
        case .rmse: return RegressionMetrics.rootMeanSquaredError(actual, predicted)
        case .mae: return RegressionMetrics.meanAbsoluteError(actual, predicted)
        case .r2: return RegressionMetrics.r2Score(actual, predicted)
        default: return .nan
        }
    }

    private func binaryValue(_ labels: [Int], _ p: [Double], _ threshold: Double) -> Double {
        var scores = [Double](repeating: 0, count: labels.count)
        for row in 0..<labels.count { scores[row] = p[row * 2 + 1] }
        switch self {
        case .auc: return ClassificationMetrics.rocAUC(labels: labels, scores: scores) ?? .nan
        case .prAUC: return ClassificationMetrics.averagePrecision(labels: labels, scores: scores) ?? .nan
        case .logLoss: return ClassificationMetrics.logLoss(labels: labels, probabilities: p, classCount: 2)
        case .brier: return ClassificationMetrics.brierScore(labels: labels, scores: scores)
        default: break
        }
        let predicted = scores.map { $0 >= threshold ? 1 : 0 }
        switch self {
        case .accuracy: return ClassificationMetrics.accuracy(labels: labels, predicted: predicted)
        case .f1, .precision, .recall:
            let report = ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: 2)[1]
            return self == .f1 ? report.f1 : self == .precision ? report.precision : report.recall
        default: return .nan
        }
    }

    private func multiclassValue(_ labels: [Int], _ p: [Double], _ k: Int) -> Double {
        switch self {
        case .auc: return ClassificationMetrics.multiclassRocAUC(labels: labels, probabilities: p, classCount: k) ?? .nan
        case .logLoss: return ClassificationMetrics.logLoss(labels: labels, probabilities: p, classCount: k)
        case .accuracy, .macroF1:
            let predicted = (0..<labels.count).map { row -> Int in
                var best = 0
                for c in 1..<max(k, 1) where p[row * k + c] > p[row * k + best] { best = c }
                return best
            }
            if self == .accuracy { return ClassificationMetrics.accuracy(labels: labels, predicted: predicted) }
            return ClassificationMetrics.macroAverage(
                ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: k)).f1
        default: return .nan
        }
    }
}

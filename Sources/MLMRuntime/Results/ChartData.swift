import MLMCore

/// The curves behind an `evaluate` of a yes/no target, for charts in reports: ROC and
/// precision-recall curves (thinned to at most `maximumPoints` points, ends kept) and a
/// calibration table (rows in ten equal-width score bins). Computed on the detail part.
public struct EvaluationCurves: Sendable {
    public struct Point: Sendable, Equatable {
        public let x: Double
        public let y: Double
    }

    public struct CalibrationBin: Sendable, Equatable {
        /// The bin's score range [lower, upper).
        public let lower: Double
        public let upper: Double
        public let rows: Int
        public let meanScore: Double
        /// Share of the bin's rows that are positive.
        public let observedRate: Double
    }

    /// False positive rate (x) against true positive rate (y).
    public let roc: [Point]
    /// Recall (x) against precision (y), recall rising.
    public let precisionRecall: [Point]
    public let calibration: [CalibrationBin]
    /// Share of positives among the rows: the precision of guessing.
    public let positiveRate: Double

    static let maximumPoints = 200

    /// Nil when the curves are not defined (one class only, no rows).
    public static func make(labels: [Int], scores: [Double]) -> EvaluationCurves? {
        let roc = ClassificationMetrics.rocCurve(labels: labels, scores: scores)
        let pr = ClassificationMetrics.precisionRecallCurve(labels: labels, scores: scores)
        guard !roc.falsePositiveRate.isEmpty, !pr.recall.isEmpty else { return nil }
        let rocPoints = zip(roc.falsePositiveRate, roc.truePositiveRate).map { Point(x: $0, y: $1) }
        // sklearn's order is recall falling; charts read left to right.
        let prPoints = zip(pr.recall, pr.precision).map { Point(x: $0, y: $1) }.reversed()
        let positives = labels.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
        return EvaluationCurves(roc: thin(rocPoints), precisionRecall: thin(Array(prPoints)),
                                calibration: calibration(labels: labels, scores: scores),
                                positiveRate: Double(positives) / Double(max(labels.count, 1)))
    }

    /// Evenly spaced points by index, first and last kept, so a chart stays small.
    static func thin(_ points: [Point]) -> [Point] {
        guard points.count > maximumPoints else { return points }
        let step = Double(points.count - 1) / Double(maximumPoints - 1)
        return (0..<maximumPoints).map { points[Int((Double($0) * step).rounded())] }
    }

    static func calibration(labels: [Int], scores: [Double], bins: Int = 10) -> [CalibrationBin] {
        var rows = [Int](repeating: 0, count: bins), positives = rows
        var sums = [Double](repeating: 0, count: bins)
        for (label, score) in zip(labels, scores) where score.isFinite {
            let bin = min(bins - 1, max(0, Int(score * Double(bins))))
            rows[bin] += 1
            positives[bin] += label == 1 ? 1 : 0
            sums[bin] += score
        }
        return (0..<bins).compactMap { bin in
            guard rows[bin] > 0 else { return nil }
            return CalibrationBin(lower: Double(bin) / Double(bins), upper: Double(bin + 1) / Double(bins),
                                  rows: rows[bin], meanScore: sums[bin] / Double(rows[bin]),
                                  observedRate: Double(positives[bin]) / Double(rows[bin]))
        }
    }
}

/// Feature importances a fitted model carries (trees, forests, boosting), by input name.
public enum FeatureImportances {
    /// Largest first (ties by name); empty when the model has none or they do not match the inputs.
    public static func of(_ fitted: any TrainedModel, inputs: [String]) -> [(name: String, value: Double)] {
        let values: [Double]
        switch fitted {
        case let model as RandomForestModel: values = model.featureImportances
        case let model as DecisionTreeModel: values = model.featureImportances
        case let model as GradientBoostingModel: values = model.featureImportances
        default: return []
        }
        guard values.count == inputs.count, values.contains(where: { $0 > 0 }) else { return [] }
        return zip(inputs, values).map { (name: $0, value: $1) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }
    }
}

import Foundation

/// Measures of a classifier on labelled rows, matching scikit-learn's definitions so a number
/// a marketer checks in a notebook agrees with ours. `…Score` and `accuracy`: higher is better;
/// `…Loss`: lower is better.
///
/// Labels are class indices `0..<classCount`; in binary metrics the positive class is label 1
/// and every other label counts as negative. Nothing here traps on data: inputs of different
/// lengths, no rows, or one class only give nil (or, for plain `Double` results, NaN, as
/// documented on each function).
public enum ClassificationMetrics {
    /// Share of rows predicted correctly, optionally weighted per row.
    /// NaN when there are no rows, the lengths differ, or the weights sum to zero (or NaN).
    public static func accuracy(labels: [Int], predicted: [Int], weights: [Double]? = nil) -> Double {
        guard labels.count == predicted.count, !labels.isEmpty else { return .nan }
        guard let weights else {
            var correct = 0
            for row in 0..<labels.count where labels[row] == predicted[row] { correct += 1 }
            return Double(correct) / Double(labels.count)
        }
        guard weights.count == labels.count else { return .nan }
        var correctWeight = 0.0, totalWeight = 0.0
        for row in 0..<labels.count {
            totalWeight += weights[row]
            if labels[row] == predicted[row] { correctWeight += weights[row] }
        }
        return totalWeight == 0 ? .nan : correctWeight / totalWeight
    }

    /// Counts indexed `[actual][predicted]`, `classCount × classCount`. Rows whose label or
    /// prediction is outside `0..<classCount` are not counted, and nothing is counted when the
    /// lengths differ (there is no telling which prediction belongs to which row).
    public static func confusionMatrix(labels: [Int], predicted: [Int], classCount: Int) -> [[Int]] {
        let classes = max(0, classCount)
        var counts = [Int](repeating: 0, count: classes * classes)
        if labels.count == predicted.count {
            counts.withUnsafeMutableBufferPointer { counts in
                labels.withUnsafeBufferPointer { labels in
                    predicted.withUnsafeBufferPointer { predicted in
                        for row in 0..<labels.count {
                            let actual = labels[row], guess = predicted[row]
                            // One unsigned comparison rejects negatives and values too large.
                            guard UInt(bitPattern: actual) < UInt(classes), UInt(bitPattern: guess) < UInt(classes) else {
                                continue
                            }
                            counts[actual * classes + guess] += 1
                        }
                    }
                }
            }
        }
        return (0..<classes).map { actual in Array(counts[(actual * classes)..<((actual + 1) * classes)]) }
    }

    /// Precision, recall and F1 of one class, and its number of actual rows.
    public struct ClassReport: Sendable, Equatable {
        public let precision, recall, f1: Double
        public let support: Int

        public init(precision: Double, recall: Double, f1: Double, support: Int) {
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// One report per class `0..<classCount`, as scikit-learn's
    /// `precision_recall_fscore_support(labels=range(classCount), zero_division=0)`: a ratio
    /// with nothing to divide by (a class never predicted, or never present) is 0. Counts come
    /// from `confusionMatrix`, so mismatched lengths give reports of zeros.
    public static func perClass(labels: [Int], predicted: [Int], classCount: Int) -> [ClassReport] {
        let matrix = confusionMatrix(labels: labels, predicted: predicted, classCount: classCount)
        return (0..<matrix.count).map { cls in
            let truePositives = matrix[cls][cls]
            let actual = matrix[cls].reduce(0, +)
            let predictedAs = matrix.reduce(0) { $0 + $1[cls] }
            return ClassReport(
                precision: ratioOrZero(truePositives, predictedAs),
                recall: ratioOrZero(truePositives, actual),
                // scikit-learn's form: 2·TP / (actual + predicted), 0 when both are 0.
                f1: ratioOrZero(2 * truePositives, actual + predictedAs),
                support: actual)
        }
    }

    /// The unweighted mean of each measure over the classes (scikit-learn `average="macro"`);
    /// support is the total. Every class counts, including those absent from the data.
    public static func macroAverage(_ reports: [ClassReport]) -> ClassReport {
        let support = reports.reduce(0) { $0 + $1.support }
        guard !reports.isEmpty else { return ClassReport(precision: 0, recall: 0, f1: 0, support: 0) }
        let count = Double(reports.count)
        return ClassReport(
            precision: reports.reduce(0) { $0 + $1.precision } / count,
            recall: reports.reduce(0) { $0 + $1.recall } / count,
            f1: reports.reduce(0) { $0 + $1.f1 } / count,
            support: support)
    }

    /// The mean of each measure weighted by support (scikit-learn `average="weighted"`);
    /// all zeros when no class has support.
    public static func weightedAverage(_ reports: [ClassReport]) -> ClassReport {
        let support = reports.reduce(0) { $0 + $1.support }
        guard support > 0 else { return ClassReport(precision: 0, recall: 0, f1: 0, support: 0) }
        func weighted(_ measure: (ClassReport) -> Double) -> Double {
            reports.reduce(0) { $0 + measure($1) * Double($1.support) } / Double(support)
        }
        return ClassReport(precision: weighted(\.precision), recall: weighted(\.recall),
                           f1: weighted(\.f1), support: support)
    }

    /// Mean negative log of the probability given to the actual class, with probabilities
    /// clipped to `[ε, 1 − ε]` (ε = `Double.ulpOfOne`, scikit-learn 1.x's `finfo(float64).eps`)
    /// so a confident mistake costs about 36, not infinity. `probabilities` is row-major,
    /// `classCount` per row; rows are not renormalised (scikit-learn 1.9 only warns).
    /// NaN when there are no rows, the lengths disagree, a label is outside `0..<classCount`,
    /// or a probability of an actual class is NaN.
    public static func logLoss(labels: [Int], probabilities: [Double], classCount: Int) -> Double {
        guard classCount >= 1, !labels.isEmpty,
              probabilities.count == labels.count * classCount else { return .nan }
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for (row, label) in labels.enumerated() {
            guard (0..<classCount).contains(label) else { return .nan }
            let probability = probabilities[row * classCount + label]
            // Written with comparisons so NaN passes through instead of being clipped.
            let clipped = probability < epsilon ? epsilon : (probability > 1 - epsilon ? 1 - epsilon : probability)
            total -= log(clipped)
        }
        return total / Double(labels.count)
    }

    /// Mean squared difference between the score of the positive class and the outcome
    /// (1 for label 1, 0 otherwise): scikit-learn's binary `brier_score_loss`.
    /// NaN when there are no rows or the lengths differ.
    public static func brierScore(labels: [Int], scores: [Double]) -> Double {
        guard labels.count == scores.count, !labels.isEmpty else { return .nan }
        var total = 0.0
        for row in 0..<labels.count {
            let difference = (labels[row] == 1 ? 1.0 : 0.0) - scores[row]
            total += difference * difference
        }
        return total / Double(labels.count)
    }

    static func ratioOrZero(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}

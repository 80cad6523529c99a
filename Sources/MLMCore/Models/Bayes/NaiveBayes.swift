import Foundation

/// Gaussian naive Bayes like sklearn's `GaussianNB`: per class, each input is a normal
/// distribution with the class's (sample-weighted) mean and variance; every variance is raised
/// by `1e-9 × the largest input variance` (sklearn's `var_smoothing`) so a column constant
/// within a class does not divide by zero. Class priors are the classes' shares of the sample
/// weight. 0/1 dummy columns are treated as Gaussian too, as `GaussianNB` does.
public enum NaiveBayes {
    static let name = "naive_bayes"
    static let varianceSmoothing = 1e-9

    public static let algorithm = Algorithm(
        name: name,
        summary: "Gaussian naive Bayes: class probabilities from per-class averages and spreads of each input",
        tasks: [.binary, .multiclass],
        parameters: [],
        train: { x, target, weights, _ throws(ModelError) in try fit(x, target, weights: weights) },
        decode: { decoder in try NaiveBayesModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil) throws(ModelError) -> NaiveBayesModel {
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        let w = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        let layout = try LinearModelsSupport.classLayout(target, weights: w, algorithm: name)
        let classCount = layout.present.count
        var classWeight = [Double](repeating: 0, count: classCount)
        for i in 0..<x.rows { classWeight[layout.labels[i]] += w[i] }
        // sklearn takes the smoothing from the unweighted variance of all rows.
        let largestVariance = Parallel.map(x.columns) { j in
            x.column(j).withUnsafeBufferPointer { LinearModelsSupport.ColumnScaling.meanAndVariance($0).1 }
        }.max() ?? 0
        // If every input is constant the smoothing would be 0; fall back to the smoothing of unit variance.
        let epsilon = varianceSmoothing * (largestVariance > 0 ? largestVariance : 1)
        // Each column's per-class means and variances, columns on all cores.
        let perColumn: [(means: [Double], variances: [Double])] = Parallel.map(x.columns) { j in
            classMoments(x.column(j), labels: layout.labels, weights: w, classWeight: classWeight, epsilon: epsilon)
        }
        var means = [Double](repeating: 0, count: classCount * x.columns)
        var variances = means
        for j in 0..<x.columns {
            for c in 0..<classCount {
                means[c * x.columns + j] = perColumn[j].means[c]
                variances[c * x.columns + j] = perColumn[j].variances[c]
            }
        }
        let total = classWeight.reduce(0, +)
        var notes = ["inputs modelled as normal distributions per class (variances raised by \(formatted(epsilon)))"]
        if case .classes(_, let classes) = target {
            for k in classes.indices where !layout.present.contains(k) {
                notes.append("class '\(classes[k])' does not occur in the training rows; its probability is always 0")
            }
        }
        return NaiveBayesModel(inputCount: x.columns, logPriors: classWeight.map { log($0 / total) },
                               means: means, variances: variances, classLayout: layout, trainingNotes: notes)
    }

    /// Weighted per-class mean and (smoothed) population variance of one column, two passes.
    private static func classMoments(_ column: ArraySlice<Double>, labels: [Int], weights: [Double],
                                     classWeight: [Double], epsilon: Double) -> (means: [Double], variances: [Double]) {
        var means = [Double](repeating: 0, count: classWeight.count)
        var variances = means
        column.withUnsafeBufferPointer { values in
            for i in 0..<values.count { means[labels[i]] += weights[i] * values[i] }
            for c in means.indices { means[c] /= classWeight[c] }
            for i in 0..<values.count {
                let d = values[i] - means[labels[i]]
                variances[labels[i]] += weights[i] * d * d
            }
        }
        for c in variances.indices { variances[c] = variances[c] / classWeight[c] + epsilon }
        return (means, variances)
    }

    /// The smoothing is tiny (1e-9 of the largest variance): six significant digits, never 0.
    private static func formatted(_ value: Double) -> String { ValueText.label(value) }
}

/// A fitted Gaussian naive Bayes model.
public struct NaiveBayesModel: TrainedModel, Equatable {
    public var algorithm: String { NaiveBayes.name }
    public let inputCount: Int
    /// Log of each learned class's prior.
    public let logPriors: [Double]
    /// Per class, per input (row-major class × input).
    public let means: [Double]
    public let variances: [Double]
    let classLayout: LinearModelsSupport.ClassLayout
    public let trainingNotes: [String]

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        guard let classes = shape.classCount else { throw shape.wrongTask(check, "a classifier") }
        try shape.requireInputs(inputCount, check.field("inputCount"))
        try classLayout.validate(check.field("classLayout"), classes: classes)
        let learned = classLayout.present.count
        try check.field("logPriors").count(logPriors.count, learned, "the model learned \(learned) classes")
        try check.field("logPriors").finite(logPriors)
        let total = logPriors.reduce(0) { $0 + exp($1) }
        try check.field("logPriors").require(logPriors.allSatisfy { $0 <= 0 } && abs(total - 1) <= 1e-9,
                                             "are not the logarithms of shares that add up to 1")
        let (cells, overflow) = learned.multipliedReportingOverflow(by: inputCount)
        try check.field("means").require(!overflow && means.count == cells, "has \(means.count) values but the model has \(learned) classes × \(inputCount) inputs")
        try check.field("means").finite(means)
        try check.field("variances").require(variances.count == cells, "has \(variances.count) values but the model has \(learned) classes × \(inputCount) inputs")
        try check.field("variances").positive(variances)
        try check.field("variances").require(variances.allSatisfy { (0.5 / $0).isFinite }, "holds a variance too small to divide by")
    }

    /// Posterior class probabilities; NaN everywhere if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        guard x.columns == inputCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: classLayout.declared)
        }
        let classCount = logPriors.count, p = inputCount
        // The per-class constant −½ Σ log(2π σ²) is the same for every row.
        let constants = (0..<classCount).map { c in
            logPriors[c] - 0.5 * (0..<p).reduce(0.0) { $0 + log(2 * Double.pi * variances[c * p + $1]) }
        }
        var scores = [Double](repeating: 0, count: x.rows * classCount)
        for i in 0..<x.rows {
            for c in 0..<classCount { scores[i * classCount + c] = constants[c] }
        }
        x.values.withUnsafeBufferPointer { values in
            for c in 0..<classCount {
                for j in 0..<p {
                    let mean = means[c * p + j], inverse = 0.5 / variances[c * p + j], base = j * x.rows
                    for i in 0..<x.rows {
                        let d = values[base + i] - mean
                        scores[i * classCount + c] -= d * d * inverse
                    }
                }
            }
        }
        for i in 0..<x.rows {
            let row = i * classCount
            var largest = -Double.infinity
            for c in 0..<classCount { largest = max(largest, scores[row + c]) }
            var sum = 0.0
            for c in 0..<classCount {
                scores[row + c] = exp(scores[row + c] - largest)
                sum += scores[row + c]
            }
            for c in 0..<classCount { scores[row + c] /= sum }
        }
        return classLayout.expand(scores, rows: x.rows)
    }
}

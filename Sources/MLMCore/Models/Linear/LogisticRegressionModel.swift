import Foundation

/// A fitted logistic regression: coefficients on the original (unstandardized) inputs, so the
/// model file is readable and scoring needs no scaling step.
public struct LogisticRegressionModel: TrainedModel, Equatable {
    public var algorithm: String { LogisticRegression.name }
    /// One row of `inputCount` coefficients per score: a single score (log-odds of the second
    /// class) for two classes, one per learned class otherwise.
    public let coefficients: [[Double]]
    public let intercepts: [Double]
    public let inputCount: Int
    /// Iterations the solver ran and whether it met the tolerance.
    public let iterations: Int
    public let converged: Bool
    public let trainingNotes: [String]
    let classLayout: LinearModelsSupport.ClassLayout

    init(coefficients: [[Double]], intercepts: [Double], inputCount: Int, iterations: Int,
         converged: Bool, trainingNotes: [String], classLayout: LinearModelsSupport.ClassLayout) {
        self.coefficients = coefficients
        self.intercepts = intercepts
        self.inputCount = inputCount
        self.iterations = iterations
        self.converged = converged
        self.trainingNotes = trainingNotes
        self.classLayout = classLayout
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        guard let classes = shape.classCount else { throw shape.wrongTask(check, "a classifier") }
        try shape.requireInputs(inputCount, check.field("inputCount"))
        try classLayout.validate(check.field("classLayout"), classes: classes)
        let scores = classLayout.present.count == 2 ? 1 : classLayout.present.count
        try check.field("coefficients").count(coefficients.count, scores, "the model has \(scores) \(scores == 1 ? "score" : "scores")")
        for (i, row) in coefficients.enumerated() {
            try check.field("coefficients").item(i).count(row.count, inputCount, "the model has \(inputCount) inputs")
            try check.field("coefficients").item(i).finite(row)
        }
        try check.field("intercepts").count(intercepts.count, scores, "the model has \(scores) \(scores == 1 ? "score" : "scores")")
        try check.field("intercepts").finite(intercepts)
        try check.field("iterations").require(iterations >= 0, "is \(iterations); it counts solver iterations")
    }

    /// Class probabilities, `[P(class 0), P(class 1)]` per row for two classes (as sklearn's
    /// `predict_proba`). NaN everywhere if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        guard x.columns == inputCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: classLayout.declared)
        }
        let learned = classLayout.present.count
        let chunkRows = LogisticObjective.chunkRows
        let chunkCount = (x.rows + chunkRows - 1) / chunkRows
        let parts: [[Double]] = Parallel.map(chunkCount) { chunk in
            let start = chunk * chunkRows
            return probabilities(x, rows: start..<min(x.rows, start + chunkRows), learned: learned)
        }
        return classLayout.expand(Array(parts.joined()), rows: x.rows)
    }

    /// Row-major probabilities of the learned classes for a block of rows.
    private func probabilities(_ x: FeatureMatrix, rows: Range<Int>, learned: Int) -> [Double] {
        let scores = coefficients.indices.map { linearScores(x, rows: rows, score: $0) }
        return probabilities(fromScores: scores, count: rows.count, learned: learned)
    }

    /// Row-major probabilities of the learned classes from each score's linear scores.
    private func probabilities(fromScores scores: [[Double]], count: Int, learned: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count * learned)
        for i in 0..<count {
            if learned == 2 {
                let positive = 1 / (1 + exp(-scores[0][i]))
                out[2 * i] = 1 - positive
                out[2 * i + 1] = positive
                continue
            }
            var largest = -Double.infinity
            for k in 0..<learned { largest = max(largest, scores[k][i]) }
            var sum = 0.0
            for k in 0..<learned {
                let e = exp(scores[k][i] - largest)
                out[i * learned + k] = e
                sum += e
            }
            for k in 0..<learned { out[i * learned + k] /= sum }
        }
        return out
    }

    /// `b + Σⱼ wⱼ xⱼ` for a block of rows, one input column at a time.
    func linearScores(_ x: FeatureMatrix, rows: Range<Int>, score: Int) -> [Double] {
        var out = [Double](repeating: intercepts[score], count: rows.count)
        let weights = coefficients[score]
        x.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { out in
                for j in 0..<inputCount where weights[j] != 0 {
                    let w = weights[j], base = j * x.rows + rows.lowerBound
                    for i in 0..<rows.count { out[i] += w * values[base + i] }
                }
            }
        }
        return out
    }
}

extension LogisticRegressionModel: LinearScoring {
    var scoreCoefficients: [[Double]] { coefficients }

    func linearScores(_ x: FeatureMatrix) -> [[Double]] {
        coefficients.indices.map { linearScores(x, rows: 0..<x.rows, score: $0) }
    }

    func predictions(fromScores scores: [[Double]], rows: Int) -> Predictions {
        classLayout.expand(probabilities(fromScores: scores, count: rows, learned: classLayout.present.count), rows: rows)
    }
}

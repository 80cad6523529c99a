import Foundation

/// One fold's SVMs with their sigmoids: `coefficients[p]` holds problem p's weights on the
/// standardized inputs followed by its intercept.
struct CalibratedSVM: Codable, Equatable, Sendable {
    let coefficients: [[Double]]
    let sigmoids: [PlattSigmoid]
}

/// A fitted, calibrated linear SVM: the recorded input scaling and, per calibration fold, the
/// SVMs and sigmoids. Probabilities are the mean over folds of each fold's calibrated
/// probabilities (for three or more classes each fold's one-vs-rest probabilities are first
/// divided by their sum, as sklearn does).
public struct SupportVectorMachineModel: TrainedModel, Equatable {
    public var algorithm: String { SupportVectorMachine.name }
    let scaling: LinearModelsSupport.ColumnScaling
    let folds: [CalibratedSVM]
    public let inputCount: Int
    public let trainingNotes: [String]
    let classLayout: LinearModelsSupport.ClassLayout

    enum CodingKeys: String, CodingKey {
        case scaling, folds, inputCount = "input_count", trainingNotes = "training_notes", classLayout = "class_layout"
    }

    init(scaling: LinearModelsSupport.ColumnScaling, folds: [CalibratedSVM], inputCount: Int,
         classLayout: LinearModelsSupport.ClassLayout, trainingNotes: [String]) {
        self.scaling = scaling
        self.folds = folds
        self.inputCount = inputCount
        self.classLayout = classLayout
        self.trainingNotes = trainingNotes
    }

    /// Class probabilities, `[P(class 0), P(class 1)]` per row for two classes. NaN everywhere
    /// if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        guard x.columns == inputCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: classLayout.declared)
        }
        let raw = folds.map { fold in fold.coefficients.map(rawScale) }
        let chunkRows = 8192
        let chunkCount = (x.rows + chunkRows - 1) / chunkRows
        let parts: [[Double]] = Parallel.map(chunkCount) { chunk in
            let start = chunk * chunkRows
            return probabilities(x, rows: start..<min(x.rows, start + chunkRows), raw: raw)
        }
        return classLayout.expand(Array(parts.joined()), rows: x.rows)
    }

    /// Weights on the raw inputs and the intercept, w/sd and b − Σ w·mean/sd, so scoring needs
    /// no standardized copy of the matrix.
    private func rawScale(_ standardized: [Double]) -> (weights: [Double], intercept: Double) {
        var intercept = standardized[inputCount]
        var weights = [Double](repeating: 0, count: inputCount)
        for j in 0..<inputCount {
            weights[j] = standardized[j] / scaling.scales[j]
            intercept -= weights[j] * scaling.means[j]
        }
        return (weights, intercept)
    }

    private func probabilities(_ x: FeatureMatrix, rows: Range<Int>,
                               raw: [[(weights: [Double], intercept: Double)]]) -> [Double] {
        let learned = classLayout.present.count
        var out = [Double](repeating: 0, count: rows.count * learned)
        var calibrated = [Double](repeating: 0, count: learned)
        for (fold, problems) in zip(folds, raw) {
            let scores = problems.map { linearScores(x, rows: rows, weights: $0.weights, intercept: $0.intercept) }
            for i in 0..<rows.count {
                if learned == 2 {
                    let positive = fold.sigmoids[0].probability(scores[0][i])
                    calibrated[0] = 1 - positive
                    calibrated[1] = positive
                } else {
                    var sum = 0.0
                    for k in 0..<learned {
                        calibrated[k] = fold.sigmoids[k].probability(scores[k][i])
                        sum += calibrated[k]
                    }
                    for k in 0..<learned { calibrated[k] = sum > 0 ? calibrated[k] / sum : 1 / Double(learned) }
                }
                for k in 0..<learned { out[i * learned + k] += calibrated[k] }
            }
        }
        let share = 1 / Double(folds.count)
        for i in out.indices { out[i] *= share }
        return out
    }

    private func linearScores(_ x: FeatureMatrix, rows: Range<Int>, weights: [Double], intercept: Double) -> [Double] {
        var out = [Double](repeating: intercept, count: rows.count)
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

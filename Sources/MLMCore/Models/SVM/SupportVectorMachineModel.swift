import Foundation

/// One fold's SVMs with their sigmoids: `coefficients[p]` holds problem p's weights on the
/// standardized inputs followed by its intercept.
struct CalibratedSVM: Codable, Equatable, Sendable {
    let coefficients: [[Double]]
    let sigmoids: [PlattSigmoid]
}

/// A fitted linear SVM: the recorded input scaling and either, for classes, per calibration
/// fold the SVMs and sigmoids, or, for a numeric target, one regression's coefficients.
/// Probabilities are the mean over folds of each fold's calibrated probabilities (for three or
/// more classes each fold's one-vs-rest probabilities are first divided by their sum, as sklearn
/// does).
///
/// Files written before regression existed have a class layout and no `regression` entry; both
/// entries are optional in the file, so they still read and predict as before.
public struct SupportVectorMachineModel: TrainedModel, Equatable {
    public var algorithm: String { SupportVectorMachine.name }
    let scaling: LinearModelsSupport.ColumnScaling
    let folds: [CalibratedSVM]
    public let inputCount: Int
    public let trainingNotes: [String]
    /// Set for classes, nil for a numeric target.
    let classLayout: LinearModelsSupport.ClassLayout?
    /// For a numeric target: the weights of the standardized inputs followed by the intercept,
    /// in the target's own units (the target is not scaled, as in sklearn's LinearSVR).
    let regression: [Double]?

    enum CodingKeys: String, CodingKey {
        case scaling, folds, inputCount = "input_count", trainingNotes = "training_notes", classLayout = "class_layout"
        case regression
    }

    init(scaling: LinearModelsSupport.ColumnScaling, folds: [CalibratedSVM], inputCount: Int,
         classLayout: LinearModelsSupport.ClassLayout, trainingNotes: [String]) {
        self.scaling = scaling
        self.folds = folds
        self.inputCount = inputCount
        self.classLayout = classLayout
        self.regression = nil
        self.trainingNotes = trainingNotes
    }

    init(scaling: LinearModelsSupport.ColumnScaling, regression: [Double], inputCount: Int, trainingNotes: [String]) {
        self.scaling = scaling
        self.folds = []
        self.inputCount = inputCount
        self.classLayout = nil
        self.regression = regression
        self.trainingNotes = trainingNotes
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        try shape.requireInputs(inputCount, check.field("input_count"))
        try scaling.validate(check.field("scaling"), inputs: inputCount)
        switch (classLayout, shape.classCount) {
        case (nil, nil):
            guard let regression else { throw check.field("regression").fail("is missing") }
            try check.field("regression").count(regression.count, inputCount + 1, "the model has \(inputCount) inputs and an intercept")
            try check.field("regression").finite(regression)
            try check.field("folds").require(folds.isEmpty, "is set, but a numeric target is fitted once")
        case (let layout?, let classes?):
            try layout.validate(check.field("class_layout"), classes: classes)
            try check.field("regression").require(regression == nil, "is set, but the target holds classes")
            try check.field("folds").require((1...20).contains(folds.count), "has \(folds.count) folds; calibration uses 1 to 20")
            let problems = layout.present.count == 2 ? 1 : layout.present.count
            for (i, fold) in folds.enumerated() {
                let here = check.field("folds").item(i)
                try here.field("coefficients").count(fold.coefficients.count, problems, "the model solves \(problems) problems")
                for (p, row) in fold.coefficients.enumerated() {
                    try here.field("coefficients").item(p).count(row.count, inputCount + 1, "the model has \(inputCount) inputs and an intercept")
                    try here.field("coefficients").item(p).finite(row)
                }
                try here.field("sigmoids").count(fold.sigmoids.count, problems, "the model solves \(problems) problems")
                try here.field("sigmoids").finite(fold.sigmoids.flatMap { [$0.a, $0.b] })
            }
        case (nil, _?):
            throw shape.wrongTask(check.field("class_layout"), "missing (a regression)")
        case (_?, nil):
            throw shape.wrongTask(check.field("class_layout"), "set (a classifier)")
        }
    }

    /// Class probabilities, `[P(class 0), P(class 1)]` per row for two classes, or the predicted
    /// numbers for a numeric target. NaN everywhere if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        guard x.columns == inputCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: classLayout?.declared)
        }
        guard let classLayout else { return predictNumbers(x) }
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

    /// The regression's predictions, in chunks of rows on both cores.
    private func predictNumbers(_ x: FeatureMatrix) -> Predictions {
        let raw = rawScale(regression ?? [Double](repeating: 0, count: inputCount + 1))
        let chunkRows = 8192
        let chunkCount = (x.rows + chunkRows - 1) / chunkRows
        let parts: [[Double]] = Parallel.map(chunkCount) { chunk in
            let start = chunk * chunkRows
            return linearScores(x, rows: start..<min(x.rows, start + chunkRows), weights: raw.weights, intercept: raw.intercept)
        }
        return .values(Array(parts.joined()))
    }

    private func probabilities(_ x: FeatureMatrix, rows: Range<Int>,
                               raw: [[(weights: [Double], intercept: Double)]]) -> [Double] {
        let learned = classLayout?.present.count ?? 0
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

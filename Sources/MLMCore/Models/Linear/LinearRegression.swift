/// Ordinary least squares (`linear`) and ridge regression (`ridge`), minimising sklearn's
///
///     Σᵢ sᵢ (yᵢ − xᵢ·w − b)²  +  alpha · ‖w‖²        (alpha = 0 for linear; b not penalised)
///
/// through the normal equations on weighted-centred inputs, solved by Cholesky after scaling
/// each column to unit sum of squares (so a balance in the tens of thousands and a 0/1 dummy
/// are equally well resolved). When columns are exact combinations of each other (every
/// one-hot column of a category next to the intercept, a duplicated column) the system is
/// singular; a ridge of 1e-10 on the unit-scaled columns then picks one of the equally good
/// solutions, whose fitted values match sklearn's minimum-norm least-squares fit to ~1e-9.
public enum LinearRegression {
    public static let algorithm = Algorithm(
        name: "linear",
        summary: "linear regression: a weighted sum of the inputs fitted by least squares",
        tasks: .regression,
        parameters: [],
        train: { x, target, weights, _ throws(ModelError) in
            try fit(x, target, weights: weights, alpha: 0, algorithm: "linear")
        },
        decode: { decoder in try LinearRegressionModel(from: decoder) }
    )

    /// Fits `linear` (alpha 0) or `ridge`.
    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil, alpha: Double = 0,
                           algorithm: String = "linear") throws(ModelError) -> LinearRegressionModel {
        guard alpha.isFinite && alpha >= 0 else {
            throw ModelError("parameter 'alpha' of \(algorithm) must be a number from 0 to 1,000,000; got \(ParameterSpec.number(alpha))")
        }
        try LinearModelsSupport.checkShape(x, target, algorithm: algorithm)
        let y = try LinearModelsSupport.regressionValues(target, algorithm: algorithm)
        let w = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: algorithm)
        if x.columns >= x.rows { return wideFit(x, y: y, weights: w, alpha: alpha, algorithm: algorithm) }
        let system = LinearModelsSupport.NormalEquations(x, y: y, weights: w)
        let solved = system.solve(alpha: alpha)
        var intercept = system.targetMean
        for j in 0..<x.columns { intercept -= solved.coefficients[j] * system.means[j] }
        var notes = ["fitted by least squares on \(ValueText.counted(x.rows, "row"))"]
        if solved.jitter > 0 {
            notes.append("some columns are exact combinations of others (e.g. all one-hot columns of a category); "
                         + "one of the equally good fits was chosen, predictions are unaffected")
        }
        let constant = (0..<x.columns).filter { system.scales[$0] == 0 }.map { "'\(x.names[$0])'" }
        if !constant.isEmpty {
            notes.append("constant \(constant.count == 1 ? "column" : "columns") \(constant.joined(separator: ", ")) got coefficient 0")
        }
        return LinearRegressionModel(algorithm: algorithm, coefficients: solved.coefficients, intercept: intercept,
                                     trainingNotes: notes)
    }
}

extension LinearRegression {
    /// As many inputs as rows or more: solved through the rows × rows system (`DualLeastSquares`),
    /// not the inputs × inputs normal equations.
    static func wideFit(_ x: FeatureMatrix, y: [Double], weights: [Double], alpha: Double,
                        algorithm: String) -> LinearRegressionModel {
        let solved = LinearModelsSupport.DualLeastSquares(x, y: y, weights: weights, alpha: alpha)
        var notes = ["fitted by least squares on \(ValueText.counted(x.rows, "row"))",
                     "\(ValueText.counted(x.columns, "input")) for \(ValueText.counted(x.rows, "row")): "
                         + "solved through the rows × rows system, whose cost grows with rows² × inputs; same optimum"]
        if alpha == 0 {
            notes.append("with more inputs than rows many fits are equally good; the one with the smallest coefficients was chosen")
        }
        let constant = solved.constantColumns.map { "'\(x.names[$0])'" }
        if !constant.isEmpty {
            notes.append("constant \(constant.count == 1 ? "column" : "columns") \(constant.joined(separator: ", ")) got coefficient 0")
        }
        return LinearRegressionModel(algorithm: algorithm, coefficients: solved.coefficients, intercept: solved.intercept,
                                     trainingNotes: notes)
    }
}

/// A fitted linear or ridge regression on the original inputs.
public struct LinearRegressionModel: TrainedModel, Equatable {
    public let algorithm: String
    public let coefficients: [Double]
    public let intercept: Double
    public let trainingNotes: [String]

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        guard shape.classCount == nil else { throw shape.wrongTask(check, "a regression") }
        try check.field("algorithm").require(algorithm == shape.algorithm, "is \(algorithm), but the file's algorithm is \(shape.algorithm)")
        try check.field("coefficients").count(coefficients.count, shape.inputs, "the model has \(shape.inputs) inputs")
        try check.field("coefficients").finite(coefficients)
        try check.field("intercept").finite(intercept)
    }

    /// `b + Σⱼ wⱼ xⱼ` per row; NaN everywhere if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        guard x.columns == coefficients.count else { return LinearModelsSupport.unusable(rows: x.rows, classCount: nil) }
        return .values(linearScores(x)[0])
    }
}

extension LinearRegressionModel: LinearScoring {
    var scoreCoefficients: [[Double]] { [coefficients] }

    func predictions(fromScores scores: [[Double]], rows: Int) -> Predictions { .values(scores[0]) }

    func linearScores(_ x: FeatureMatrix) -> [[Double]] {
        var out = [Double](repeating: intercept, count: x.rows)
        x.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { out in
                for j in 0..<coefficients.count where coefficients[j] != 0 {
                    let w = coefficients[j], base = j * x.rows
                    for i in 0..<x.rows { out[i] += w * values[base + i] }
                }
            }
        }
        return [out]
    }
}

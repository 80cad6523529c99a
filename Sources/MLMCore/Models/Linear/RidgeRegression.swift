/// Ridge regression: least squares plus `alpha · ‖w‖²`, sklearn's `Ridge` (intercept not
/// penalised). Shares the solver and fitted model with `LinearRegression`.
public enum RidgeRegression {
    public static let algorithm = Algorithm(
        name: "ridge",
        summary: "ridge regression: least squares with large coefficients penalised",
        tasks: .regression,
        parameters: [
            ParameterSpec("alpha", .number(0...1e6), default: .number(1),
                          "penalty strength: larger values shrink the coefficients more (0 is plain least squares)"),
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try LinearRegressionModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> LinearRegressionModel {
        try LinearRegression.fit(x, target, weights: weights, alpha: try alpha(parameters), algorithm: "ridge")
    }

    static func alpha(_ parameters: Parameters) throws(ModelError) -> Double {
        try ParameterReader(parameters: parameters, algorithm: "ridge", specs: algorithm.parameters).number("alpha") ?? 1
    }
}

/// Logistic regression, binary and multinomial, minimising exactly sklearn's objective
///
///     Σᵢ sᵢ · logloss(yᵢ, xᵢ·w + b)  +  (1/C) · [ (1−ρ)/2 ‖w‖² + ρ ‖w‖₁ ]
///
/// with ρ = 0 for l2, 1 for l1, `l1_ratio` for elasticnet and no penalty for none; the
/// intercept is never penalised. For three or more classes it is sklearn's symmetric softmax
/// form (one coefficient row per class, all penalised).
///
/// Inputs are standardized internally, (x − mean) / sd, because raw columns of very different
/// sizes make first-order solvers crawl. Substituting w = w′/sd turns the penalty into one with
/// per-column weights 1/sd² (L2) and 1/sd (L1), so the standardized problem has the same optimum
/// as sklearn's on the raw inputs; the fitted coefficients are folded back to the raw scale.
/// Two classes with L2 or none are solved with Newton steps, or with L-BFGS when the inputs
/// outnumber the rows or the Hessian would be too large (`LogisticRegression+Wide.swift`); more
/// classes with L-BFGS; L1 and elastic net with FISTA.
public enum LogisticRegression {
    static let name = "logistic"

    public static let algorithm = Algorithm(
        name: name,
        summary: "logistic regression: a weighted sum of the inputs turned into class probabilities",
        tasks: [.binary, .multiclass],
        parameters: [
            ParameterSpec("c", .number(0...1e6), default: .number(1),
                          "inverse regularisation strength: smaller values shrink the coefficients more", excludesLowerBound: true),
            ParameterSpec("penalty", .choice(["l2", "l1", "elasticnet", "none"]), default: .text("l2"),
                          "how coefficients are kept small: l2 (ridge), l1 (lasso, sets some to zero), elasticnet (a mix) or none"),
            ParameterSpec("l1_ratio", .number(0...1), default: .number(0.5),
                          "share of l1 in the elasticnet penalty (0 is l2, 1 is l1)"),
            ParameterSpec("iterations", .integer(1...10000), default: .integer(1000),
                          "the most solver iterations before giving up"),
            ParameterSpec("tolerance", .number(0...1), default: .number(1e-6),
                          "stop when no coefficient's gradient (on standardized inputs, per unit of sample weight) exceeds this",
                          excludesLowerBound: true),
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try LogisticRegressionModel(from: decoder) }
    )

    /// The settings of one fit, read from `Parameters` and checked.
    struct Settings {
        var c = 1.0
        var penalty = "l2"
        var l1Ratio = 0.5
        var iterations = 1000
        var tolerance = 1e-6

        /// Share of the penalty that is L1 (ρ) and whether there is a penalty at all.
        var l1Share: Double { penalty == "l1" ? 1 : penalty == "elasticnet" ? l1Ratio : 0 }
        var isPenalised: Bool { penalty != "none" }
    }

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> LogisticRegressionModel {
        let settings = try settings(parameters)
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        let sampleWeights = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        let layout = try LinearModelsSupport.classLayout(target, weights: sampleWeights, algorithm: name)
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let totalWeight = sampleWeights.reduce(0, +)
        let (ridge, lasso) = penaltyWeights(settings, scaling: scaling, totalWeight: totalWeight)
        let wide = needsWideSolver(rows: x.rows, columns: x.columns)
        let objective = LogisticObjective(
            x: wide ? [] : scaling.standardized(x), rows: x.rows, columns: x.columns, labels: layout.labels,
            weights: sampleWeights.map { $0 / totalWeight }, classCount: layout.present.count, ridge: ridge,
            wide: wide ? LinearModelsSupport.WideInputs(x, scaling: scaling) : nil)
        let outcome = solve(objective, lasso: lasso, settings: settings)
        // The solvers stop early on Ctrl-C; a half-fitted model must not look like a result.
        try ModelError.throwIfCancelled()
        var notes = notes(outcome, settings: settings, target: target, layout: layout)
        if wide && objective.scoreCount == 1 && !(settings.l1Share > 0 && settings.isPenalised) {
            notes.insert(wideSolverNote(rows: x.rows, columns: x.columns), at: 0)
        }
        return model(outcome, objective: objective, scaling: scaling, layout: layout, notes: notes)
    }

    static func settings(_ parameters: Parameters) throws(ModelError) -> Settings {
        let read = ParameterReader(parameters: parameters, algorithm: name, specs: algorithm.parameters)
        var settings = Settings()
        settings.c = try read.number("c") ?? settings.c
        settings.penalty = try read.choice("penalty") ?? settings.penalty
        settings.l1Ratio = try read.number("l1_ratio") ?? settings.l1Ratio
        settings.iterations = try read.integer("iterations") ?? settings.iterations
        settings.tolerance = try read.number("tolerance") ?? settings.tolerance
        return settings
    }

    /// Per-column penalty weights on the standardized problem, already divided by the total
    /// sample weight like the loss: L2 (1−ρ)/(C·W·sd²) and L1 ρ/(C·W·sd), from w = w′/sd.
    static func penaltyWeights(_ settings: Settings, scaling: LinearModelsSupport.ColumnScaling,
                               totalWeight: Double) -> (ridge: [Double], lasso: [Double]) {
        guard settings.isPenalised else {
            let zeros = [Double](repeating: 0, count: scaling.scales.count)
            return (zeros, zeros)
        }
        let strength = 1 / (settings.c * totalWeight), rho = settings.l1Share
        let ridge = scaling.scales.map { (1 - rho) * strength / ($0 * $0) }
        let lasso = scaling.scales.map { rho * strength / $0 }
        return (ridge, lasso)
    }

    /// Newton for two classes with a smooth penalty (exact, few iterations) unless the problem is
    /// wide, L-BFGS for more classes and wide problems, FISTA when the penalty has an L1 part.
    static func solve(_ objective: LogisticObjective, lasso: [Double], settings: Settings) -> LinearModelsSupport.OptimizationOutcome {
        var start = [Double](repeating: 0, count: objective.parameterCount)
        let evaluate: LinearModelsSupport.SmoothObjective = { theta, gradient in objective.value(theta, gradient: &gradient) }
        if settings.l1Share > 0 && settings.isPenalised {
            return LinearModelsSupport.ProximalGradient(maxIterations: settings.iterations, tolerance: settings.tolerance)
                .minimize(from: start, l1: blocks(objective, lasso, intercept: 0), evaluate)
        }
        if objective.scoreCount == 1 && objective.wide == nil {
            return LinearModelsSupport.LogisticNewton(maxIterations: settings.iterations, tolerance: settings.tolerance)
                .minimize(objective)
        }
        // Precondition with the Hessian diagonal's bound p(1−p) ≤ ¼ plus the ridge: columns with
        // a tiny standard deviation get a huge ridge weight, which would otherwise stall L-BFGS.
        var solver = LinearModelsSupport.LBFGS(maxIterations: settings.iterations, tolerance: settings.tolerance)
        solver.curvatureScale = blocks(objective, objective.ridge.map { 0.25 + $0 }, intercept: 0.25)
        // Two classes start where Newton does, at the intercept-only optimum (sklearn starts from
        // zero; the optimum is the same).
        if objective.scoreCount == 1 { start[objective.columns] = LinearModelsSupport.LogisticNewton.startingIntercept(objective) }
        return solver.minimize(from: start, evaluate)
    }

    /// A per-column value repeated for every score block, with `intercept` in each block's last slot.
    private static func blocks(_ objective: LogisticObjective, _ perColumn: [Double], intercept: Double) -> [Double] {
        var out = [Double]()
        for _ in 0..<objective.scoreCount { out += perColumn + [intercept] }
        return out
    }
}

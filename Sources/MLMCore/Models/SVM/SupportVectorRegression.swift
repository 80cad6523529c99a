/// Linear support vector regression, the svm on a numeric target: sklearn's
/// `make_pipeline(StandardScaler(), LinearSVR())`, minimising
///
///     ½‖w‖² + ½b² + Σᵢ Cᵢ · loss(|yᵢ − (w·xᵢ + b)| − ε)
///
/// with loss max(0, ·) (epsilon_insensitive, the default as in LinearSVR, solved by liblinear's
/// dual coordinate descent) or max(0, ·)² (squared_epsilon_insensitive, solved in the primal by
/// the Newton method the squared hinge uses). The intercept is penalised like a weight, as in
/// liblinear.
///
/// Inputs are standardized as for classes. The target is NOT scaled, as in LinearSVR: epsilon
/// is then in the target's own units (a revenue within 5 of the truth costs nothing), and the
/// coefficients match sklearn's. There are no calibration folds: one fit on all rows.
enum SupportVectorRegression {
    static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]?,
                    parameters: Parameters) throws(ModelError) -> SupportVectorMachineModel {
        let name = SupportVectorMachine.name
        let settings = try SupportVectorMachine.settings(parameters, numericTarget: true)
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        let sampleWeights = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        let values = try LinearModelsSupport.regressionValues(target, algorithm: name)
        try checkLearnable(values, weights: sampleWeights)
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let data = SupportVectorRows(x, scaling: scaling)
        let costs = sampleWeights.map { $0 * settings.c }
        let outcome: SupportVectorSolver.Outcome
        if settings.squaredRegressionLoss {
            let problem = LockstepNewton.Problem(targets: values, costs: costs, epsilon: settings.epsilon)
            outcome = try LockstepNewton(maxIterations: settings.maxIterations, tolerance: settings.tolerance)
                .solve(data, problems: [problem])[0]
        } else {
            outcome = try EpsilonInsensitiveSolver(epsilon: settings.epsilon, maxIterations: settings.maxIterations,
                                                   tolerance: settings.tolerance)
                .solve(data, targets: values, costs: costs, seed: settings.seed)
        }
        return SupportVectorMachineModel(scaling: scaling, regression: outcome.weights, inputCount: x.columns,
                                         trainingNotes: notes(outcome, rows: costs.filter { $0 > 0 }.count, settings: settings))
    }

    /// One row, or a target that never varies, leaves nothing to learn: refused, as a clear
    /// message beats a model that predicts a shrunken constant.
    private static func checkLearnable(_ values: [Double], weights: [Double]) throws(ModelError) {
        let used = values.indices.filter { weights[$0] > 0 }
        guard used.count >= 2 else {
            throw ModelError("svm needs at least two rows of a numeric target to learn from; got \(used.count)")
        }
        let first = values[used[0]]
        guard used.contains(where: { values[$0] != first }) else {
            throw ModelError("svm needs a numeric target that varies; every training row has \(ParameterReader.describe(.number(first)))")
        }
    }

    private static func notes(_ outcome: SupportVectorSolver.Outcome, rows: Int,
                              settings: SupportVectorMachine.Settings) -> [String] {
        let loss = settings.squaredRegressionLoss ? "squared_epsilon_insensitive" : "epsilon_insensitive"
        let epsilon = ParameterReader.describe(.number(settings.epsilon))
        var notes = ["support vector regression (\(loss), epsilon \(epsilon)) fitted once on all \(ValueText.counted(rows, "row")); the target is not scaled"]
        let solver = settings.squaredRegressionLoss ? "Newton's method" : "dual coordinate descent"
        let unit = { (n: Int) in settings.squaredRegressionLoss ? ValueText.counted(n, "step") : ValueText.counted(n, "pass", plural: "passes") + " over the rows" }
        if outcome.converged {
            notes.append("\(solver) converged in \(unit(outcome.iterations))")
        } else {
            notes.append("\(solver) stopped after \(unit(outcome.iterations)) short of the tolerance \(ParameterSpec.number(settings.tolerance)); raise max_iterations or tolerance, or lower c")
        }
        return notes
    }
}

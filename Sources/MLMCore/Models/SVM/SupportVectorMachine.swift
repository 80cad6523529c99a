/// A linear support vector machine (sklearn's `LinearSVC`, one-vs-rest for three or more
/// classes) whose decision values are turned into probabilities by Platt scaling fitted on
/// held-out folds, as `CalibratedClassifierCV(LinearSVC(), method="sigmoid", cv=5)`: each fold's
/// SVM learns from the other folds, its sigmoid from the fold's own rows, and the prediction is
/// the average of the folds' calibrated probabilities.
///
/// The SVM works on standardized inputs, (x − mean) / sd over the training rows, as the usual
/// `make_pipeline(StandardScaler(), LinearSVC())`: a margin measured on raw columns (a balance in
/// thousands next to 0/1 dummies) would mean little and the solver would crawl. The scaling is
/// recorded in the model. The squared hinge (the default) is solved in the primal by Newton's
/// method, the hinge by liblinear's dual coordinate descent.
///
/// A numeric target trains support vector regression instead (`SupportVectorRegression`, as
/// `make_pipeline(StandardScaler(), LinearSVR())`).
public enum SupportVectorMachine {
    static let name = "svm"

    public static let algorithm = Algorithm(
        name: name,
        summary: "linear support vector machine: the widest margin between the classes, with probabilities calibrated on held-out folds; for a numeric target, support vector regression",
        tasks: [.binary, .multiclass, .regression],
        parameters: [
            ParameterSpec("c", .number(0...1e6), default: .number(1),
                          "how much each margin violation (or, for numbers, each error beyond epsilon) costs: smaller values give a wider, softer fit",
                          excludesLowerBound: true),
            // No default in the spec: the default depends on the target, and a loss of the other
            // kind must be refused, so the svm has to see whether one was given.
            ParameterSpec("loss", .choice(lossNames), default: nil,
                          "the cost of a row inside the margin, for classes: hinge (linear) or squared_hinge (smoother, the default, as LinearSVC); of an error beyond epsilon, for numbers: epsilon_insensitive (linear, the default, as LinearSVR) or squared_epsilon_insensitive"),
            ParameterSpec("epsilon", .number(0...1e12), default: nil,
                          "numeric target only: errors up to this size, in the target's units, cost nothing (default 0, as LinearSVR)"),
            ParameterSpec("max_iterations", .integer(1...100_000), default: .integer(1000),
                          "the most solver iterations (Newton steps for the squared losses, passes over the rows for hinge and epsilon_insensitive)"),
            ParameterSpec("tolerance", .number(0...1), default: .number(1e-4),
                          "stop when the gradient is this share of its start (squared losses), the dual gradient spread is this (hinge) or the dual violation is this share of its start (epsilon_insensitive)",
                          excludesLowerBound: true),
            ParameterSpec("folds", .integer(2...20), default: .integer(5),
                          "held-out folds for calibrating probabilities (each fold trains on the others); classes only, a numeric target is fitted once on all rows"),
            ParameterReader.seedSpec,
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try SupportVectorMachineModel(from: decoder) }
    )

    static let classLosses = ["hinge", "squared_hinge"]
    static let regressionLosses = ["epsilon_insensitive", "squared_epsilon_insensitive"]
    static let lossNames = classLosses + regressionLosses

    struct Settings {
        var c = 1.0
        var loss = SupportVectorSolver.Loss.squaredHinge
        /// Numeric target only: the L1 loss (sklearn LinearSVR's default) or the squared one.
        var squaredRegressionLoss = false
        var epsilon = 0.0
        var maxIterations = 1000
        var tolerance = 1e-4
        var folds = 5
        var seed: UInt64 = 0
    }

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> SupportVectorMachineModel {
        if case .values = target { return try SupportVectorRegression.fit(x, target, weights: weights, parameters: parameters) }
        let settings = try settings(parameters, numericTarget: false)
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        let sampleWeights = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        let layout = try LinearModelsSupport.classLayout(target, weights: sampleWeights, algorithm: name)
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let data = SupportVectorRows(x, scaling: scaling)
        let folds = CalibrationFolds(labels: layout.labels, weights: sampleWeights, classCount: layout.present.count,
                                     folds: settings.folds, seed: settings.seed)
        let problem = FoldProblem(data: data, labels: layout.labels, weights: sampleWeights,
                                  problems: layout.present.count == 2 ? 1 : layout.present.count, settings: settings)
        let fitted = settings.loss == .squaredHinge
            ? try problem.fitByNewton(folds: folds)
            : try fitFoldsInParallel(problem, folds: folds)
        return SupportVectorMachineModel(
            scaling: scaling, folds: fitted.map(\.calibrated), inputCount: x.columns, classLayout: layout,
            trainingNotes: notes(fitted, folds: folds, settings: settings))
    }

    /// Dual coordinate descent is sequential within a fold, so the folds share the cores.
    private static func fitFoldsInParallel(_ problem: FoldProblem, folds: CalibrationFolds) throws(ModelError) -> [FoldProblem.Fitted] {
        let results: [Result<FoldProblem.Fitted, ModelError>] = Parallel.map(folds.count) { fold in
            do throws(ModelError) { return .success(try problem.fitByCoordinateDescent(fold: fold, folds: folds)) } catch { return .failure(error) }
        }
        var fitted: [FoldProblem.Fitted] = []
        for result in results {
            switch result {
            case .success(let fold): fitted.append(fold)
            case .failure(let error): throw error
            }
        }
        return fitted
    }

    static func settings(_ parameters: Parameters, numericTarget: Bool) throws(ModelError) -> Settings {
        let read = ParameterReader(parameters: parameters, algorithm: name, specs: algorithm.parameters)
        var settings = Settings()
        settings.c = try read.number("c") ?? settings.c
        try readLossAndEpsilon(parameters, numericTarget: numericTarget, into: &settings)
        settings.maxIterations = try read.integer("max_iterations") ?? settings.maxIterations
        settings.tolerance = try read.number("tolerance") ?? settings.tolerance
        settings.folds = try read.integer("folds") ?? settings.folds
        settings.seed = try ParameterReader.seed(parameters, algorithm: name)
        return settings
    }

    /// The loss must suit the target (hinge losses for classes, epsilon losses for numbers) and
    /// epsilon only means something for numbers: a mismatch is refused, not silently ignored.
    private static func readLossAndEpsilon(_ parameters: Parameters, numericTarget: Bool,
                                           into settings: inout Settings) throws(ModelError) {
        let read = ParameterReader(parameters: parameters, algorithm: name, specs: algorithm.parameters)
        if let value = parameters.values["loss"], case .text(let loss) = value {
            if numericTarget && classLosses.contains(loss) {
                throw ModelError("parameter 'loss' of svm must be epsilon_insensitive or squared_epsilon_insensitive for a numeric target; got \(loss), which is for classes")
            }
            if !numericTarget && regressionLosses.contains(loss) {
                throw ModelError("parameter 'loss' of svm must be hinge or squared_hinge for a target of classes; got \(loss), which is for a numeric target")
            }
        }
        if let loss = try read.choice("loss") {
            settings.loss = loss == "hinge" ? .hinge : .squaredHinge
            settings.squaredRegressionLoss = loss == "squared_epsilon_insensitive"
        }
        guard let value = parameters.values["epsilon"] else { return }
        guard numericTarget else {
            throw ModelError("parameter 'epsilon' of svm is the error size a numeric target may miss by at no cost, so it applies only to numbers; the target holds classes, got \(ParameterReader.describe(value))")
        }
        settings.epsilon = try read.number("epsilon") ?? 0
    }

    private static func notes(_ fitted: [FoldProblem.Fitted], folds: CalibrationFolds, settings: Settings) -> [String] {
        var notes: [String] = []
        if folds.count >= 2 {
            notes.append("probabilities calibrated by Platt scaling on \(folds.count) held-out folds and averaged over the folds' \(folds.count) SVMs")
        } else {
            notes.append("too few rows in the smallest class for held-out calibration: one SVM, calibrated on its own training rows (probabilities may be overconfident)")
        }
        let passes = fitted.flatMap(\.iterations)
        let solver = settings.loss == .hinge ? "dual coordinate descent" : "Newton's method"
        let unit = { (n: Int) in settings.loss == .hinge ? ValueText.counted(n, "pass", plural: "passes") + " over the rows" : ValueText.counted(n, "step") }
        let failed = fitted.flatMap(\.converged).filter { !$0 }.count
        if failed == 0 {
            notes.append("\(solver) converged in at most \(unit(passes.max() ?? 0))")
        } else {
            notes.append("\(solver) did not converge in \(unit(settings.maxIterations)) on \(failed) of \(ValueText.counted(passes.count, "fit")) (tolerance \(ParameterSpec.number(settings.tolerance))); raise max_iterations or tolerance, or lower c")
        }
        return notes
    }
}

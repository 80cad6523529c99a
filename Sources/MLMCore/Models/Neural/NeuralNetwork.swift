/// A multi-layer perceptron (sklearn's `MLPClassifier`/`MLPRegressor` with `solver="adam"`):
/// ReLU hidden layers, a logistic unit for two classes, a softmax for more, the identity for a
/// number; Adam on shuffled mini-batches with L2 penalty `alpha`, Glorot-uniform start, and
/// optional early stopping on a seeded, stratified 10% of the training rows.
///
/// Inputs are standardized, (x − mean) / sd over the training rows, and the scaling is kept in
/// the model: sklearn's documentation asks for it and an MLP on raw columns barely learns. A
/// numeric target is standardized too (and predictions mapped back), so the default rate suits
/// revenues in thousands as well as rates near 1; sklearn's MLPRegressor leaves it raw.
public enum NeuralNetwork {
    static let name = "neural_network"

    public static let algorithm = Algorithm(
        name: name,
        summary: "neural network: layers of learned features (a multi-layer perceptron) trained by Adam",
        tasks: .all,
        parameters: [
            ParameterSpec("layers", .integerList(1...NeuralNetworkSettings.maximumUnits), default: .integers([100]),
                          "units in each hidden layer, e.g. [64, 32] for two layers", maximumCount: NeuralNetworkSettings.maximumLayers),
            ParameterSpec("epochs", .integer(1...100_000), default: .integer(200),
                          "the most passes over the training rows"),
            ParameterSpec("rate", .number(0...10), default: .number(0.001), "Adam's learning rate", excludesLowerBound: true),
            ParameterSpec("batch", .integer(1...1_000_000), default: nil,
                          "rows per mini-batch (default 200, or all rows when fewer)"),
            ParameterSpec("alpha", .number(0...1e6), default: .number(0.0001),
                          "L2 penalty on the weights: larger values give a smoother model"),
            ParameterSpec("early_stopping", .flag, default: .flag(false),
                          "hold out 10% of the training rows and stop when their score stops improving"),
            ParameterSpec("patience", .integer(1...10_000), default: .integer(10),
                          "epochs without improvement (by more than tolerance) before stopping"),
            ParameterSpec("tolerance", .number(0...1), default: .number(0.0001),
                          "the least improvement of the loss or validation score that counts"),
            ParameterReader.seedSpec,
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try NeuralNetworkModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> NeuralNetworkModel {
        let (hidden, settings) = try NeuralNetworkSettings.read(parameters)
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        guard x.columns > 0 else {
            throw ModelError("\(name) needs at least one input column; the table has none besides the target")
        }
        let sampleWeights = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        let problem = try NetworkTargets(target, weights: sampleWeights, algorithm: name)
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let inputs = NetworkInputs(x, scaling: scaling)
        let shape = NetworkShape(units: [x.columns] + hidden + [problem.outputCount])
        let pass = NetworkPass(shape: shape, output: problem.output)
        let floatWeights = weights == nil ? nil : sampleWeights.map { Float($0) }
        let (trainRows, validationRows) = try problem.split(earlyStopping: settings.earlyStopping, seed: settings.seed)
        let validation = settings.earlyStopping
            ? NetworkValidation(inputs: inputs, rows: validationRows, targets: problem.values, weights: floatWeights) : nil
        let trainer = MiniBatchTrainer(pass: pass, inputs: inputs, targets: problem.values, weights: floatWeights,
                                       trainRows: trainRows, validation: validation, settings: settings)
        let outcome = try trainer.train(from: shape.initialParameters(seed: settings.seed))
        return NeuralNetworkModel(
            shape: shape, output: problem.output, parameters: outcome.parameters.map { Double($0) },
            scaling: scaling, targetScaling: problem.targetScaling, classLayout: problem.layout,
            trainingNotes: notes(outcome, settings: settings, trainRows: trainRows.count, problem: problem))
    }

    private static func notes(_ outcome: MiniBatchTrainer.Outcome, settings: MiniBatchTrainer.Settings,
                              trainRows: Int, problem: NetworkTargets) -> [String] {
        let loss = "training loss \(LossText.format(outcome.lastLoss))"
        switch outcome.stop {
        case .validationScore:
            let what = problem.output == .identity ? "R²" : "accuracy"
            return ["stopped early at epoch \(outcome.epochs): the validation \(what) (on 10% of the training rows) did not improve by more than \(ParameterSpec.number(settings.tolerance)) for \(ValueText.counted(settings.patience, "epoch"))",
                    "kept the weights of epoch \(outcome.bestEpoch) (validation \(what) \(LossText.format(outcome.bestScore))); \(loss)"]
        case .trainingLoss:
            return ["converged at epoch \(outcome.epochs): the \(loss) did not improve by more than \(ParameterSpec.number(settings.tolerance)) for \(ValueText.counted(settings.patience, "epoch"))"]
        case .limit:
            let held = settings.earlyStopping
                ? "; kept the weights of epoch \(outcome.bestEpoch) (best validation score \(LossText.format(outcome.bestScore)))" : ""
            return ["did not converge: ran all \(ValueText.counted(settings.epochs, "epoch")) on \(ValueText.counted(trainRows, "row")) and the loss was still improving (\(loss))\(held); raise 'epochs'"]
        }
    }
}

/// Numbers in notes: four significant decimals, deterministic.
enum LossText {
    static func format(_ value: Double) -> String {
        value.isFinite ? ValueText.rounded(value, decimals: 4) : String(value)
    }
}

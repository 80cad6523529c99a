/// Reads and checks the neural network's settings; every error names the parameter, the
/// algorithm, the allowed range and the value given.
enum NeuralNetworkSettings {
    static let name = NeuralNetwork.name
    static let maximumLayers = 16
    static let maximumUnits = 4096

    static func read(_ parameters: Parameters) throws(ModelError) -> (hidden: [Int], settings: MiniBatchTrainer.Settings) {
        let read = reader(parameters)
        let hidden = try layers(parameters)
        var settings = MiniBatchTrainer.Settings()
        settings.epochs = try read.integer("epochs") ?? settings.epochs
        settings.rate = try read.number("rate") ?? settings.rate
        settings.batch = try read.integer("batch")
        settings.alpha = try read.number("alpha") ?? settings.alpha
        settings.earlyStopping = try read.flag("early_stopping", default: false)
        settings.patience = try read.integer("patience") ?? settings.patience
        settings.tolerance = try read.number("tolerance") ?? settings.tolerance
        settings.seed = try ParameterReader.seed(parameters, algorithm: name)
        return (hidden, settings)
    }

    static func layers(_ parameters: Parameters) throws(ModelError) -> [Int] {
        try reader(parameters).integers("layers") ?? [100]
    }

    private static func reader(_ parameters: Parameters) -> ParameterReader {
        ParameterReader(parameters: parameters, algorithm: name, specs: NeuralNetwork.algorithm.parameters)
    }
}

/// The target as the network learns it: per row a Float (0/1, class index, or standardized
/// value), the output kind and width, and for classes the layout of the classes present.
struct NetworkTargets {
    let output: NetworkOutput
    let outputCount: Int
    let values: [Float]
    let layout: LinearModelsSupport.ClassLayout?
    /// Mean and standard deviation of a numeric target; predictions are mapped back with them.
    let targetScaling: [Double]?
    let weights: [Double]

    init(_ target: Target, weights: [Double], algorithm: String) throws(ModelError) {
        self.weights = weights
        if case .values(let numbers) = target {
            let (mean, variance) = numbers.withUnsafeBufferPointer { LinearModelsSupport.ColumnScaling.meanAndVariance($0) }
            let deviation = variance > 0 ? variance.squareRoot() : 1
            output = .identity
            outputCount = 1
            values = numbers.map { Float(($0 - mean) / deviation) }
            layout = nil
            targetScaling = [mean, deviation]
            return
        }
        let layout = try LinearModelsSupport.classLayout(target, weights: weights, algorithm: algorithm)
        self.layout = layout
        output = layout.present.count == 2 ? .logistic : .softmax
        outputCount = layout.present.count == 2 ? 1 : layout.present.count
        values = layout.labels.map { Float($0) }
        targetScaling = nil
    }

    /// Training and validation rows: all rows and none without early stopping; else a seeded
    /// 10% (rounded up) held out, per class for classes so both parts keep the class shares.
    func split(earlyStopping: Bool, seed: UInt64) throws(ModelError) -> (train: [Int], validation: [Int]) {
        let usable = values.indices.filter { weights[$0] > 0 }
        guard earlyStopping else { return (usable, []) }
        var generator = SeededGenerator(seed: seed ^ 0x1F83_D9AB_FB41_BD6B)
        var groups: [[Int]] = layout == nil ? [usable] : Array(repeating: [], count: outputCount == 1 ? 2 : outputCount)
        if layout != nil { for row in usable { groups[Int(values[row])].append(row) } }
        var train: [Int] = [], validation: [Int] = []
        for var group in groups {
            generator.shuffle(&group)
            let held = Int((Double(group.count) * 0.1).rounded(.up))
            validation += group.prefix(held)
            train += group.dropFirst(held)
        }
        guard !train.isEmpty, !validation.isEmpty, train.count >= 2 else {
            throw ModelError("early_stopping of \(NeuralNetwork.name) holds out 10% of the rows and needs at least 10 rows to train on; got \(usable.count)")
        }
        return (train.sorted(), validation.sorted())
    }
}

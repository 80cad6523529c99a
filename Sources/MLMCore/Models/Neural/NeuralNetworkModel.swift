/// A fitted multi-layer perceptron: layer sizes, the flat parameters (as Doubles, so the JSON
/// model file round-trips them exactly; they hold Float values), the input scaling and, for a
/// number, the target scaling.
public struct NeuralNetworkModel: TrainedModel, Equatable {
    public var algorithm: String { NeuralNetwork.name }
    let shape: NetworkShape
    let output: NetworkOutput
    let parameters: [Double]
    let scaling: LinearModelsSupport.ColumnScaling
    let targetScaling: [Double]?
    let classLayout: LinearModelsSupport.ClassLayout?
    public let trainingNotes: [String]

    enum CodingKeys: String, CodingKey {
        case shape, output, parameters, scaling, targetScaling = "target_scaling", classLayout = "class_layout"
        case trainingNotes = "training_notes"
    }

    init(shape: NetworkShape, output: NetworkOutput, parameters: [Double], scaling: LinearModelsSupport.ColumnScaling,
         targetScaling: [Double]?, classLayout: LinearModelsSupport.ClassLayout?, trainingNotes: [String]) {
        self.shape = shape
        self.output = output
        self.parameters = parameters
        self.scaling = scaling
        self.targetScaling = targetScaling
        self.classLayout = classLayout
        self.trainingNotes = trainingNotes
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        let units = self.shape.units
        try check.field("shape").field("units").require(units[0] == shape.inputs,
                                                         "starts with \(units[0]) inputs, but the encoding makes \(shape.inputs)")
        try check.field("shape").field("units").inRange(Array(units.dropFirst().dropLast()), 1..<4097, "a hidden layer size")
        let outputs = units[units.count - 1]
        switch (output, shape.classCount) {
        case (.identity, nil):
            try check.field("shape").field("units").require(outputs == 1, "ends with \(outputs) outputs; a number needs 1")
            try check.field("class_layout").require(classLayout == nil, "is set, but the target is a number")
            guard let targetScaling else { throw check.field("target_scaling").fail("is missing") }
            try check.field("target_scaling").count(targetScaling.count, 2, "it holds a mean and a scale")
            try check.field("target_scaling").finite(targetScaling)
            try check.field("target_scaling").require(targetScaling[1] > 0, "has a scale that is not above 0")
        case (.logistic, let classes?), (.softmax, let classes?):
            guard let classLayout else { throw check.field("class_layout").fail("is missing") }
            try classLayout.validate(check.field("class_layout"), classes: classes)
            let learned = classLayout.present.count
            try check.field("output").require((output == .logistic) == (learned == 2),
                                              "is \(output.rawValue), but the model learned \(learned) classes")
            try check.field("shape").field("units").require(outputs == (learned == 2 ? 1 : learned),
                                                             "ends with \(outputs) outputs for \(learned) learned classes")
            try check.field("target_scaling").require(targetScaling == nil, "is set, but the target holds classes")
        default:
            throw shape.wrongTask(check.field("output"), output.rawValue)
        }
        try check.field("parameters").count(parameters.count, self.shape.parameterCount,
                                            "layers of \(units.map(String.init).joined(separator: ", ")) units have \(self.shape.parameterCount)")
        try check.field("parameters").require(parameters.allSatisfy { Float($0).isFinite }, "holds a value that is not a finite number")
        try scaling.validate(check.field("scaling"), inputs: units[0])
    }

    /// Hidden layer sizes, e.g. [64, 32].
    public var hiddenLayers: [Int] { Array(shape.units.dropFirst().dropLast()) }

    public func predict(_ x: FeatureMatrix) -> Predictions {
        let width = output == .identity ? 1 : (output == .logistic ? 2 : shape.units[shape.layerCount])
        guard x.columns == shape.units[0], parameters.count == shape.parameterCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: classLayout?.declared)
        }
        let floats = parameters.map { Float($0) }
        let chunkRows = 1024, chunks = (x.rows + chunkRows - 1) / chunkRows
        let pass = NetworkPass(shape: shape, output: output)
        let parts: [[Double]] = x.values.withUnsafeBufferPointer { source in
            floats.withUnsafeBufferPointer { floats in
                Parallel.map(chunks) { chunk in
                    let rows = (chunk * chunkRows)..<min(x.rows, (chunk + 1) * chunkRows)
                    let workspace = NetworkWorkspace(shape: shape, rows: rows.count)
                    scaling.writeRowMajorFloats(source, rows: x.rows, columns: x.columns, block: rows, width: x.columns,
                                                into: workspace.activations[0], rowOffset: rows.lowerBound)
                    pass.forward(floats.baseAddress!, rows: rows.count, workspace: workspace)
                    var out = [Double](repeating: 0, count: rows.count * width)
                    pass.scores(rows: rows.count, workspace: workspace, into: &out, at: 0)
                    return out
                }
            }
        }
        let joined = Array(parts.joined())
        if let targetScaling {
            return .values(joined.map { $0 * targetScaling[1] + targetScaling[0] })
        }
        return classLayout?.expand(joined, rows: x.rows) ?? .values(joined)
    }
}

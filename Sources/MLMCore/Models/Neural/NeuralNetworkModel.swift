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

import Foundation

/// What the last layer computes: one logistic unit for two classes, a softmax over the classes
/// for three or more, the identity for a number (trained on squared error).
enum NetworkOutput: String, Codable, Sendable {
    case logistic, softmax, identity
}

/// Unit counts per layer (inputs, hidden layers, outputs) and where each layer's weights and
/// intercepts sit in one flat parameter buffer: layer l's weights are `units[l] × units[l+1]`
/// row-major (sklearn's `coefs_[l]`), followed by its `units[l+1]` intercepts. One buffer keeps
/// the Adam update a single loop.
struct NetworkShape: Codable, Equatable, Sendable {
    let units: [Int]
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    let parameterCount: Int

    init(units: [Int]) {
        self.units = units
        var offset = 0, weights: [Int] = [], biases: [Int] = []
        for l in 0..<(units.count - 1) {
            weights.append(offset)
            offset += units[l] * units[l + 1]
            biases.append(offset)
            offset += units[l + 1]
        }
        weightOffsets = weights
        biasOffsets = biases
        parameterCount = offset
    }

    enum CodingKeys: String, CodingKey { case units }

    /// The layer sizes `layers` allows, and the input and output counts the encoding and the
    /// classes can need, checked before any offset is computed (so no product can overflow).
    static let largestLayer = 1 << 20

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let units = try container.decode([Int].self, forKey: .units)
        let check = ModelFileCheck("model.shape.units")
        try check.require(units.count >= 3, "lists \(units.count) layers; a network has inputs, at least one hidden layer and outputs")
        try check.inRange(units, 1..<(Self.largestLayer + 1), "a number of units")
        var total = 0, overflow = false
        for l in 0..<(units.count - 1) where !overflow {
            let (weights, o1) = units[l].multipliedReportingOverflow(by: units[l + 1])
            let (sum, o2) = total.addingReportingOverflow(weights)
            (total, overflow) = (sum &+ units[l + 1], o1 || o2 || sum > Int(Int32.max))
        }
        try check.require(!overflow, "describes a network with more parameters than any model file holds")
        self.init(units: units)
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
    }

    var layerCount: Int { units.count - 1 }
    var widest: Int { units.max() ?? 0 }

    /// Per parameter, the L2 factor: 1 for weights, 0 for intercepts (never penalised).
    func decayMask() -> [Float] {
        var mask = [Float](repeating: 0, count: parameterCount)
        for l in 0..<layerCount {
            for p in weightOffsets[l]..<biasOffsets[l] { mask[p] = 1 }
        }
        return mask
    }

    /// Glorot-uniform start as sklearn's `_init_coef` for ReLU networks: weights and intercepts
    /// uniform in ±√(6 / (fan_in + fan_out)).
    func initialParameters(seed: UInt64) -> [Float] {
        var generator = SeededGenerator(seed: seed ^ 0xA076_1D64_78BD_642F)
        var parameters = [Float](repeating: 0, count: parameterCount)
        for l in 0..<layerCount {
            let bound = (6.0 / Double(units[l] + units[l + 1])).squareRoot()
            for p in weightOffsets[l]..<(biasOffsets[l] + units[l + 1]) {
                parameters[p] = Float((2 * generator.nextUnit() - 1) * bound)
            }
        }
        return parameters
    }
}

/// Buffers for one slice of a mini-batch: activations and deltas per layer, and a gradient the
/// size of the parameters. Allocated once per training run (or prediction chunk), never per batch.
final class NetworkWorkspace: @unchecked Sendable {
    let capacity: Int
    let activations: [UnsafeMutablePointer<Float>]
    let deltas: [UnsafeMutablePointer<Float>]
    let gradient: UnsafeMutablePointer<Float>
    /// Per row of the slice: its target and sample weight, gathered like the inputs.
    let targets: UnsafeMutablePointer<Float>
    let rowWeights: UnsafeMutablePointer<Float>
    let parameterCount: Int

    init(shape: NetworkShape, rows: Int) {
        capacity = max(1, rows)
        activations = shape.units.map { UnsafeMutablePointer<Float>.allocate(capacity: max(1, rows) * $0) }
        deltas = shape.units.map { UnsafeMutablePointer<Float>.allocate(capacity: max(1, rows) * $0) }
        parameterCount = shape.parameterCount
        gradient = UnsafeMutablePointer<Float>.allocate(capacity: max(1, shape.parameterCount))
        targets = UnsafeMutablePointer<Float>.allocate(capacity: max(1, rows))
        rowWeights = UnsafeMutablePointer<Float>.allocate(capacity: max(1, rows))
    }

    deinit {
        activations.forEach { $0.deallocate() }
        deltas.forEach { $0.deallocate() }
        gradient.deallocate()
        targets.deallocate()
        rowWeights.deallocate()
    }
}

import Foundation

/// Forward and backward passes of the perceptron over a block of rows held in a workspace:
/// ReLU hidden layers, and an output layer whose pre-activations are kept so the loss can be
/// computed without the rounding of a probability near 0 or 1.
struct NetworkPass {
    let shape: NetworkShape
    let output: NetworkOutput

    /// Fills every layer from `workspace.activations[0]` (the standardized inputs); the last
    /// layer holds pre-activations (logits, or values for a number).
    func forward(_ parameters: UnsafePointer<Float>, rows: Int, workspace: NetworkWorkspace) {
        let last = shape.layerCount - 1
        for l in 0...last {
            let outputs = workspace.activations[l + 1], width = shape.units[l + 1]
            DenseKernels.affine(workspace.activations[l], rows: rows, inner: shape.units[l],
                                parameters + shape.weightOffsets[l], bias: parameters + shape.biasOffsets[l],
                                outputs, columns: width)
            if l < last {
                for i in 0..<(rows * width) { outputs[i] = max(outputs[i], 0) }
            }
        }
    }

    /// Weighted loss summed over the rows, and the output deltas (prediction − target, times
    /// the row's weight) written to the last layer's deltas. `targets[i]` is 0/1 for logistic,
    /// the class index for softmax, the (standardized) value for identity.
    func lossAndOutputDeltas(rows: Int, targets: UnsafePointer<Float>, weights: UnsafePointer<Float>?,
                             workspace: NetworkWorkspace) -> Double {
        let outputs = shape.units[shape.layerCount]
        let z = workspace.activations[shape.layerCount], delta = workspace.deltas[shape.layerCount]
        var total = 0.0
        for i in 0..<rows {
            let weight = weights.map { Double($0[i]) } ?? 1
            let row = z + i * outputs, rowDelta = delta + i * outputs
            switch output {
            case .logistic:
                let logit = Double(row[0]), y = Double(targets[i])
                total += weight * (max(logit, 0) - y * logit + log1p(exp(-abs(logit))))
                rowDelta[0] = Float((NetworkPass.sigmoid(logit) - y) * weight)
            case .identity:
                let residual = Double(row[0]) - Double(targets[i])
                total += weight * 0.5 * residual * residual
                rowDelta[0] = Float(residual * weight)
            case .softmax:
                total += weight * softmaxDeltas(row, label: Int(targets[i]), weight: weight, rowDelta, outputs: outputs)
            }
        }
        return total
    }

    /// Writes (softmax − one-hot) · weight and returns the row's cross-entropy.
    private func softmaxDeltas(_ logits: UnsafeMutablePointer<Float>, label: Int, weight: Double,
                               _ delta: UnsafeMutablePointer<Float>, outputs: Int) -> Double {
        var largest = -Double.infinity
        for k in 0..<outputs { largest = max(largest, Double(logits[k])) }
        var sum = 0.0
        for k in 0..<outputs { sum += exp(Double(logits[k]) - largest) }
        let logSum = largest + log(sum)
        for k in 0..<outputs {
            let p = exp(Double(logits[k]) - logSum)
            delta[k] = Float((p - (k == label ? 1 : 0)) * weight)
        }
        return logSum - Double(logits[label])
    }

    /// Gradient (unscaled sums over the rows) into `workspace.gradient`, from the output deltas
    /// back. `transposed[l]` is layer l's weights transposed (needed for l ≥ 1).
    func backward(rows: Int, transposed: [UnsafeMutablePointer<Float>], workspace: NetworkWorkspace) {
        let gradient = workspace.gradient
        gradient.update(repeating: 0, count: shape.parameterCount)
        for l in stride(from: shape.layerCount - 1, through: 0, by: -1) {
            let inputs = shape.units[l], outputs = shape.units[l + 1]
            let delta = workspace.deltas[l + 1], activation = workspace.activations[l]
            DenseKernels.accumulateOuter(activation, rows: rows, inner: inputs, delta, columns: outputs,
                                         gradient + shape.weightOffsets[l])
            DenseKernels.accumulateColumnSums(delta, rows: rows, columns: outputs, gradient + shape.biasOffsets[l])
            guard l > 0 else { continue }
            let previous = workspace.deltas[l]
            DenseKernels.affine(delta, rows: rows, inner: outputs, transposed[l], bias: nil, previous, columns: inputs)
            for i in 0..<(rows * inputs) where !(activation[i] > 0) { previous[i] = 0 }
        }
    }

    /// Turns the last layer's pre-activations into probabilities (Double, row-major) or values.
    func scores(rows: Int, workspace: NetworkWorkspace, into out: inout [Double], at start: Int) {
        let outputs = shape.units[shape.layerCount], z = workspace.activations[shape.layerCount]
        for i in 0..<rows {
            let row = z + i * outputs
            switch output {
            case .identity:
                out[start + i] = Double(row[0])
            case .logistic:
                let p = NetworkPass.sigmoid(Double(row[0]))
                out[2 * (start + i)] = 1 - p
                out[2 * (start + i) + 1] = p
            case .softmax:
                var largest = -Double.infinity
                for k in 0..<outputs { largest = max(largest, Double(row[k])) }
                var sum = 0.0
                for k in 0..<outputs { sum += exp(Double(row[k]) - largest) }
                for k in 0..<outputs { out[(start + i) * outputs + k] = exp(Double(row[k]) - largest) / sum }
            }
        }
    }

    @inline(__always)
    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}

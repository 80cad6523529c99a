import Foundation

/// The parameters with Adam's running moments (sklearn's `AdamOptimizer`: step size
/// rate·√(1−β₂ᵗ)/(1−β₁ᵗ), update −step·m/(√v + ε)).
struct AdamState {
    var parameters: [Float]
    var first: [Float]
    var second: [Float]
    /// 1 for weights, 0 for intercepts: only weights get the L2 term.
    let decay: [Float]
    var steps = 0

    init(parameters: [Float], shape: NetworkShape) {
        self.parameters = parameters
        first = [Float](repeating: 0, count: parameters.count)
        second = first
        decay = shape.decayMask()
    }

    func squaredWeights() -> Double {
        var total: Float = 0
        for p in parameters.indices { total += decay[p] * parameters[p] * parameters[p] }
        return Double(total)
    }

    /// Adds the slices' gradient sums in order, adds alpha·W, divides by the batch weight and
    /// takes one Adam step.
    mutating func update(gradients: [UnsafeMutablePointer<Float>], batchWeight: Double,
                         settings: MiniBatchTrainer.Settings) {
        steps += 1
        let t = Double(steps)
        let step = Float(settings.rate * (1 - pow(settings.beta2, t)).squareRoot() / (1 - pow(settings.beta1, t)))
        let b1 = Float(settings.beta1), b2 = Float(settings.beta2), epsilon = Float(settings.epsilon)
        let alpha = Float(settings.alpha), inverse = Float(1 / batchWeight)
        let count = parameters.count
        let g0 = gradients[0], g1 = gradients.count > 1 ? gradients[1] : nil
        parameters.withUnsafeMutableBufferPointer { w in
            first.withUnsafeMutableBufferPointer { m in
                second.withUnsafeMutableBufferPointer { v in
                    decay.withUnsafeBufferPointer { decay in
                        for p in 0..<count {
                            var sum = g0[p]
                            if let g1 { sum += g1[p] }
                            let g = (sum + alpha * decay[p] * w[p]) * inverse
                            m[p] = b1 * m[p] + (1 - b1) * g
                            v[p] = b2 * v[p] + (1 - b2) * g * g
                            w[p] -= step * m[p] / (v[p].squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }
}

/// The held-out rows of early stopping and how an epoch is scored on them: accuracy for
/// classes, R² for a number, weighted by the sample weights (sklearn's `score`).
struct NetworkValidation {
    let inputs: NetworkInputs
    let rows: [Int]
    let targets: [Float]
    let weights: [Float]?

    func score(pass: NetworkPass, parameters: [Float]) -> Double {
        let chunk = 1024, outputs = pass.shape.units[pass.shape.layerCount]
        let workspace = NetworkWorkspace(shape: pass.shape, rows: min(chunk, rows.count))
        var predictions = [Float](repeating: 0, count: rows.count * outputs)
        parameters.withUnsafeBufferPointer { parameters in
            inputs.values.withUnsafeBufferPointer { values in
                let width = inputs.columns
                for start in stride(from: 0, to: rows.count, by: chunk) {
                    let end = min(rows.count, start + chunk)
                    for i in start..<end {
                        (workspace.activations[0] + (i - start) * width).update(from: values.baseAddress! + rows[i] * width, count: width)
                    }
                    pass.forward(parameters.baseAddress!, rows: end - start, workspace: workspace)
                    let last = workspace.activations[pass.shape.layerCount]
                    for k in 0..<((end - start) * outputs) { predictions[start * outputs + k] = last[k] }
                }
            }
        }
        return pass.output == .identity ? rSquared(predictions) : accuracy(predictions, outputs: outputs)
    }

    private func weight(_ i: Int) -> Double { weights.map { Double($0[rows[i]]) } ?? 1 }

    private func accuracy(_ logits: [Float], outputs: Int) -> Double {
        var right = 0.0, total = 0.0
        for i in rows.indices {
            var predicted = 0
            if outputs == 1 {
                predicted = logits[i] > 0 ? 1 : 0
            } else {
                for k in 1..<outputs where logits[i * outputs + k] > logits[i * outputs + predicted] { predicted = k }
            }
            if predicted == Int(targets[rows[i]]) { right += weight(i) }
            total += weight(i)
        }
        return total > 0 ? right / total : 0
    }

    private func rSquared(_ values: [Float]) -> Double {
        var total = 0.0, mean = 0.0
        for i in rows.indices { mean += weight(i) * Double(targets[rows[i]]); total += weight(i) }
        guard total > 0 else { return 0 }
        mean /= total
        var residual = 0.0, spread = 0.0
        for i in rows.indices {
            let y = Double(targets[rows[i]])
            residual += weight(i) * (y - Double(values[i])) * (y - Double(values[i]))
            spread += weight(i) * (y - mean) * (y - mean)
        }
        return spread > 0 ? 1 - residual / spread : (residual == 0 ? 1 : 0)
    }
}

import Foundation

extension LogisticObjective {
    /// The Hessian of the binary objective, `(p+1) × (p+1)` row-major with the intercept last:
    /// `Σᵢ ŝᵢ pᵢ(1−pᵢ) x̃ᵢ x̃ᵢᵀ + diag(ridge, 0)` where `x̃ᵢ = (xᵢ, 1)`. Summed per fixed chunk
    /// in chunk order, so it does not depend on the number of cores.
    func binaryHessian(_ theta: [Double]) -> [Double] {
        let p = columns, size = p + 1
        let chunkCount = (rows + Self.chunkRows - 1) / Self.chunkRows
        let parts: [[Double]] = x.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { theta in
                Parallel.map(chunkCount) { chunk in
                    let start = chunk * Self.chunkRows
                    return hessianChunk(start, min(rows, start + Self.chunkRows), theta, x)
                }
            }
        }
        var hessian = [Double](repeating: 0, count: size * size)
        for part in parts {
            for i in 0..<hessian.count { hessian[i] += part[i] }
        }
        for j in 0..<p { hessian[j * size + j] += ridge[j] }
        return hessian
    }

    /// One chunk's lower triangle of `X̃ᵀ D X̃`.
    private func hessianChunk(_ start: Int, _ end: Int, _ theta: UnsafeBufferPointer<Double>,
                              _ x: UnsafeBufferPointer<Double>) -> [Double] {
        let count = end - start, p = columns, size = p + 1
        var out = [Double](repeating: 0, count: size * size)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(2 * count, 1)) { buffer in
            let curvature = buffer.baseAddress!, scaled = buffer.baseAddress! + count
            curvature.initialize(repeating: theta[p], count: count)
            for j in 0..<p where theta[j] != 0 {
                accumulate(curvature, x.baseAddress! + j * rows + start, theta[j], count)
            }
            weights.withUnsafeBufferPointer { weights in
                for i in 0..<count {
                    let probability = 1 / (1 + exp(-curvature[i]))
                    curvature[i] = weights[start + i] * probability * (1 - probability)
                }
            }
            for j in 0..<size {
                let column = j < p ? UnsafePointer(x.baseAddress! + j * rows + start) : nil
                if let column {
                    for i in 0..<count { scaled[i] = column[i] * curvature[i] }
                } else {
                    for i in 0..<count { scaled[i] = curvature[i] }
                }
                for k in 0..<j { out[j * size + k] = dot(scaled, x.baseAddress! + k * rows + start, count) }
                var diagonal = 0.0
                if let column {
                    diagonal = dot(scaled, column, count)
                } else {
                    for i in 0..<count { diagonal += scaled[i] }
                }
                out[j * size + j] = diagonal
            }
        }
        return out
    }
}

extension LinearModelsSupport {
    /// Newton's method with a backtracking line search for the binary logistic objective with an
    /// L2 penalty (or none). Converges in a handful of iterations to full precision whatever the
    /// conditioning, at the cost of one Hessian pass per iteration, cheap for the tens to hundreds
    /// of columns marketing tables have.
    struct LogisticNewton {
        var maxIterations: Int
        var tolerance: Double

        func minimize(_ objective: LogisticObjective) -> OptimizationOutcome {
            let size = objective.parameterCount
            var x = [Double](repeating: 0, count: size), gradient = x, trialGradient = x
            var value = objective.value(x, gradient: &gradient)
            var outcome = OptimizationOutcome(parameters: x, iterations: 0, converged: false,
                                              lastChange: .infinity, gradientSize: LinearModelsSupport.maxMagnitude(gradient))
            outcome.converged = outcome.gradientSize <= tolerance
            while !outcome.converged && outcome.iterations < maxIterations {
                outcome.iterations += 1
                let hessian = objective.binaryHessian(x)
                guard let (step, _) = LinearModelsSupport.regularisedSolve(hessian, size: size, gradient.map { -$0 }) else { break }
                let slope = LinearModelsSupport.dotProduct(step, gradient)
                guard slope < 0 else { break }
                var scale = 1.0, trial = x, trialValue = Double.infinity
                for _ in 0..<40 {
                    for i in 0..<size { trial[i] = x[i] + scale * step[i] }
                    trialValue = objective.value(trial, gradient: &trialGradient)
                    if trialValue <= value + 1e-4 * scale * slope { break }
                    scale *= 0.5
                }
                guard trialValue <= value else { break }
                outcome.lastChange = (value - trialValue) / max(abs(value), 1e-300)
                x = trial
                value = trialValue
                swap(&gradient, &trialGradient)
                outcome.gradientSize = LinearModelsSupport.maxMagnitude(gradient)
                outcome.converged = outcome.gradientSize <= tolerance || outcome.lastChange <= 4 * Double.ulpOfOne
            }
            outcome.parameters = x
            return outcome
        }
    }
}

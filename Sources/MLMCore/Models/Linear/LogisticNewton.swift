import Foundation

extension LogisticObjective {
    /// Objective, gradient and Hessian of the binary problem in one pass over the data.
    struct NewtonTerms {
        var value: Double
        var gradient: [Double]
        /// `(p+1) × (p+1)` row-major, intercept last; only the lower triangle is filled.
        var hessian: [Double]
    }

    /// Rows per work unit: all of a chunk's columns are revisited for every column, so they
    /// should stay in a core's L2 cache (2048 rows × 30 columns × 8 bytes ≈ 0.5 MB). Fixed, so
    /// the order of sums (and the fitted model) does not depend on the number of cores.
    static let newtonChunkRows = 2048

    /// `f`, `∇f` and `∇²f = Σᵢ ŝᵢ pᵢ(1−pᵢ) x̃ᵢ x̃ᵢᵀ + diag(ridge, 0)` with `x̃ᵢ = (xᵢ, 1)`.
    /// Computing all three together means a Newton step whose line search accepts the full step
    /// (nearly all of them) reads the data once.
    ///
    /// With `chunkStride` s > 1 only every s-th chunk is read and the Hessian is scaled up by
    /// total / sampled weight: an estimate for steering Newton steps on large data (value and
    /// gradient are then partial and must come from `value`).
    func newtonTerms(_ theta: [Double], chunkStride: Int = 1) -> NewtonTerms {
        let p = columns, size = p + 1
        let chunkRows = Self.newtonChunkRows
        let chunkCount = (rows + chunkRows * chunkStride - 1) / (chunkRows * chunkStride)
        var sums = [Double](repeating: 0, count: size * size + size + 2)
        x.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { theta in
                Parallel.forEachInOrder(chunkCount, wave: Parallel.resultWave, { sample in
                    let start = sample * chunkStride * chunkRows
                    return newtonChunk(start, min(rows, start + chunkRows), theta, x)
                }, combine: { part in
                    for i in 0..<sums.count { sums[i] += part[i] }
                })
            }
        }
        if chunkStride > 1 && sums[size * size + size + 1] > 0 {
            let scale = 1 / sums[size * size + size + 1]
            for i in 0..<(size * size) { sums[i] *= scale }
        }
        var terms = NewtonTerms(value: sums[size * size + size], gradient: Array(sums[(size * size)..<(size * size + size)]),
                                hessian: Array(sums[0..<(size * size)]))
        for j in 0..<p where ridge[j] != 0 {
            terms.value += 0.5 * ridge[j] * theta[j] * theta[j]
            terms.gradient[j] += ridge[j] * theta[j]
            terms.hessian[j * size + j] += ridge[j]
        }
        return terms
    }

    /// One chunk's Hessian lower triangle, then its gradient, its loss and its total weight.
    private func newtonChunk(_ start: Int, _ end: Int, _ theta: UnsafeBufferPointer<Double>,
                             _ x: UnsafeBufferPointer<Double>) -> [Double] {
        let count = end - start, p = columns, size = p + 1
        var out = [Double](repeating: 0, count: size * size + size + 2)
        for i in start..<end { out[size * size + size + 1] += weights[i] }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(4 * count, 1)) { buffer in
            let curvature = buffer.baseAddress!, residual = curvature + count
            let scaled = residual + count, ones = scaled + count
            ones.initialize(repeating: 1, count: count)
            curvature.initialize(repeating: theta[p], count: count)
            for j in 0..<p where theta[j] != 0 {
                accumulate(curvature, x.baseAddress! + j * rows + start, theta[j], count)
            }
            out[size * size + size] = lossAndCurvature(curvature, residual, start: start, count: count)
            // Column p is the intercept's column of ones; the pointer table makes it uniform.
            let columnsWithOnes = (0..<size).map { j in
                j < p ? UnsafePointer(x.baseAddress! + j * rows + start) : UnsafePointer(ones)
            }
            for j in 0..<size {
                let column = columnsWithOnes[j]
                out[size * size + j] = dot(residual, column, count)
                for i in 0..<count { scaled[i] = column[i] * curvature[i] }
                var k = 0
                while k + 4 <= j + 1 {
                    let sums = LinearModelsSupport.dot4(scaled, columnsWithOnes[k], columnsWithOnes[k + 1],
                                                        columnsWithOnes[k + 2], columnsWithOnes[k + 3], count)
                    for m in 0..<4 { out[j * size + k + m] = sums[m] }
                    k += 4
                }
                while k <= j {
                    out[j * size + k] = dot(scaled, columnsWithOnes[k], count)
                    k += 1
                }
            }
        }
        return out
    }

    /// Turns scores into weighted curvatures `ŝ p(1−p)` (in place) and residuals `ŝ (p − y)`,
    /// and returns the chunk's weighted log loss.
    private func lossAndCurvature(_ scores: UnsafeMutablePointer<Double>, _ residual: UnsafeMutablePointer<Double>,
                                  start: Int, count: Int) -> Double {
        var loss = 0.0
        labels.withUnsafeBufferPointer { labels in
            weights.withUnsafeBufferPointer { weights in
                for i in 0..<count {
                    let weight = weights[start + i]
                    let isPositive = labels[start + i] == 1
                    let (rowLoss, probability) = Self.binaryTerms(scores[i], isPositive: isPositive)
                    loss += weight * rowLoss
                    residual[i] = weight * (probability - (isPositive ? 1 : 0))
                    scores[i] = weight * probability * (1 - probability)
                }
            }
        }
        return loss
    }
}

extension LinearModelsSupport {
    /// Newton's method with a backtracking line search for the binary logistic objective with an
    /// L2 penalty (or none). Converges in a handful of iterations to full precision whatever the
    /// conditioning, at one pass over the data per iteration, and the (p+1)² Hessian is cheap
    /// for the tens to hundreds of columns marketing tables have.
    struct LogisticNewton {
        var maxIterations: Int
        var tolerance: Double

        /// Chunks whose Hessian is enough to steer Newton steps on large data: about 32 × 2048 rows.
        static let sampledChunks = 32

        /// Starts from the intercept-only optimum, log-odds of the weighted positive share
        /// (sklearn starts from zero; the optimum is the same).
        ///
        /// From 32 chunks of rows on, the Hessian is estimated from every s-th chunk (s ≥ 2: 16 to
        /// 32 chunks, at least 32 000 rows spread over the data) while the objective and the
        /// gradient stay exact, so a step costs one gradient pass instead of a full Hessian. The
        /// steps stay Newton-like (a few percent of Hessian error costs little), the line search
        /// and the convergence test use exact numbers, and a step that needs backtracking or
        /// does not halve the gradient switches to the exact Hessian for good.
        func minimize(_ objective: LogisticObjective) -> OptimizationOutcome {
            let size = objective.parameterCount
            var x = [Double](repeating: 0, count: size)
            x[size - 1] = Self.startingIntercept(objective)
            let chunkCount = (objective.rows + LogisticObjective.newtonChunkRows - 1) / LogisticObjective.newtonChunkRows
            var stride = chunkCount >= Self.sampledChunks ? max(2, (chunkCount + Self.sampledChunks - 1) / Self.sampledChunks) : 1
            var terms = evaluate(objective, x, stride: stride)
            var outcome = OptimizationOutcome(parameters: x, iterations: 0, converged: false, lastChange: .infinity,
                                              gradientSize: LinearModelsSupport.maxMagnitude(terms.gradient))
            outcome.converged = outcome.gradientSize <= tolerance
            while !outcome.converged && outcome.iterations < maxIterations && !Cancellation.isRequested {
                outcome.iterations += 1
                guard let (step, _) = LinearModelsSupport.regularisedSolve(terms.hessian, size: size, terms.gradient.map { -$0 })
                else { break }
                let slope = LinearModelsSupport.dotProduct(step, terms.gradient)
                guard slope < 0 else { break }
                var scale = 1.0, trial = x, trialTerms = terms
                for _ in 0..<40 {
                    for i in 0..<size { trial[i] = x[i] + scale * step[i] }
                    trialTerms = stride == 1 ? objective.newtonTerms(trial) : valueOnly(objective, trial, terms.hessian)
                    if trialTerms.value <= terms.value + 1e-4 * scale * slope { break }
                    scale *= 0.5
                }
                guard trialTerms.value <= terms.value else { break }
                outcome.lastChange = (terms.value - trialTerms.value) / max(abs(terms.value), 1e-300)
                let previousGradientSize = outcome.gradientSize
                x = trial
                terms = trialTerms
                outcome.gradientSize = LinearModelsSupport.maxMagnitude(terms.gradient)
                // A full step that no longer changes the objective means the optimum is reached in
                // double precision; after a shortened step it could just mean a poor direction.
                outcome.converged = outcome.gradientSize <= tolerance || (scale == 1 && outcome.lastChange <= 4 * Double.ulpOfOne)
                if stride > 1 && !outcome.converged {
                    if scale < 1 || outcome.gradientSize > 0.5 * previousGradientSize { stride = 1 }
                    terms = stride == 1 ? objective.newtonTerms(x)
                        : LogisticObjective.NewtonTerms(value: terms.value, gradient: terms.gradient,
                                                        hessian: objective.newtonTerms(x, chunkStride: stride).hessian)
                }
            }
            outcome.parameters = x
            return outcome
        }

        /// Exact value and gradient, with the Hessian exact (stride 1) or estimated.
        private func evaluate(_ objective: LogisticObjective, _ theta: [Double], stride: Int) -> LogisticObjective.NewtonTerms {
            guard stride > 1 else { return objective.newtonTerms(theta) }
            return valueOnly(objective, theta, objective.newtonTerms(theta, chunkStride: stride).hessian)
        }

        private func valueOnly(_ objective: LogisticObjective, _ theta: [Double], _ hessian: [Double]) -> LogisticObjective.NewtonTerms {
            var gradient = [Double](repeating: 0, count: theta.count)
            let value = objective.value(theta, gradient: &gradient)
            return LogisticObjective.NewtonTerms(value: value, gradient: gradient, hessian: hessian)
        }

        static func startingIntercept(_ objective: LogisticObjective) -> Double {
            var positive = 0.0
            for i in 0..<objective.rows where objective.labels[i] == 1 { positive += objective.weights[i] }
            let share = min(max(positive, 1e-12), 1 - 1e-12)
            return log(share / (1 - share))
        }
    }
}

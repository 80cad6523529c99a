import Foundation

/// The smooth part of sklearn's logistic objective on standardized inputs, divided by the total
/// sample weight so its size does not grow with the data:
///
///     f(θ) = Σᵢ ŝᵢ · logloss(yᵢ, xᵢ·wₛ + bₛ)  +  ½ Σⱼ ridgeⱼ · wⱼ²      (ŝᵢ = sᵢ / Σ s)
///
/// `ridge` already carries the change of variables from raw to standardized coefficients
/// (see `LogisticRegression.penaltyWeights`), so the optimum is sklearn's on raw inputs.
///
/// Parameters `θ` hold one block of `columns + 1` numbers per score (weights, then the
/// intercept): one score for two classes (sklearn's binary form), one per class otherwise
/// (sklearn's symmetric multinomial form).
struct LogisticObjective {
    /// Standardized inputs, column-major.
    let x: [Double]
    let rows: Int
    let columns: Int
    /// Class per row in `0..<classCount`.
    let labels: [Int]
    /// Sample weights scaled to sum to 1.
    let weights: [Double]
    let classCount: Int
    /// Per-column L2 strength in standardized coordinates; the intercept is never penalised.
    let ridge: [Double]
    /// Set for wide problems (see `LogisticRegression.needsWideSolver`): the raw inputs read in
    /// blocks of columns, and `x` is empty. Only first-order solvers use it (no Hessian).
    var wide: LinearModelsSupport.WideInputs? = nil

    /// Rows per unit of parallel work. Fixed, so the order of floating-point sums (and hence the
    /// fitted model) does not depend on the number of cores.
    static let chunkRows = 8192

    var scoreCount: Int { classCount == 2 ? 1 : classCount }
    var parameterCount: Int { scoreCount * (columns + 1) }

    /// The objective at `theta`; its gradient is written to `gradient`.
    func value(_ theta: [Double], gradient: inout [Double]) -> Double {
        if let wide { return wideValue(wide, theta, gradient: &gradient) }
        let chunkCount = (rows + Self.chunkRows - 1) / Self.chunkRows
        let parts: [(Double, [Double])] = x.withUnsafeBufferPointer { x in
            theta.withUnsafeBufferPointer { theta in
                Parallel.map(chunkCount) { chunk in
                    let start = chunk * Self.chunkRows, end = min(rows, start + Self.chunkRows)
                    return scoreCount == 1
                        ? binaryChunk(start, end, theta, x)
                        : multinomialChunk(start, end, theta, x)
                }
            }
        }
        var total = 0.0
        for i in 0..<gradient.count { gradient[i] = 0 }
        for (loss, partial) in parts {
            total += loss
            for i in 0..<gradient.count { gradient[i] += partial[i] }
        }
        addRidge(theta, to: &total, gradient: &gradient)
        return total
    }

    /// Adds the L2 penalty to the objective's value and gradient.
    func addRidge(_ theta: [Double], to total: inout Double, gradient: inout [Double]) {
        for s in 0..<scoreCount {
            for j in 0..<columns where ridge[j] != 0 {
                let w = theta[s * (columns + 1) + j]
                total += 0.5 * ridge[j] * w * w
                gradient[s * (columns + 1) + j] += ridge[j] * w
            }
        }
    }

    /// Adds `weight · column` to `scores` over the chunk's rows.
    @inline(__always)
    func accumulate(_ scores: UnsafeMutablePointer<Double>, _ column: UnsafePointer<Double>, _ weight: Double, _ count: Int) {
        for i in 0..<count { scores[i] += weight * column[i] }
    }

    @inline(__always)
    func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        LinearModelsSupport.dot(a, b, count)
    }

    /// Loss and gradient of one chunk for two classes: the score is the log-odds of class 1.
    private func binaryChunk(_ start: Int, _ end: Int, _ theta: UnsafeBufferPointer<Double>,
                             _ x: UnsafeBufferPointer<Double>) -> (Double, [Double]) {
        let count = end - start, p = columns
        var gradient = [Double](repeating: 0, count: p + 1)
        var loss = 0.0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(count, 1)) { buffer in
            let z = buffer.baseAddress!
            z.initialize(repeating: theta[p], count: count)
            for j in 0..<p where theta[j] != 0 {
                accumulate(z, x.baseAddress! + j * rows + start, theta[j], count)
            }
            loss = binaryResiduals(z, start: start, count: count)
            var interceptGradient = 0.0
            for i in 0..<count { interceptGradient += z[i] }
            gradient[p] = interceptGradient
            for j in 0..<p { gradient[j] = dot(z, x.baseAddress! + j * rows + start, count) }
        }
        return (loss, gradient)
    }

    /// Loss and gradient of one chunk for three or more classes (softmax over class scores).
    private func multinomialChunk(_ start: Int, _ end: Int, _ theta: UnsafeBufferPointer<Double>,
                                  _ x: UnsafeBufferPointer<Double>) -> (Double, [Double]) {
        let count = end - start, p = columns, k = classCount, stride = p + 1
        var gradient = [Double](repeating: 0, count: k * stride)
        var loss = 0.0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(count * k, 1)) { buffer in
            let z = buffer.baseAddress!
            for c in 0..<k {
                let scores = z + c * count
                scores.initialize(repeating: theta[c * stride + p], count: count)
                for j in 0..<p where theta[c * stride + j] != 0 {
                    accumulate(scores, x.baseAddress! + j * rows + start, theta[c * stride + j], count)
                }
            }
            loss = softmaxResiduals(z, start: start, count: count)
            for c in 0..<k {
                let residuals = z + c * count
                var interceptGradient = 0.0
                for i in 0..<count { interceptGradient += residuals[i] }
                gradient[c * stride + p] = interceptGradient
                for j in 0..<p { gradient[c * stride + j] = dot(residuals, x.baseAddress! + j * rows + start, count) }
            }
        }
        return (loss, gradient)
    }

    /// One row's log loss `softplus(s) − y·s` and probability of class 1 from its score, written
    /// without overflow for any score; shared by Newton and the wide (L-BFGS) path so both
    /// minimise the very same sums.
    @inline(__always)
    static func binaryTerms(_ score: Double, isPositive: Bool) -> (loss: Double, probability: Double) {
        let e = exp(-abs(score))
        let loss = max(score, 0) + log1p(e) - (isPositive ? score : 0)
        return (loss, score >= 0 ? 1 / (1 + e) : e / (1 + e))
    }

    /// Replaces scores (log-odds of class 1) by weighted residuals `ŝᵢ (pᵢ − yᵢ)` and returns the
    /// chunk's weighted log loss.
    func binaryResiduals(_ z: UnsafeMutablePointer<Double>, start: Int, count: Int) -> Double {
        var loss = 0.0
        labels.withUnsafeBufferPointer { labels in
            weights.withUnsafeBufferPointer { weights in
                for i in 0..<count {
                    let weight = weights[start + i]
                    let isPositive = labels[start + i] == 1
                    let (rowLoss, probability) = Self.binaryTerms(z[i], isPositive: isPositive)
                    loss += weight * rowLoss
                    z[i] = weight * (probability - (isPositive ? 1 : 0))
                }
            }
        }
        return loss
    }

    /// Replaces class scores (class-major, `count` per class) by weighted residuals
    /// `ŝᵢ (pᵢₖ − [yᵢ = k])` and returns the chunk's weighted log loss.
    func softmaxResiduals(_ z: UnsafeMutablePointer<Double>, start: Int, count: Int) -> Double {
        let k = classCount
        var loss = 0.0
        labels.withUnsafeBufferPointer { labels in
            weights.withUnsafeBufferPointer { weights in
                for i in 0..<count {
                    var largest = -Double.infinity
                    for c in 0..<k { largest = max(largest, z[c * count + i]) }
                    let label = labels[start + i], weight = weights[start + i]
                    // From the score itself, not its exponential, which may underflow to 0.
                    let labelScore = z[label * count + i] - largest
                    var sum = 0.0
                    for c in 0..<k {
                        let e = exp(z[c * count + i] - largest)
                        z[c * count + i] = e
                        sum += e
                    }
                    loss += weight * (log(sum) - labelScore)
                    let inverse = 1 / sum
                    for c in 0..<k { z[c * count + i] = weight * (z[c * count + i] * inverse - (c == label ? 1 : 0)) }
                }
            }
        }
        return loss
    }
}

/// The standardized training inputs one row after another, each row ending with a constant 1
/// for the intercept (liblinear's bias feature with `intercept_scaling` 1), because the solvers
/// touch one whole row per step. Stored as Float: the passes over the rows are bound by memory
/// traffic, and half the bytes make them about twice as fast; every sum is still in Double.
struct SupportVectorRows: Sendable {
    let rows: Int
    /// Inputs per row including the trailing 1.
    let width: Int
    let values: [Float]

    init(_ x: FeatureMatrix, scaling: LinearModelsSupport.ColumnScaling) {
        rows = x.rows
        width = x.columns + 1
        values = scaling.rowMajorFloats(x, width: width, padding: 1)
    }
}

/// Dual coordinate descent for the L2-regularised linear SVM (Hsieh et al. 2008, liblinear's
/// `solve_l2r_l1l2_svc`, with its shrinking), minimising
///
///     ½‖w‖² + ½b² + Σᵢ Cᵢ · loss(yᵢ (w·xᵢ + b))
///
/// with loss max(0, 1 − m) (hinge) or max(0, 1 − m)² (squared hinge) and Cᵢ = C · sample weight.
/// The intercept is penalised like a weight, exactly as in liblinear and so sklearn's LinearSVC.
struct SupportVectorSolver {
    enum Loss: String, Codable, Sendable { case hinge, squaredHinge = "squared_hinge" }

    let loss: Loss
    let maxIterations: Int
    let tolerance: Double

    struct Outcome: Sendable {
        /// `width` values: the weights of the standardized inputs, then the intercept.
        let weights: [Double]
        let iterations: Int
        let converged: Bool
    }

    /// Solves on the rows in `members`; `signs[row]` is +1 or −1 and `costs[row]` is Cᵢ (rows
    /// with cost 0 are left out, they cannot change the solution).
    func solve(_ data: SupportVectorRows, members: [Int], signs: [Double], costs: [Double],
               seed: UInt64) throws(ModelError) -> Outcome {
        let active = members.filter { costs[$0] > 0 }
        var weights = [Double](repeating: 0, count: data.width)
        guard !active.isEmpty else { return Outcome(weights: weights, iterations: 0, converged: true) }
        var state = State(active: active, data: data, costs: costs, loss: loss)
        var generator = SeededGenerator(seed: seed)
        var iterations = 0, converged = false
        try data.values.withUnsafeBufferPointer { (values) throws(ModelError) in
            try weights.withUnsafeMutableBufferPointer { (w) throws(ModelError) in
                while iterations < maxIterations {
                    try ModelError.throwIfCancelled()
                    iterations += 1
                    if state.pass(values, width: data.width, signs: signs, w: w, generator: &generator, tolerance: tolerance) {
                        converged = true
                        break
                    }
                }
            }
        }
        return Outcome(weights: weights, iterations: iterations, converged: converged)
    }

    /// Everything a pass updates: dual variables, the shrinking bounds and the active rows.
    private struct State {
        var order: [Int]
        var alpha: [Double]
        var diagonal: [Double]
        var upper: [Double]
        var curvature: [Double]
        var activeSize: Int
        var projectedMaxOld = Double.infinity
        var projectedMinOld = -Double.infinity

        init(active: [Int], data: SupportVectorRows, costs: [Double], loss: Loss) {
            let diagonal = active.map { loss == .squaredHinge ? 0.5 / costs[$0] : 0 }
            var curvature = diagonal
            data.values.withUnsafeBufferPointer { values in
                for (k, row) in active.enumerated() {
                    let x = values.baseAddress! + row * data.width
                    curvature[k] += SupportVectorSolver.squaredNorm(x, data.width)
                }
            }
            self.diagonal = diagonal
            self.curvature = curvature
            upper = active.map { loss == .squaredHinge ? .infinity : costs[$0] }
            alpha = [Double](repeating: 0, count: active.count)
            order = Array(0..<active.count)
            rowOf = active
            activeSize = active.count
        }

        /// The data row of each dual variable; `order` permutes dual variables, not rows.
        let rowOf: [Int]

        /// One shuffled pass over the active rows; true when the projected-gradient spread is
        /// within the tolerance on all rows (liblinear's stopping rule).
        mutating func pass(_ values: UnsafeBufferPointer<Float>, width: Int, signs: [Double],
                           w: UnsafeMutableBufferPointer<Double>, generator: inout SeededGenerator,
                           tolerance: Double) -> Bool {
            for i in 0..<activeSize {
                order.swapAt(i, i + generator.nextInt(below: activeSize - i))
            }
            var projectedMax = -Double.infinity, projectedMin = Double.infinity
            var s = 0
            let weights = w.baseAddress!
            while s < activeSize {
                let k = order[s], row = rowOf[k], y = signs[row]
                let x = values.baseAddress! + row * width
                let gradient = y * SupportVectorSolver.dot(weights, x, width) - 1 + alpha[k] * diagonal[k]
                var projected = 0.0
                if alpha[k] == 0 {
                    if gradient > projectedMaxOld { shrink(at: s); continue }
                    if gradient < 0 { projected = gradient }
                } else if alpha[k] == upper[k] {
                    if gradient < projectedMinOld { shrink(at: s); continue }
                    if gradient > 0 { projected = gradient }
                } else {
                    projected = gradient
                }
                projectedMax = max(projectedMax, projected)
                projectedMin = min(projectedMin, projected)
                if abs(projected) > 1e-12 {
                    let old = alpha[k]
                    alpha[k] = min(max(old - gradient / curvature[k], 0), upper[k])
                    SupportVectorSolver.addScaled(weights, x, (alpha[k] - old) * y, width)
                }
                s += 1
            }
            if projectedMax - projectedMin <= tolerance {
                if activeSize == order.count { return true }
                activeSize = order.count
                projectedMaxOld = .infinity
                projectedMinOld = -.infinity
                return false
            }
            projectedMaxOld = projectedMax <= 0 ? .infinity : projectedMax
            projectedMinOld = projectedMin >= 0 ? -.infinity : projectedMin
            return false
        }

        /// Moves a row whose variable sits at a bound with no pull away from it out of the
        /// active set until the next full check.
        private mutating func shrink(at s: Int) {
            activeSize -= 1
            order.swapAt(s, activeSize)
        }
    }

    /// w·x with four partial sums so the additions do not wait on each other.
    @inline(__always)
    static func dot(_ w: UnsafePointer<Double>, _ x: UnsafePointer<Float>, _ count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += w[i] * Double(x[i])
            s1 += w[i + 1] * Double(x[i + 1])
            s2 += w[i + 2] * Double(x[i + 2])
            s3 += w[i + 3] * Double(x[i + 3])
            i += 4
        }
        while i < count { s0 += w[i] * Double(x[i]); i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    @inline(__always)
    static func dot(_ w: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Float>, _ count: Int) -> Double {
        dot(UnsafePointer(w), x, count)
    }

    @inline(__always)
    static func squaredNorm(_ x: UnsafePointer<Float>, _ count: Int) -> Double {
        var sum = 0.0
        for i in 0..<count { sum += Double(x[i]) * Double(x[i]) }
        return sum
    }

    @inline(__always)
    static func addScaled(_ target: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Float>, _ factor: Double, _ count: Int) {
        for i in 0..<count { target[i] += factor * Double(x[i]) }
    }

    /// The primal objective at `weights` on the given rows, for tests and notes.
    static func objective(_ data: SupportVectorRows, weights: [Double], members: [Int], signs: [Double],
                          costs: [Double], loss: Loss) -> Double {
        var total = 0.5 * weights.reduce(0) { $0 + $1 * $1 }
        data.values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { w in
                for row in members where costs[row] > 0 {
                    let margin = signs[row] * dot(w.baseAddress!, values.baseAddress! + row * data.width, data.width)
                    let slack = max(0, 1 - margin)
                    total += costs[row] * (loss == .hinge ? slack : slack * slack)
                }
            }
        }
        return total
    }
}

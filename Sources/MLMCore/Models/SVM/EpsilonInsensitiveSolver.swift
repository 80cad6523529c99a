import CMemoryHints

/// Dual coordinate descent for L1-loss support vector regression (Ho and Lin 2012, liblinear's
/// `solve_l2r_l1l2_svr` with its shrinking, which sklearn's `LinearSVR(loss="epsilon_insensitive")`
/// runs), minimising
///
///     ½‖w‖² + ½b² + Σᵢ Cᵢ · max(0, |yᵢ − (w·xᵢ + b)| − ε)
///
/// The intercept is penalised like a weight, as in liblinear. The dual has one variable βᵢ in
/// [−Cᵢ, Cᵢ] per row with w = Σ βᵢ xᵢ; each step minimises the dual exactly in one βᵢ.
struct EpsilonInsensitiveSolver {
    let epsilon: Double
    let maxIterations: Int
    /// Stop when the summed violation of the optimality conditions over a pass is this share of
    /// the first pass's (liblinear's rule for this solver).
    let tolerance: Double

    /// Solves on every row with cost above 0; `costs[row]` is Cᵢ.
    func solve(_ data: SupportVectorRows, targets: [Double], costs: [Double], seed: UInt64) throws(ModelError) -> SupportVectorSolver.Outcome {
        let active = (0..<data.rows).filter { costs[$0] > 0 }
        var weights = [Double](repeating: 0, count: data.width)
        guard !active.isEmpty else { return SupportVectorSolver.Outcome(weights: weights, iterations: 0, converged: true) }
        var state = State(active: active, data: data, costs: costs)
        var generator = SeededGenerator(seed: seed)
        var iterations = 0, converged = false
        try data.values.withUnsafeBufferPointer { (values) throws(ModelError) in
            try weights.withUnsafeMutableBufferPointer { (w) throws(ModelError) in
                while iterations < maxIterations {
                    try ModelError.throwIfCancelled()
                    iterations += 1
                    if state.pass(values, width: data.width, targets: targets, epsilon: epsilon, w: w,
                                  generator: &generator, tolerance: tolerance) {
                        converged = true
                        break
                    }
                }
            }
        }
        return SupportVectorSolver.Outcome(weights: weights, iterations: iterations, converged: converged)
    }

    /// Dual variables, the shrinking bound and the active rows.
    private struct State {
        var order: [Int]
        var beta: [Double]
        let upper: [Double]
        let curvature: [Double]
        let rowOf: [Int]
        var activeSize: Int
        var largestViolationOld = Double.infinity
        var firstViolationSum = -1.0

        init(active: [Int], data: SupportVectorRows, costs: [Double]) {
            var curvature = [Double](repeating: 0, count: active.count)
            data.values.withUnsafeBufferPointer { values in
                for (k, row) in active.enumerated() {
                    curvature[k] = SupportVectorSolver.squaredNorm(values.baseAddress! + row * data.width, data.width)
                }
            }
            self.curvature = curvature
            upper = active.map { costs[$0] }
            beta = [Double](repeating: 0, count: active.count)
            order = Array(0..<active.count)
            rowOf = active
            activeSize = active.count
        }

        /// One shuffled pass; true when converged on all rows.
        mutating func pass(_ values: UnsafeBufferPointer<Float>, width: Int, targets: [Double], epsilon: Double,
                           w: UnsafeMutableBufferPointer<Double>, generator: inout SeededGenerator,
                           tolerance: Double) -> Bool {
            for i in 0..<activeSize {
                order.swapAt(i, i + generator.nextInt(below: activeSize - i))
            }
            var largestViolation = 0.0, violationSum = 0.0
            var s = 0
            let weights = w.baseAddress!
            while s < activeSize {
                if s + Self.prefetchDistance < activeSize {
                    Self.prefetch(values.baseAddress! + rowOf[order[s + Self.prefetchDistance]] * width, width)
                }
                let k = order[s], x = values.baseAddress! + rowOf[k] * width
                let gradient = SupportVectorSolver.dot(weights, x, width) - targets[rowOf[k]]
                guard let violation = violation(k, gradientPlus: gradient + epsilon, gradientMinus: gradient - epsilon) else {
                    activeSize -= 1
                    order.swapAt(s, activeSize)
                    continue
                }
                largestViolation = max(largestViolation, violation)
                violationSum += violation
                step(k, gradientPlus: gradient + epsilon, gradientMinus: gradient - epsilon, x: x, weights: weights, width: width)
                s += 1
            }
            if firstViolationSum < 0 { firstViolationSum = violationSum }
            if violationSum <= tolerance * firstViolationSum {
                if activeSize == order.count { return true }
                activeSize = order.count
                largestViolationOld = .infinity
                return false
            }
            largestViolationOld = largestViolation
            return false
        }

        /// Rows are visited in shuffled order, so each one is a cache miss the processor cannot
        /// foresee; loading the row a few steps ahead hides most of the wait (a hint only: the
        /// results do not change).
        static let prefetchDistance = 6

        @inline(__always)
        static func prefetch(_ row: UnsafePointer<Float>, _ width: Int) {
            var offset = 0
            while offset < width { mlm_prefetch(row + offset); offset += 16 }
            mlm_prefetch(row + width - 1)
        }

        /// How far βₖ is from optimal in its own coordinate, or nil when it sits at a bound
        /// (or at 0) with a pull firmly into it: shrunk until the next full check.
        private func violation(_ k: Int, gradientPlus: Double, gradientMinus: Double) -> Double? {
            let b = beta[k], bound = upper[k], old = largestViolationOld
            if b == 0 {
                if gradientPlus < 0 { return -gradientPlus }
                if gradientMinus > 0 { return gradientMinus }
                return gradientPlus > old && gradientMinus < -old ? nil : 0
            }
            if b >= bound { return gradientPlus > 0 ? gradientPlus : (gradientPlus < -old ? nil : 0) }
            if b <= -bound { return gradientMinus < 0 ? -gradientMinus : (gradientMinus > old ? nil : 0) }
            return b > 0 ? abs(gradientPlus) : abs(gradientMinus)
        }

        /// The exact minimiser of the dual in βₖ (its |β|·ε term makes it piecewise), clipped to
        /// [−Cₖ, Cₖ], and w moved along with it.
        private mutating func step(_ k: Int, gradientPlus: Double, gradientMinus: Double,
                                   x: UnsafePointer<Float>, weights: UnsafeMutablePointer<Double>, width: Int) {
            let h = curvature[k], b = beta[k]
            guard h > 0 else { return }
            let d: Double
            if gradientPlus < h * b { d = -gradientPlus / h } else if gradientMinus > h * b { d = -gradientMinus / h } else { d = -b }
            guard abs(d) >= 1e-12 else { return }
            beta[k] = min(max(b + d, -upper[k]), upper[k])
            let change = beta[k] - b
            if change != 0 { SupportVectorSolver.addScaled(weights, x, change, width) }
        }
    }
}

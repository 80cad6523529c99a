/// Iterative solvers, nested so their names cannot clash with other algorithms' helpers.
extension LinearModelsSupport {
    /// How an iterative fit ended, in the terms the training notes report.
    struct OptimizationOutcome {
        var parameters: [Double]
        var iterations: Int
        var converged: Bool
        /// Relative change of the objective in the last iteration.
        var lastChange: Double
        /// Largest gradient component (or proximal-gradient step, for L1) at the end.
        var gradientSize: Double
    }

    /// A smooth objective: returns f(θ) and writes ∇f(θ) into the second argument.
    typealias SmoothObjective = ([Double], inout [Double]) -> Double

    /// Limited-memory BFGS with a backtracking (Armijo) line search. On a convex objective every
    /// accepted step has sᵀy ≥ 0, so the curvature pairs stay valid without a full Wolfe search.
    ///
    /// Stops, as sklearn's lbfgs does, when the largest gradient component is at most `tolerance`
    /// or when the objective's relative decrease falls below 64 machine epsilons (nothing left to
    /// gain in double precision).
    struct LBFGS {
        var memory = 10
        var maxIterations: Int
        var tolerance: Double
        /// An estimate of the Hessian's diagonal, used as the starting inverse-Hessian guess
        /// (diagonal preconditioning); nil means the identity.
        var curvatureScale: [Double]? = nil

        func minimize(from start: [Double], _ objective: SmoothObjective) -> OptimizationOutcome {
            var x = start
            var gradient = [Double](repeating: 0, count: x.count)
            var value = objective(x, &gradient)
            var outcome = OptimizationOutcome(parameters: x, iterations: 0, converged: false,
                                              lastChange: .infinity, gradientSize: maxMagnitude(gradient))
            if outcome.gradientSize <= tolerance || x.isEmpty {
                outcome.converged = true
                return outcome
            }
            var history = CurvatureHistory(capacity: memory, diagonal: curvatureScale)
            var trial = x, trialGradient = gradient
            while outcome.iterations < maxIterations && !Cancellation.isRequested {
                outcome.iterations += 1
                var direction = history.direction(for: gradient)
                var slope = dotProduct(direction, gradient)
                if !(slope < 0) {
                    history.clear()
                    direction = gradient.map { -$0 }
                    slope = dotProduct(direction, gradient)
                }
                var step = history.isEmpty && curvatureScale == nil ? min(1, 1 / outcome.gradientSize) : 1
                var trialValue = Double.infinity
                var accepted = false
                for _ in 0..<60 {
                    for i in 0..<x.count { trial[i] = x[i] + step * direction[i] }
                    trialValue = objective(trial, &trialGradient)
                    if trialValue <= value + 1e-4 * step * slope { accepted = true; break }
                    step = backtrackedStep(step, value: value, slope: slope, trialValue: trialValue)
                }
                guard accepted else { break }
                history.record(step: zip(trial, x).map { $0 - $1 }, gradientChange: zip(trialGradient, gradient).map { $0 - $1 })
                outcome.lastChange = (value - trialValue) / max(abs(value), abs(trialValue), 1e-300)
                swap(&x, &trial)
                swap(&gradient, &trialGradient)
                value = trialValue
                outcome.gradientSize = maxMagnitude(gradient)
                if outcome.gradientSize <= tolerance || outcome.lastChange <= 64 * Double.ulpOfOne {
                    outcome.converged = true
                    break
                }
            }
            outcome.parameters = x
            return outcome
        }

        /// The minimiser of the quadratic through f(0), f'(0) and f(step), kept within
        /// [0.1, 0.5] of the step so a wild fit cannot stall or overshoot.
        private func backtrackedStep(_ step: Double, value: Double, slope: Double, trialValue: Double) -> Double {
            let curvature = trialValue - value - slope * step
            guard curvature > 0, trialValue.isFinite else { return step * 0.25 }
            let fitted = -slope * step * step / (2 * curvature)
            return min(max(fitted, 0.1 * step), 0.5 * step)
        }
    }

    /// The last few (step, gradient change) pairs and the two-loop recursion over them.
    struct CurvatureHistory {
        let capacity: Int
        private var steps: [[Double]] = []
        private var changes: [[Double]] = []
        private var inverseCurvatures: [Double] = []

        /// Inverse of the diagonal Hessian estimate, if any.
        private let inverseDiagonal: [Double]?

        init(capacity: Int, diagonal: [Double]?) {
            self.capacity = capacity
            inverseDiagonal = diagonal?.map { 1 / $0 }
        }

        var isEmpty: Bool { steps.isEmpty }

        mutating func clear() {
            steps.removeAll()
            changes.removeAll()
            inverseCurvatures.removeAll()
        }

        mutating func record(step: [Double], gradientChange: [Double]) {
            let curvature = dotProduct(step, gradientChange)
            // Skip pairs whose curvature is lost in rounding; they would corrupt the inverse Hessian.
            guard curvature > 1e-12 * dotProduct(gradientChange, gradientChange).squareRoot() * dotProduct(step, step).squareRoot(),
                  curvature > 0 else { return }
            if steps.count == capacity {
                steps.removeFirst()
                changes.removeFirst()
                inverseCurvatures.removeFirst()
            }
            steps.append(step)
            changes.append(gradientChange)
            inverseCurvatures.append(1 / curvature)
        }

        /// −H·g with the L-BFGS inverse-Hessian estimate H.
        func direction(for gradient: [Double]) -> [Double] {
            var q = gradient
            var alphas = [Double](repeating: 0, count: steps.count)
            for k in stride(from: steps.count - 1, through: 0, by: -1) {
                alphas[k] = inverseCurvatures[k] * dotProduct(steps[k], q)
                addScaled(&q, changes[k], -alphas[k])
            }
            if let inverseDiagonal {
                // H₀ = γ·D⁻¹ with γ chosen so H₀ matches the latest curvature pair.
                var gamma = 1.0
                if let lastStep = steps.last, let lastChange = changes.last {
                    var weighted = 0.0
                    for i in 0..<lastChange.count { weighted += lastChange[i] * lastChange[i] * inverseDiagonal[i] }
                    gamma = dotProduct(lastStep, lastChange) / weighted
                }
                for i in 0..<q.count { q[i] *= gamma * inverseDiagonal[i] }
            } else if let lastStep = steps.last, let lastChange = changes.last {
                let scale = dotProduct(lastStep, lastChange) / dotProduct(lastChange, lastChange)
                for i in 0..<q.count { q[i] *= scale }
            }
            for k in 0..<steps.count {
                let beta = inverseCurvatures[k] * dotProduct(changes[k], q)
                addScaled(&q, steps[k], alphas[k] - beta)
            }
            for i in 0..<q.count { q[i] = -q[i] }
            return q
        }
    }

    static func dotProduct(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<a.count { sum += a[i] * b[i] }
        return sum
    }

    static func addScaled(_ target: inout [Double], _ source: [Double], _ factor: Double) {
        for i in 0..<target.count { target[i] += factor * source[i] }
    }

    static func maxMagnitude(_ values: [Double]) -> Double {
        values.reduce(0) { max($0, abs($1)) }
    }
}

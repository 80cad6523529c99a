extension LinearModelsSupport {
    /// FISTA (accelerated proximal gradient) for a smooth objective plus a weighted L1 term
    /// `Σ l1ᵢ |θᵢ|`, with a backtracking estimate of the gradient's Lipschitz constant and a
    /// momentum restart whenever the objective rises (O'Donoghue & Candès), which keeps it fast
    /// near the optimum where the problem is strongly convex.
    ///
    /// Stops when the proximal-gradient step, scaled back to gradient units, is at most
    /// `tolerance` in every coordinate (the L1 counterpart of "gradient below tolerance"), or
    /// when the objective has stopped changing in double precision.
    struct ProximalGradient {
        var maxIterations: Int
        var tolerance: Double

        func minimize(from start: [Double], l1: [Double], _ objective: SmoothObjective) -> OptimizationOutcome {
            let n = start.count
            var x = start, anchor = start
            var gradient = [Double](repeating: 0, count: n)
            var anchorValue = objective(anchor, &gradient)
            var candidate = x, candidateGradient = gradient
            var lipschitz = 1e-3, momentum = 1.0, stalledIterations = 0
            var total = anchorValue + penalty(x, l1)
            var outcome = OptimizationOutcome(parameters: x, iterations: 0, converged: n == 0,
                                              lastChange: .infinity, gradientSize: .infinity)
            while !outcome.converged && outcome.iterations < maxIterations && !Cancellation.isRequested {
                outcome.iterations += 1
                var candidateValue = 0.0, stepSize = 0.0
                // Backtracking: grow L until the quadratic model bounds the objective.
                for _ in 0..<80 {
                    stepSize = 0
                    var linear = 0.0, squared = 0.0
                    for i in 0..<n {
                        candidate[i] = shrink(anchor[i] - gradient[i] / lipschitz, l1[i] / lipschitz)
                        let d = candidate[i] - anchor[i]
                        linear += gradient[i] * d
                        squared += d * d
                        stepSize = max(stepSize, abs(d))
                    }
                    candidateValue = objective(candidate, &candidateGradient)
                    if candidateValue <= anchorValue + linear + 0.5 * lipschitz * squared + 1e-15 * abs(anchorValue) { break }
                    lipschitz *= 2
                }
                let candidateTotal = candidateValue + penalty(candidate, l1)
                outcome.gradientSize = stepSize * lipschitz
                outcome.lastChange = abs(total - candidateTotal) / max(abs(total), 1e-300)
                // Ten iterations without a change double precision can see also end the search:
                // the optimum is reached as closely as it can be computed.
                stalledIterations = outcome.lastChange <= 64 * Double.ulpOfOne ? stalledIterations + 1 : 0
                if outcome.gradientSize <= tolerance || stalledIterations >= 10 { outcome.converged = true }
                if candidateTotal > total && momentum > 1 {
                    // Momentum overshot: restart from the best point with a plain step.
                    momentum = 1
                    anchor = x
                    anchorValue = objective(anchor, &gradient)
                    continue
                }
                let nextMomentum = (1 + (1 + 4 * momentum * momentum).squareRoot()) / 2
                let blend = (momentum - 1) / nextMomentum
                for i in 0..<n { anchor[i] = candidate[i] + blend * (candidate[i] - x[i]) }
                swap(&x, &candidate)
                total = candidateTotal
                momentum = nextMomentum
                anchorValue = blend == 0 ? candidateValue : objective(anchor, &gradient)
                if blend == 0 { gradient = candidateGradient }
            }
            outcome.parameters = x
            return outcome
        }

        private func shrink(_ value: Double, _ threshold: Double) -> Double {
            if value > threshold { return value - threshold }
            if value < -threshold { return value + threshold }
            return 0
        }

        private func penalty(_ x: [Double], _ l1: [Double]) -> Double {
            var sum = 0.0
            for i in 0..<x.count { sum += l1[i] * abs(x[i]) }
            return sum
        }
    }
}

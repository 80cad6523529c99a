import Foundation

/// Platt's sigmoid turning an SVM decision value f into a probability,
/// P(positive | f) = 1 / (1 + exp(a·f + b)), with sklearn's sign convention.
struct PlattSigmoid: Codable, Equatable, Sendable {
    let a: Double
    let b: Double

    @inline(__always)
    func probability(_ score: Double) -> Double {
        let z = a * score + b
        // Two forms so exp never overflows.
        if z >= 0 {
            let e = exp(-z)
            return e / (1 + e)
        }
        return 1 / (1 + exp(z))
    }
}

/// Fits Platt's sigmoid by maximum likelihood on held-out decision values, with Platt's
/// regularised targets (positives (N₊+1)/(N₊+2), negatives 1/(N₋+2), N counted in sample
/// weight) as sklearn's `_sigmoid_calibration`. Solved by Newton's method with a backtracking
/// line search (Lin, Lin and Weng 2007), which reaches the optimum that sklearn's L-BFGS
/// approaches.
enum PlattScaling {
    static func fit(scores: [Double], positive: [Bool], weights: [Double]) -> PlattSigmoid {
        var prior1 = 0.0, prior0 = 0.0
        for i in scores.indices { if positive[i] { prior1 += weights[i] } else { prior0 += weights[i] } }
        let high = (prior1 + 1) / (prior1 + 2), low = 1 / (prior0 + 2)
        let targets = positive.map { $0 ? high : low }
        var a = 0.0, b = log((prior0 + 1) / (prior1 + 1))
        var value = loss(a, b, scores: scores, targets: targets, weights: weights)
        let tolerance = 1e-9 * max(1, prior0 + prior1)
        for _ in 0..<100 {
            let (g1, g2, h11, h22, h21) = derivatives(a, b, scores: scores, targets: targets, weights: weights)
            if abs(g1) < tolerance && abs(g2) < tolerance { break }
            let determinant = h11 * h22 - h21 * h21
            guard determinant > 0 && determinant.isFinite else { break }
            let stepA = -(h22 * g1 - h21 * g2) / determinant
            let stepB = -(-h21 * g1 + h11 * g2) / determinant
            let slope = g1 * stepA + g2 * stepB
            var step = 1.0, accepted = false
            let previous = value
            while step >= 1e-12 {
                let newA = a + step * stepA, newB = b + step * stepB
                let newValue = loss(newA, newB, scores: scores, targets: targets, weights: weights)
                if newValue <= value + 1e-4 * step * slope {
                    (a, b, value, accepted) = (newA, newB, newValue, true)
                    break
                }
                step /= 2
            }
            // No step lowers the loss, or only by rounding: it is at its minimum.
            if !accepted || previous - value <= 1e-14 * abs(previous) { break }
        }
        return PlattSigmoid(a: a, b: b)
    }

    /// Weighted cross-entropy of the soft targets, in the overflow-free form.
    static func loss(_ a: Double, _ b: Double, scores: [Double], targets: [Double], weights: [Double]) -> Double {
        var total = 0.0
        for i in scores.indices where weights[i] > 0 {
            let z = a * scores[i] + b, t = targets[i]
            total += weights[i] * (z >= 0 ? t * z + log1p(exp(-z)) : (t - 1) * z + log1p(exp(z)))
        }
        return total
    }

    /// Gradient and Hessian in (a, b), the Hessian's diagonal nudged by 1e-12 as in Lin et al.
    private static func derivatives(_ a: Double, _ b: Double, scores: [Double], targets: [Double],
                                    weights: [Double]) -> (Double, Double, Double, Double, Double) {
        var g1 = 0.0, g2 = 0.0, h11 = 1e-12, h22 = 1e-12, h21 = 0.0
        let sigmoid = PlattSigmoid(a: a, b: b)
        for i in scores.indices where weights[i] > 0 {
            let f = scores[i], w = weights[i]
            let p = sigmoid.probability(f)
            let curvature = p * (1 - p), residual = targets[i] - p
            h11 += w * f * f * curvature
            h22 += w * curvature
            h21 += w * f * curvature
            g1 += w * f * residual
            g2 += w * residual
        }
        return (g1, g2, h11, h22, h21)
    }
}

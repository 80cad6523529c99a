/// Newton's method for several squared-hinge problems on the same rows at once (the SVMs of the
/// calibration folds, times the classes for one-vs-rest), in lockstep: every pass over the rows
/// loads a row once and serves each problem that uses it. The passes are bound by memory
/// traffic, so five folds cost little more than one. Each pass is split into two halves of the
/// rows on both cores, their sums added in order (the same result on any machine).
///
/// Per problem it is `SquaredHingeNewton`'s method: preconditioned conjugate gradients on the
/// generalized Hessian, a backtracking line search, stop when ‖gradient‖ ≤ tolerance × its start.
struct LockstepNewton {
    let maxIterations: Int
    let tolerance: Double

    /// One problem: per row its target and cost Cᵢ (0 for rows it does not train on). Both
    /// losses are Cᵢ·e² with e the signed amount by which a score misses its allowed zone: for
    /// the squared hinge (targets ±1) the zone is every score past the margin, e = score − y
    /// while y·score < 1; for the squared epsilon-insensitive loss (`tube` set) it is the band
    /// |score − y| ≤ ε, e = score − y ∓ ε outside it. So one Newton method serves both.
    struct Problem: Sendable {
        let targets: [Double]
        let costs: [Double]
        /// ε of the squared epsilon-insensitive loss; nil for the squared hinge.
        let tube: Double?

        init(signs: [Double], costs: [Double]) {
            targets = signs
            self.costs = costs
            tube = nil
        }

        init(targets: [Double], costs: [Double], epsilon: Double) {
            self.targets = targets
            self.costs = costs
            tube = epsilon
        }

        /// e at one row (0 inside the zone). The hinge form −(1 − y·s)·y is kept as it was
        /// written before regression existed, so classification results did not change a bit.
        @inline(__always)
        func excess(_ row: Int, score: Double) -> Double {
            let y = targets[row]
            if let epsilon = tube {
                let residual = score - y
                return residual > epsilon ? residual - epsilon : (residual < -epsilon ? residual + epsilon : 0)
            }
            let slack = 1 - y * score
            return slack > 0 ? -slack * y : 0
        }
    }

    func solve(_ data: SupportVectorRows, problems: [Problem]) throws(ModelError) -> [SupportVectorSolver.Outcome] {
        let passes = LockstepPasses(data: data, problems: problems)
        var w = [[Double]](repeating: [Double](repeating: 0, count: data.width), count: problems.count)
        var scores = [[Double]](repeating: [Double](repeating: 0, count: data.rows), count: problems.count)
        var states = passes.evaluate(w, scores: scores, among: Array(problems.indices))
        let startNorms = states.map { norm($0.gradient) }
        var iterations = [Int](repeating: 0, count: problems.count)
        var done = [Bool](repeating: false, count: problems.count)
        while true {
            for p in problems.indices where !done[p] {
                if norm(states[p].gradient) <= tolerance * startNorms[p] || startNorms[p] == 0 || iterations[p] >= maxIterations { done[p] = true }
            }
            let running = problems.indices.filter { !done[$0] }
            if running.isEmpty { break }
            try ModelError.throwIfCancelled()
            for p in running { iterations[p] += 1 }
            let directions = passes.conjugateGradients(states, among: running, forcing: 0.1)
            let changes = passes.rowProducts(directions)
            for (k, p) in running.enumerated() {
                let slope = zip(states[p].gradient, directions[k]).reduce(0) { $0 + $1.0 * $1.1 }
                if let (newW, newScores) = passes.lineSearch(p, w: w[p], scores: scores[p], direction: directions[k],
                                                             change: changes[k], value: states[p].value, slope: slope) {
                    (w[p], scores[p]) = (newW, newScores)
                } else {
                    done[p] = true
                }
            }
            let moved = running.filter { !done[$0] }
            let updated = passes.evaluate(w, scores: scores, among: moved)
            for (k, p) in moved.enumerated() {
                // Rounding, not the tolerance, limits progress from here.
                if states[p].value - updated[k].value <= 1e-15 * abs(states[p].value) { done[p] = true }
                states[p] = updated[k]
            }
        }
        return problems.indices.map { p in
            SupportVectorSolver.Outcome(weights: w[p], iterations: iterations[p],
                                        converged: norm(states[p].gradient) <= tolerance * startNorms[p] || startNorms[p] == 0)
        }
    }

    private func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}

extension LockstepPasses {
    /// Preconditioned conjugate gradients for H·s = −g of every problem in `among` together:
    /// one Hessian pass per round serves all problems whose residual is still above `forcing`
    /// × ‖g‖. Returns one direction per problem of `among`.
    func conjugateGradients(_ states: [State], among: [Int], forcing: Double) -> [[Double]] {
        let width = data.width
        var s = among.map { _ in [Double](repeating: 0, count: width) }
        var residual = among.map { p in states[p].gradient.map { -$0 } }
        var preconditioned = among.indices.map { k in (0..<width).map { residual[k][$0] / states[among[k]].diagonal[$0] } }
        var direction = preconditioned
        var rho = among.indices.map { k in zip(residual[k], preconditioned[k]).reduce(0) { $0 + $1.0 * $1.1 } }
        let limits = among.map { p in forcing * states[p].gradient.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var running = among.indices.filter { _ in true }
        for _ in 0..<max(50, 2 * width) {
            running = running.filter { residual[$0].reduce(0) { $0 + $1 * $1 }.squareRoot() > limits[$0] }
            if running.isEmpty { break }
            let curvatureByRow = interleave(running.map { states[among[$0]].curvature })
            let products = hessianTimes(running.map { direction[$0] }, curvatureByRow: curvatureByRow)
            for (i, k) in running.enumerated() {
                let curvature = zip(direction[k], products[i]).reduce(0) { $0 + $1.0 * $1.1 }
                guard curvature > 0 else { rho[k] = 0; residual[k] = [Double](repeating: 0, count: width); continue }
                let alpha = rho[k] / curvature
                for j in 0..<width {
                    s[k][j] += alpha * direction[k][j]
                    residual[k][j] -= alpha * products[i][j]
                    preconditioned[k][j] = residual[k][j] / states[among[k]].diagonal[j]
                }
                let next = zip(residual[k], preconditioned[k]).reduce(0) { $0 + $1.0 * $1.1 }
                let beta = next / rho[k]
                rho[k] = next
                for j in 0..<width { direction[k][j] = preconditioned[k][j] + beta * direction[k][j] }
            }
        }
        return s
    }
}

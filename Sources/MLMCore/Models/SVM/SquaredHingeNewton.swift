/// The squared-hinge SVM in the primal, ½‖w‖² + ½b² + Σᵢ Cᵢ max(0, 1 − yᵢ(w·xᵢ + b))², by
/// Newton's method with preconditioned conjugate gradients and a backtracking line search (the
/// primal solver liblinear, and so sklearn's LinearSVC with `dual=False`, uses when rows
/// outnumber inputs).
///
/// Why not only dual coordinate descent: on real marketing tables the one-hot columns of a
/// category sum to the intercept column, the dual is badly conditioned, and coordinate descent
/// (liblinear's too) has not converged after 1000 passes where Newton needs about five steps.
/// The objective is piecewise quadratic, so its generalized Hessian I + 2 Σ_{active} Cᵢ xᵢxᵢᵀ
/// is used through products only, never formed.
struct SquaredHingeNewton {
    let maxIterations: Int
    /// Stop when ‖gradient‖ ≤ tolerance × its value at w = 0.
    let tolerance: Double

    func solve(_ data: SupportVectorRows, members: [Int], signs: [Double], costs: [Double]) throws(ModelError) -> SupportVectorSolver.Outcome {
        let rows = members.filter { costs[$0] > 0 }
        let problem = Problem(data: data, rows: rows, signs: rows.map { signs[$0] }, costs: rows.map { costs[$0] })
        var w = [Double](repeating: 0, count: data.width)
        var scores = [Double](repeating: 0, count: rows.count)
        var state = problem.evaluate(w, scores: scores)
        let startNorm = norm(state.gradient)
        var iterations = 0
        while iterations < maxIterations {
            if norm(state.gradient) <= tolerance * startNorm || startNorm == 0 {
                return SupportVectorSolver.Outcome(weights: w, iterations: iterations, converged: true)
            }
            try ModelError.throwIfCancelled()
            iterations += 1
            let direction = problem.conjugateGradient(state, forcing: 0.1)
            let change = problem.rowProducts(direction)
            let slope = zip(state.gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
            var step = 1.0, accepted = false
            while step > 1e-10 {
                let trialScores = zip(scores, change).map { $0 + step * $1 }
                let trialW = zip(w, direction).map { $0 + step * $1 }
                if problem.value(trialW, scores: trialScores) <= state.value + 1e-4 * step * slope {
                    (w, scores, accepted) = (trialW, trialScores, true)
                    break
                }
                step /= 2
            }
            guard accepted else { break }
            let previous = state.value
            state = problem.evaluate(w, scores: scores)
            // Rounding, not the tolerance, limits progress from here.
            if previous - state.value <= 1e-15 * abs(previous) { break }
        }
        let converged = norm(state.gradient) <= tolerance * startNorm
        return SupportVectorSolver.Outcome(weights: w, iterations: iterations, converged: converged)
    }

    private func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The solver's rows with their labels and costs, and the passes over them.
    struct Problem {
        let data: SupportVectorRows
        let rows: [Int]
        let signs: [Double]
        let costs: [Double]

        struct State {
            let value: Double
            let gradient: [Double]
            /// Positions (into `rows`) of the rows inside the margin, where the loss is curved.
            let active: [Int]
            /// Diagonal of the generalized Hessian, the conjugate-gradient preconditioner.
            let diagonal: [Double]
        }

        func value(_ w: [Double], scores: [Double]) -> Double {
            var total = 0.5 * w.reduce(0) { $0 + $1 * $1 }
            for k in rows.indices {
                let slack = 1 - signs[k] * scores[k]
                if slack > 0 { total += costs[k] * slack * slack }
            }
            return total
        }

        func evaluate(_ w: [Double], scores: [Double]) -> State {
            var gradient = w, diagonal = [Double](repeating: 1, count: w.count), active: [Int] = []
            let width = data.width
            data.values.withUnsafeBufferPointer { values in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    diagonal.withUnsafeMutableBufferPointer { diagonal in
                        let g = gradient.baseAddress!, h = diagonal.baseAddress!
                        for k in rows.indices {
                            let slack = 1 - signs[k] * scores[k]
                            guard slack > 0 else { continue }
                            active.append(k)
                            let x = values.baseAddress! + rows[k] * width
                            let factor = -2 * costs[k] * slack * signs[k], curvature = 2 * costs[k]
                            for j in 0..<width {
                                let v = Double(x[j])
                                g[j] += factor * v
                                h[j] += curvature * v * v
                            }
                        }
                    }
                }
            }
            return State(value: value(w, scores: scores), gradient: gradient, active: active, diagonal: diagonal)
        }

        /// X·v for every row.
        func rowProducts(_ v: [Double]) -> [Double] {
            data.values.withUnsafeBufferPointer { values in
                v.withUnsafeBufferPointer { v in
                    rows.map { SupportVectorSolver.dot(v.baseAddress!, values.baseAddress! + $0 * data.width, data.width) }
                }
            }
        }

        /// (I + 2 Σ_active Cᵢ xᵢxᵢᵀ) v.
        func hessianTimes(_ v: [Double], active: [Int]) -> [Double] {
            var out = v
            data.values.withUnsafeBufferPointer { values in
                v.withUnsafeBufferPointer { v in
                    out.withUnsafeMutableBufferPointer { out in
                        for k in active {
                            let x = values.baseAddress! + rows[k] * data.width
                            let factor = 2 * costs[k] * SupportVectorSolver.dot(v.baseAddress!, x, data.width)
                            SupportVectorSolver.addScaled(out.baseAddress!, x, factor, data.width)
                        }
                    }
                }
            }
            return out
        }

        /// Approximately solves H·s = −g, stopping when the residual is `forcing` × ‖g‖.
        func conjugateGradient(_ state: State, forcing: Double) -> [Double] {
            let count = state.gradient.count
            var s = [Double](repeating: 0, count: count)
            var residual = state.gradient.map { -$0 }
            var preconditioned = (0..<count).map { residual[$0] / state.diagonal[$0] }
            var direction = preconditioned
            var rho = zip(residual, preconditioned).reduce(0) { $0 + $1.0 * $1.1 }
            let limit = forcing * state.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for _ in 0..<max(50, 2 * count) {
                if residual.reduce(0, { $0 + $1 * $1 }).squareRoot() <= limit { break }
                let product = hessianTimes(direction, active: state.active)
                let curvature = zip(direction, product).reduce(0) { $0 + $1.0 * $1.1 }
                guard curvature > 0 else { break }
                let alpha = rho / curvature
                for j in 0..<count {
                    s[j] += alpha * direction[j]
                    residual[j] -= alpha * product[j]
                    preconditioned[j] = residual[j] / state.diagonal[j]
                }
                let next = zip(residual, preconditioned).reduce(0) { $0 + $1.0 * $1.1 }
                let beta = next / rho
                rho = next
                for j in 0..<count { direction[j] = preconditioned[j] + beta * direction[j] }
            }
            return s
        }
    }
}

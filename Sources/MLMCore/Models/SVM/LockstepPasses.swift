/// The passes over the rows behind `LockstepNewton`, each serving several problems per row load.
/// Per-row, per-problem factors are laid out row by row (`[row * problems + k]`) and per-problem
/// vectors end to end, so the hot loops walk contiguous memory.
struct LockstepPasses {
    let data: SupportVectorRows
    let problems: [LockstepNewton.Problem]

    struct State {
        let value: Double
        let gradient: [Double]
        /// Per row: 2Cᵢ where the row misses its zone (the loss is curved there), else 0.
        let curvature: [Double]
        /// Diagonal of the generalized Hessian, the conjugate-gradient preconditioner.
        let diagonal: [Double]
    }

    /// Runs `body` on two halves of the rows on both cores (one range for small tables).
    private func halves<T>(_ body: (Range<Int>) -> T) -> [T] {
        let middle = data.rows / 2
        return data.rows >= 2048 ? Parallel.map(2) { body($0 == 0 ? 0..<middle : middle..<data.rows) } : [body(0..<data.rows)]
    }

    /// Adds the halves' flat vectors in order.
    private func sum(_ parts: [[Double]]) -> [Double] {
        var total = parts[0]
        for part in parts.dropFirst() { for i in total.indices { total[i] += part[i] } }
        return total
    }

    func value(_ p: Int, w: [Double], scores: [Double]) -> Double {
        var total = 0.5 * w.reduce(0) { $0 + $1 * $1 }
        let problem = problems[p], costs = problem.costs
        for row in 0..<data.rows where costs[row] > 0 {
            let excess = problem.excess(row, score: scores[row])
            if excess != 0 { total += costs[row] * excess * excess }
        }
        return total
    }

    /// Objective, gradient, curvature per row and Hessian diagonal of the problems `among`.
    func evaluate(_ w: [[Double]], scores: [[Double]], among: [Int]) -> [State] {
        let width = data.width, count = among.count
        var slopes = [Double](repeating: 0, count: data.rows * count)
        var curvatures = [[Double]](repeating: [Double](repeating: 0, count: data.rows), count: count)
        for (k, p) in among.enumerated() {
            let problem = problems[p], costs = problem.costs, score = scores[p]
            for row in 0..<data.rows where costs[row] > 0 {
                let excess = problem.excess(row, score: score[row])
                guard excess != 0 else { continue }
                slopes[row * count + k] = 2 * costs[row] * excess
                curvatures[k][row] = 2 * costs[row]
            }
        }
        let curvatureByRow = interleave(curvatures)
        let parts: [[Double]] = data.values.withUnsafeBufferPointer { values in
            halves { range in
                var out = [Double](repeating: 0, count: count * 2 * width)
                out.withUnsafeMutableBufferPointer { o in
                    for row in range {
                        let x = values.baseAddress! + row * width
                        for k in 0..<count where curvatureByRow[row * count + k] != 0 {
                            let slope = slopes[row * count + k], curvature = curvatureByRow[row * count + k]
                            let g = o.baseAddress! + k * 2 * width, h = g + width
                            for j in 0..<width {
                                let v = Double(x[j])
                                g[j] += slope * v
                                h[j] += curvature * v * v
                            }
                        }
                    }
                }
                return out
            }
        }
        let totals = sum(parts)
        return among.enumerated().map { k, p in
            let base = k * 2 * width
            return State(value: value(p, w: w[p], scores: scores[p]),
                         gradient: (0..<width).map { w[p][$0] + totals[base + $0] },
                         curvature: curvatures[k], diagonal: (0..<width).map { 1 + totals[base + width + $0] })
        }
    }

    /// Per-problem per-row values laid out row by row.
    func interleave(_ columns: [[Double]]) -> [Double] {
        let count = columns.count
        var out = [Double](repeating: 0, count: data.rows * count)
        for k in 0..<count { for row in 0..<data.rows { out[row * count + k] = columns[k][row] } }
        return out
    }

    /// X·sₖ on every row, one vector per direction.
    func rowProducts(_ directions: [[Double]]) -> [[Double]] {
        let width = data.width, flat = Array(directions.joined()), count = directions.count
        var out = [Double](repeating: 0, count: data.rows * count)
        data.values.withUnsafeBufferPointer { values in
            flat.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { o in
                    let target = SendablePointer(o.baseAddress!)
                    _ = halves { range in
                        for row in range {
                            let x = values.baseAddress! + row * width
                            for k in 0..<count { target.pointer[row * count + k] = SupportVectorSolver.dot(d.baseAddress! + k * width, x, width) }
                        }
                    }
                }
            }
        }
        return (0..<count).map { k in (0..<data.rows).map { out[$0 * count + k] } }
    }

    /// (I + 2 Σ_active Cᵢ xᵢxᵢᵀ) vₖ for each vector, in one pass; `curvatureByRow` is the
    /// interleaved per-row curvature of the vectors' problems.
    func hessianTimes(_ vectors: [[Double]], curvatureByRow: [Double]) -> [[Double]] {
        let width = data.width, count = vectors.count, flat = Array(vectors.joined())
        let parts: [[Double]] = data.values.withUnsafeBufferPointer { values in
            flat.withUnsafeBufferPointer { v in
                halves { range in
                    var out = [Double](repeating: 0, count: count * width)
                    out.withUnsafeMutableBufferPointer { o in
                        for row in range {
                            let x = values.baseAddress! + row * width
                            for k in 0..<count where curvatureByRow[row * count + k] != 0 {
                                let factor = curvatureByRow[row * count + k] * SupportVectorSolver.dot(v.baseAddress! + k * width, x, width)
                                SupportVectorSolver.addScaled(o.baseAddress! + k * width, x, factor, width)
                            }
                        }
                    }
                    return out
                }
            }
        }
        let totals = sum(parts)
        return (0..<count).map { k in (0..<width).map { vectors[k][$0] + totals[k * width + $0] } }
    }

    /// Backtracking (Armijo) along the direction; nil when no step decreases the objective.
    func lineSearch(_ p: Int, w: [Double], scores: [Double], direction: [Double], change: [Double],
                    value: Double, slope: Double) -> ([Double], [Double])? {
        var step = 1.0
        while step > 1e-10 {
            let trialScores = zip(scores, change).map { $0 + step * $1 }
            let trialW = zip(w, direction).map { $0 + step * $1 }
            if self.value(p, w: trialW, scores: trialScores) <= value + 1e-4 * step * slope { return (trialW, trialScores) }
            step /= 2
        }
        return nil
    }
}

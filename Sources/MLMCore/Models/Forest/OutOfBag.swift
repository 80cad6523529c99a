/// The out-of-bag score of a bootstrapped forest: every row is scored by the trees that did not
/// draw it, which is a fair held-out estimate without a separate validation set.
struct OutOfBagScore: Codable, Sendable, Equatable {
    /// Accuracy for classes (sklearn's `oob_score_`), R² for numbers.
    let value: Double
    /// Rows that at least one tree left out (with many trees, practically all).
    let rows: Int
}

enum OutOfBag {
    /// Rows per parallel piece.
    private static let rowsPerPiece = 4096

    /// nil when no row was ever left out (a forest of very few trees on very few rows).
    static func score(_ trees: [TreeNodes], inBag: [[UInt64]], problem: TreeProblem) -> OutOfBagScore? {
        let means = meanOutputs(trees, inBag: inBag, problem: problem)
        return problem.isClassification ? accuracy(means, problem: problem) : rSquared(means, problem: problem)
    }

    /// Each row's mean output over the trees that left it out; NaN where none did.
    private static func meanOutputs(_ trees: [TreeNodes], inBag: [[UInt64]], problem: TreeProblem) -> [Double] {
        let rows = problem.x.rows, outputs = problem.outputs
        let pieces = (rows + rowsPerPiece - 1) / rowsPerPiece
        let parts = problem.x.values.withUnsafeBufferPointer { values in
            Parallel.map(pieces) { piece -> [Double] in
                let range = (piece * rowsPerPiece)..<min(rows, (piece + 1) * rowsPerPiece)
                return meanOutputs(trees, inBag: inBag, x: values.baseAddress!, rows: rows, range: range, outputs: outputs)
            }
        }
        return parts.flatMap { $0 }
    }

    private static func meanOutputs(_ trees: [TreeNodes], inBag: [[UInt64]], x: UnsafePointer<Double>, rows: Int,
                                    range: Range<Int>, outputs: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: range.count * outputs)
        var votes = [Int](repeating: 0, count: range.count)
        sums.withUnsafeMutableBufferPointer { sums in
            votes.withUnsafeMutableBufferPointer { votes in
                for (tree, bits) in zip(trees, inBag) where !bits.isEmpty {
                    bits.withUnsafeBufferPointer { bits in
                        tree.withView { view in
                            for row in range where bits[row >> 6] & (1 << UInt64(row & 63)) == 0 {
                                let start = view.leafStart(row: row, x: x, rows: rows)
                                let at = (row - range.lowerBound) * outputs
                                for k in 0..<outputs { sums[at + k] += view.values[start + k] }
                                votes[row - range.lowerBound] += 1
                            }
                        }
                    }
                }
                for i in 0..<range.count {
                    let count = Double(votes[i])
                    for k in 0..<outputs { sums[i * outputs + k] = votes[i] > 0 ? sums[i * outputs + k] / count : .nan }
                }
            }
        }
        return sums
    }

    /// Share of scored rows whose most probable class (the first on ties) is their class.
    private static func accuracy(_ means: [Double], problem: TreeProblem) -> OutOfBagScore? {
        let outputs = problem.outputs
        var scored = 0, correct = 0
        for row in 0..<problem.x.rows where !means[row * outputs].isNaN {
            var best = 0
            for k in 1..<max(1, outputs) where means[row * outputs + k] > means[row * outputs + best] { best = k }
            scored += 1
            correct += best == Int(problem.labels[row]) ? 1 : 0
        }
        return scored > 0 ? OutOfBagScore(value: Double(correct) / Double(scored), rows: scored) : nil
    }

    /// 1 − Σ(y − ŷ)² / Σ(y − ȳ)² over the scored rows; 1 when their target is constant and
    /// predicted exactly, 0 when constant and not (sklearn's `r2_score` conventions).
    private static func rSquared(_ means: [Double], problem: TreeProblem) -> OutOfBagScore? {
        var scored = 0, sum = 0.0
        for row in 0..<problem.x.rows where !means[row].isNaN {
            scored += 1
            sum += problem.targets[row]
        }
        guard scored > 0 else { return nil }
        let mean = sum / Double(scored)
        var residual = 0.0, spread = 0.0
        for row in 0..<problem.x.rows where !means[row].isNaN {
            let y = problem.targets[row]
            residual += (y - means[row]) * (y - means[row])
            spread += (y - mean) * (y - mean)
        }
        let value = spread > 0 ? 1 - residual / spread : (residual == 0 ? 1 : 0)
        return OutOfBagScore(value: value, rows: scored)
    }
}

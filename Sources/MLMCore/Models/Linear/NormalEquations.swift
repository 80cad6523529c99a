extension LinearModelsSupport {
    /// The weighted, centred least-squares system `Xcᵀ S Xc · w = Xcᵀ S yc` (S = diag of sample
    /// weights, Xc and yc centred on their weighted means), built in one parallel pass.
    struct NormalEquations {
        let columns: Int
        /// Weighted column means and target mean (the intercept is recovered from them).
        let means: [Double]
        let targetMean: Double
        /// Lower triangle of the centred weighted Gram matrix, row-major `columns × columns`.
        let gram: [Double]
        let rightHandSide: [Double]
        /// √(Gram diagonal) per column; 0 marks a constant column, left out of the fit.
        let scales: [Double]

        /// Rows per work unit, fixed for reproducible sums; a chunk's centred columns
        /// (2048 × 30 × 8 bytes ≈ 0.5 MB) stay in a core's L2 cache.
        static let chunkRows = 2048

        init(_ x: FeatureMatrix, y: [Double], weights: [Double]) {
            let n = x.rows, p = x.columns
            let total = weights.reduce(0, +)
            var targetSum = 0.0
            for i in 0..<n { targetSum += weights[i] * y[i] }
            let targetMean = targetSum / total
            let means: [Double] = x.values.withUnsafeBufferPointer { values in
                Parallel.map(p) { j in
                    var sum = 0.0
                    for i in 0..<n { sum += weights[i] * values[j * n + i] }
                    return sum / total
                }
            }
            let chunkCount = (n + Self.chunkRows - 1) / Self.chunkRows
            var sums = [Double](repeating: 0, count: p * p + p)
            Parallel.forEachInOrder(chunkCount, wave: Parallel.resultWave, { chunk in
                let start = chunk * Self.chunkRows
                return Self.chunkSystem(x, y: y, weights: weights, means: means, targetMean: targetMean,
                                        rows: start..<min(n, start + Self.chunkRows))
            }, combine: { part in
                for i in 0..<sums.count { sums[i] += part[i] }
            })
            self.columns = p
            self.means = means
            self.targetMean = targetMean
            self.gram = Array(sums[0..<(p * p)])
            self.rightHandSide = Array(sums[(p * p)...])
            self.scales = (0..<p).map { j in
                let column = x.column(j)
                let isConstant = column.allSatisfy { $0 == column.first }
                return isConstant ? 0 : sums[j * p + j].squareRoot()
            }
        }

        /// One chunk's Gram lower triangle followed by its right-hand side.
        private static func chunkSystem(_ x: FeatureMatrix, y: [Double], weights: [Double], means: [Double],
                                        targetMean: Double, rows: Range<Int>) -> [Double] {
            let n = x.rows, p = x.columns, m = rows.count, first = rows.lowerBound
            var out = [Double](repeating: 0, count: p * p + p)
            // Centred columns, then the centred target, then scratch for one weighted column.
            var buffer = [Double](repeating: 0, count: (p + 2) * m)
            x.values.withUnsafeBufferPointer { values in
                buffer.withUnsafeMutableBufferPointer { buffer in
                    let base = buffer.baseAddress!
                    for j in 0..<p {
                        for i in 0..<m { base[j * m + i] = values[j * n + first + i] - means[j] }
                    }
                    let target = base + p * m, weighted = base + (p + 1) * m
                    for i in 0..<m { target[i] = y[first + i] - targetMean }
                    let column = { (j: Int) in UnsafePointer(base + j * m) }
                    for j in 0..<p {
                        for i in 0..<m { weighted[i] = weights[first + i] * base[j * m + i] }
                        var k = 0
                        while k + 4 <= j + 1 {
                            let sums = LinearModelsSupport.dot4(weighted, column(k), column(k + 1), column(k + 2), column(k + 3), m)
                            for t in 0..<4 { out[j * p + k + t] = sums[t] }
                            k += 4
                        }
                        while k <= j {
                            out[j * p + k] = LinearModelsSupport.dot(weighted, column(k), m)
                            k += 1
                        }
                        out[p * p + j] = LinearModelsSupport.dot(weighted, target, m)
                    }
                }
            }
            return out
        }

        /// Coefficients minimising the weighted squared error plus `alpha · ‖w‖²`, and the
        /// relative ridge added if the system was singular (0 when it was not).
        func solve(alpha: Double) -> (coefficients: [Double], jitter: Double) {
            let active = (0..<columns).filter { scales[$0] > 0 }
            let q = active.count
            var coefficients = [Double](repeating: 0, count: columns)
            guard q > 0 else { return (coefficients, 0) }
            var a = [Double](repeating: 0, count: q * q)
            var b = [Double](repeating: 0, count: q)
            for (r, j) in active.enumerated() {
                for (c, k) in active.enumerated() where k <= j {
                    a[r * q + c] = gram[j * columns + k] / (scales[j] * scales[k])
                    a[c * q + r] = a[r * q + c]
                }
                a[r * q + r] += alpha / (scales[j] * scales[j])
                b[r] = rightHandSide[j] / scales[j]
            }
            guard let (solution, jitter) = LinearModelsSupport.regularisedSolve(a, size: q, b) else {
                return (coefficients, .infinity)
            }
            for (r, j) in active.enumerated() { coefficients[j] = solution[r] / scales[j] }
            return (coefficients, jitter)
        }
    }
}

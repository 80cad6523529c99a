extension LinearModelsSupport {
    /// Training means and standard deviations of each column, so solvers work on columns of
    /// comparable size (a balance in the tens of thousands next to 0/1 dummies would otherwise
    /// make gradient methods crawl). A constant column gets scale 1: centred it is all zeros.
    struct ColumnScaling: Codable, Equatable, Sendable {
        let means: [Double]
        let scales: [Double]

        /// Unweighted column statistics; any scaling gives the same optimum because the penalty
        /// is transformed with it, so the simplest one is used.
        init(_ x: FeatureMatrix) {
            let rows = x.rows
            let stats: [(Double, Double)] = x.values.withUnsafeBufferPointer { values in
                Parallel.map(x.columns) { column in
                    ColumnScaling.meanAndDeviation(UnsafeBufferPointer(rebasing: values[(column * rows)..<((column + 1) * rows)]))
                }
            }
            means = stats.map(\.0)
            scales = stats.map(\.1)
        }

        init(means: [Double], scales: [Double]) {
            self.means = means
            self.scales = scales
        }

        /// Two-pass mean and population standard deviation; a deviation that is zero or lost in
        /// rounding next to the mean counts as a constant column.
        static func meanAndDeviation(_ column: UnsafeBufferPointer<Double>) -> (Double, Double) {
            guard !column.isEmpty else { return (0, 1) }
            let (mean, variance) = meanAndVariance(column)
            let deviation = variance.squareRoot()
            let negligible = deviation <= 1e-12 * max(abs(mean), 1e-300) || deviation == 0
            return (mean, negligible ? 1 : deviation)
        }

        /// Two-pass mean and population variance (numpy's `var`, ddof 0).
        static func meanAndVariance(_ column: UnsafeBufferPointer<Double>) -> (Double, Double) {
            guard !column.isEmpty else { return (0, 0) }
            var sum = 0.0
            for v in column { sum += v }
            let mean = sum / Double(column.count)
            var squares = 0.0
            for v in column { squares += (v - mean) * (v - mean) }
            return (mean, squares / Double(column.count))
        }

        /// The standardized matrix `(x - mean) / scale`, column-major like the input, written
        /// column by column on all cores straight into one buffer.
        func standardized(_ x: FeatureMatrix) -> [Double] {
            let rows = x.rows, count = x.rows * x.columns
            guard count > 0 else { return [] }
            return [Double](unsafeUninitializedCapacity: count) { out, initialized in
                let target = out.baseAddress!
                x.values.withUnsafeBufferPointer { values in
                    _ = Parallel.map(x.columns) { column in
                        let mean = means[column], inverse = 1 / scales[column]
                        let base = column * rows
                        for row in 0..<rows { target[base + row] = (values[base + row] - mean) * inverse }
                    }
                }
                initialized = count
            }
        }
    }
}

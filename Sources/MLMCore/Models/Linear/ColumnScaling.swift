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

        /// One finite mean and one positive scale per input, as training records them.
        func validate(_ check: ModelFileCheck, inputs: Int) throws(ModelError) {
            try check.field("means").count(means.count, inputs, "the model has \(inputs) inputs")
            try check.field("means").finite(means)
            try check.field("scales").count(scales.count, inputs, "the model has \(inputs) inputs")
            try check.field("scales").positive(scales)
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

        /// The standardized matrix as Float, row after row with `width` slots per row (slots past
        /// the inputs hold `padding`, e.g. the SVM's constant 1 for the intercept), written in
        /// blocks of rows on all cores. Models whose passes are bound by memory traffic use it.
        func rowMajorFloats(_ x: FeatureMatrix, width: Int, padding: Float = 0) -> [Float] {
            let rows = x.rows, count = rows * width, blockRows = 4096
            let blocks = (rows + blockRows - 1) / blockRows
            return [Float](unsafeUninitializedCapacity: count) { out, initialized in
                guard let target = out.baseAddress else { initialized = 0; return }
                let shared = SendablePointer(target)
                x.values.withUnsafeBufferPointer { source in
                    _ = Parallel.map(blocks) { block in
                        let range = (block * blockRows)..<min(rows, (block + 1) * blockRows)
                        writeRowMajorFloats(source, rows: rows, columns: x.columns, block: range, width: width,
                                            padding: padding, into: shared.pointer, rowOffset: 0)
                    }
                }
                initialized = count
            }
        }

        /// Rows `block` of a column-major matrix, standardized, written row-major starting at row
        /// `block.lowerBound - rowOffset` of `target`. Shared by training and scoring, so both see
        /// the same Float inputs.
        func writeRowMajorFloats(_ source: UnsafeBufferPointer<Double>, rows: Int, columns: Int, block: Range<Int>,
                                 width: Int, padding: Float = 0, into target: UnsafeMutablePointer<Float>, rowOffset: Int) {
            for column in 0..<columns {
                let mean = means[column], inverse = 1 / scales[column]
                let base = column * rows
                for row in block {
                    target[(row - rowOffset) * width + column] = Float((source[base + row] - mean) * inverse)
                }
            }
            for row in block {
                for slot in columns..<max(columns, width) { target[(row - rowOffset) * width + slot] = padding }
            }
        }
    }
}

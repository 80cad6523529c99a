/// The standardized training inputs as Float, one row after another, so a mini-batch gathers
/// each of its rows with one contiguous copy.
struct NetworkInputs: Sendable {
    let rows: Int
    let columns: Int
    let values: [Float]

    init(_ x: FeatureMatrix, scaling: LinearModelsSupport.ColumnScaling) {
        let rows = x.rows, columns = x.columns
        self.rows = rows
        self.columns = columns
        let blockRows = 4096, count = rows * columns
        let blocks = (rows + blockRows - 1) / blockRows
        values = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            guard let target = out.baseAddress else { initialized = 0; return }
            let shared = UnsafeSendablePointer(pointer: target)
            x.values.withUnsafeBufferPointer { source in
                _ = Parallel.map(blocks) { block in
                    NetworkInputs.standardize(source, rows: rows, columns: columns, block: block * blockRows..<min(rows, (block + 1) * blockRows),
                                              scaling: scaling, into: shared.pointer, rowOffset: 0)
                }
            }
            initialized = count
        }
    }

    /// Rows `block` of a column-major matrix, standardized, written row-major starting at row
    /// `block.lowerBound - rowOffset` of `target`. Shared with prediction, so training and
    /// scoring see the same Float inputs.
    static func standardize(_ source: UnsafeBufferPointer<Double>, rows: Int, columns: Int, block: Range<Int>,
                            scaling: LinearModelsSupport.ColumnScaling, into target: UnsafeMutablePointer<Float>, rowOffset: Int) {
        for column in 0..<columns {
            let mean = scaling.means[column], inverse = 1 / scaling.scales[column]
            let base = column * rows
            for row in block {
                target[(row - rowOffset) * columns + column] = Float((source[base + row] - mean) * inverse)
            }
        }
    }
}

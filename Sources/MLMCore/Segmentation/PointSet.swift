/// The numeric input of a segmentation: `rows × dimensions` doubles stored row by row
/// (`values[row * dimensions + d]`), so the distance from one point to a centre reads one
/// contiguous run of memory. No missing values: callers leave such rows out or fill them first.
public struct PointSet: Sendable, Equatable {
    public let rows: Int
    public let dimensions: Int
    public var values: [Double]

    public init(rows: Int, dimensions: Int, rowMajor values: [Double]) {
        precondition(values.count == rows * dimensions, "point set shape mismatch")
        self.rows = rows
        self.dimensions = dimensions
        self.values = values
    }

    /// Transposes a column-major matrix (`values[column * rows + row]`, as FeatureMatrix holds it).
    public init(rows: Int, dimensions: Int, columnMajor values: [Double]) {
        precondition(values.count == rows * dimensions, "point set shape mismatch")
        var out = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for d in 0..<dimensions {
                    let base = d * rows
                    for row in 0..<rows { target[row * dimensions + d] = source[base + row] }
                }
            }
        }
        self.init(rows: rows, dimensions: dimensions, rowMajor: out)
    }

    /// From one array per feature (each of length `rows`).
    public init(columns: [[Double]]) {
        let rows = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rows }, "feature columns must have equal length")
        self.init(rows: rows, dimensions: columns.count, columnMajor: Array(columns.joined()))
    }

    public func point(_ row: Int) -> ArraySlice<Double> {
        values[(row * dimensions)..<((row + 1) * dimensions)]
    }

    /// The points at the given rows, in that order.
    public func gathering(_ selected: [Int]) -> PointSet {
        var out = [Double](repeating: 0, count: selected.count * dimensions)
        values.withUnsafeBufferPointer { source in
            for (i, row) in selected.enumerated() {
                for d in 0..<dimensions { out[i * dimensions + d] = source[row * dimensions + d] }
            }
        }
        return PointSet(rows: selected.count, dimensions: dimensions, rowMajor: out)
    }
}

/// Squared Euclidean distance between two points of `dimensions` values, four at a time.
@inline(__always)
func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ dimensions: Int) -> Double {
    var wide = SIMD4<Double>.zero
    var d = 0
    while d + 4 <= dimensions {
        let e = UnsafeRawPointer(a + d).loadUnaligned(as: SIMD4<Double>.self)
            - UnsafeRawPointer(b + d).loadUnaligned(as: SIMD4<Double>.self)
        wide += e * e
        d += 4
    }
    var s = wide.sum()
    while d < dimensions {
        let e = a[d] - b[d]
        s += e * e
        d += 1
    }
    return s
}

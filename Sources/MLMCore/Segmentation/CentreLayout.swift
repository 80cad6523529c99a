/// k-means centres laid out for finding a point's nearest centre four centres at a time:
/// coordinate d of centre j sits at `values[d * width + j]`, `width` being k rounded up to 4.
/// Each point coordinate is broadcast once and compared with four centres in one vector, so no
/// horizontal sums are needed. Padding centres lie so far away that no point ever picks one.
struct CentreLayout {
    let k: Int
    let dims: Int
    let width: Int
    private(set) var values: [Double]

    static let far = 1e150

    init(rowMajor centres: [Double], k: Int, dims: Int) {
        self.k = k
        self.dims = dims
        width = (k + 3) / 4 * 4
        var values = [Double](repeating: Self.far, count: dims * width)
        for j in 0..<k {
            for d in 0..<dims { values[d * width + j] = centres[j * dims + d] }
        }
        self.values = values
    }

    /// Index and squared distance of the centre nearest to `point` (the first on ties, as
    /// scikit-learn). `base` is `values`' storage.
    @inline(__always)
    func nearest(_ point: UnsafePointer<Double>, _ base: UnsafePointer<Double>) -> (Int, Double) {
        var bestIndex = 0
        var bestDistance = Double.infinity
        var group = 0
        while group < width {
            var sum = SIMD4<Double>.zero
            var column = base + group
            for d in 0..<dims {
                let e = SIMD4<Double>(repeating: point[d]) - UnsafeRawPointer(column).loadUnaligned(as: SIMD4<Double>.self)
                sum += e * e
                column += width
            }
            for lane in 0..<4 where sum[lane] < bestDistance {
                bestDistance = sum[lane]
                bestIndex = group + lane
            }
            group += 4
        }
        return (bestIndex, bestDistance)
    }
}

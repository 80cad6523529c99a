import MLMCore

/// The rows of a segmentation on two axes, for a scatter chart in reports: the two features
/// themselves when there are two, otherwise the first two principal components of the
/// standardized features. At most `maximumPoints` rows, evenly spaced, so the chart stays small.
public struct SegmentProjection: Sendable {
    public let xLabel: String
    public let yLabel: String
    public let x: [Double]
    public let y: [Double]
    /// Per point: index into `labels` (noise, when present, is the last label).
    public let groups: [Int]
    public let labels: [String]
    public let rows: Int

    static let maximumPoints = 1000

    /// `assignments`: the segment index of each row, -1 for noise.
    public static func make(points: PointSet, assignments: [Int], labels: [String], features: [String]) -> SegmentProjection? {
        let n = points.rows, d = points.dimensions
        guard n > 0, d >= 2, assignments.count == n else { return nil }
        let step = max(1, (n + maximumPoints - 1) / maximumPoints)
        let rows = Array(stride(from: 0, to: n, by: step))
        let groups = rows.map { assignments[$0] < 0 ? labels.count - 1 : assignments[$0] }
        if d == 2 {
            return SegmentProjection(xLabel: features[0], yLabel: features[1], x: rows.map { points.point($0).first! },
                                     y: rows.map { points.point($0).last! }, groups: groups, labels: labels, rows: n)
        }
        let (scaled, _) = standardized(points)
        let (first, firstShare) = component(scaled, rows: n, dimensions: d, removing: nil)
        let (second, secondShare) = component(scaled, rows: n, dimensions: d, removing: first)
        func project(_ row: Int, _ axis: [Double]) -> Double { (0..<d).reduce(0) { $0 + scaled[row * d + $1] * axis[$1] } }
        return SegmentProjection(xLabel: "component 1 (\(ValueText.percent(firstShare)) of the variance)",
                                 yLabel: "component 2 (\(ValueText.percent(secondShare)) of the variance)",
                                 x: rows.map { project($0, first) }, y: rows.map { project($0, second) },
                                 groups: groups, labels: labels, rows: n)
    }

    /// Row-major values with each dimension at mean 0 and standard deviation 1 (0 for a constant one).
    private static func standardized(_ points: PointSet) -> ([Double], Int) {
        let n = points.rows, d = points.dimensions
        var values = [Double](repeating: 0, count: n * d)
        for j in 0..<d {
            var sum = 0.0
            for i in 0..<n { sum += points.point(i)[points.point(i).startIndex + j] }
            let mean = sum / Double(n)
            var squares = 0.0
            for i in 0..<n { let v = points.point(i)[points.point(i).startIndex + j] - mean; squares += v * v }
            let sd = (squares / Double(max(n - 1, 1))).squareRoot()
            for i in 0..<n { values[i * d + j] = sd > 0 ? (points.point(i)[points.point(i).startIndex + j] - mean) / sd : 0 }
        }
        return (values, d)
    }

    /// The leading eigenvector of the covariance (orthogonal to `removing`) by power iteration
    /// from a fixed start, and its share of the total variance.
    private static func component(_ values: [Double], rows n: Int, dimensions d: Int, removing: [Double]?) -> ([Double], Double) {
        var covariance = [Double](repeating: 0, count: d * d)
        for i in 0..<n {
            for a in 0..<d { for b in 0..<d { covariance[a * d + b] += values[i * d + a] * values[i * d + b] } }
        }
        let total = (0..<d).reduce(0) { $0 + covariance[$1 * d + $1] }
        var vector = (0..<d).map { 1.0 + Double($0) / Double(d) }
        for _ in 0..<200 {
            if let removing { let dot = zip(vector, removing).reduce(0) { $0 + $1.0 * $1.1 }; vector = zip(vector, removing).map { $0 - dot * $1 } }
            var next = (0..<d).map { a in (0..<d).reduce(0) { $0 + covariance[a * d + $1] * vector[$1] } }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            next = next.map { $0 / norm }
            vector = next
        }
        // A fixed sign: the largest loading positive, so the picture never flips between runs.
        if let largest = vector.indices.max(by: { abs(vector[$0]) < abs(vector[$1]) }), vector[largest] < 0 { vector = vector.map { -$0 } }
        let variance = (0..<d).reduce(0) { sum, a in sum + vector[a] * (0..<d).reduce(0) { $0 + covariance[a * d + $1] * vector[$1] } }
        return (vector, total > 0 ? variance / total : 0)
    }
}

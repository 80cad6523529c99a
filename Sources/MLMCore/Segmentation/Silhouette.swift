/// The silhouette of a clustering, as scikit-learn's `silhouette_score` (Euclidean): for each
/// point, a = mean distance to the other points of its cluster, b = the lowest mean distance to
/// the points of another cluster, s = (b − a) / max(a, b), and 0 for a point alone in its
/// cluster; the score is the mean of s. Exact, O(n²): large tables are scored on a seeded
/// sample of rows (`sampleSize`), which is what scikit-learn's `sample_size` does as well.
public enum Silhouette {
    /// Rows scored exactly; above this a seeded sample of this many rows is scored.
    public static let sampleSize = 3000

    /// The mean silhouette of the given points; labels are 0..<clusters, negative labels
    /// (DBSCAN noise) are left out. Nil when fewer than 2 or more than n − 1 clusters remain.
    public static func score(_ points: PointSet, labels: [Int]) -> Double? {
        let kept = (0..<points.rows).filter { labels[$0] >= 0 }
        let subset = kept.count == points.rows ? points : points.gathering(kept)
        let keptLabels = kept.count == points.rows ? labels : kept.map { labels[$0] }
        return exact(subset, labels: keptLabels)
    }

    /// Scores all rows when there are at most `sampleSize`, else a seeded sample of them.
    public static func sampledScore(_ points: PointSet, labels: [Int], seed: UInt64) -> (score: Double?, sampled: Int) {
        guard points.rows > sampleSize else { return (score(points, labels: labels), points.rows) }
        var generator = SeededGenerator(seed: seed ^ 0x5111_0E77E)
        var rows = Array(0..<points.rows)
        // A partial Fisher–Yates shuffle: the first sampleSize entries are a uniform sample.
        for i in 0..<sampleSize { rows.swapAt(i, i + generator.nextInt(below: points.rows - i)) }
        let chosen = Array(rows[0..<sampleSize]).sorted()
        return (score(points.gathering(chosen), labels: chosen.map { labels[$0] }), sampleSize)
    }

    static func exact(_ points: PointSet, labels: [Int]) -> Double? {
        let n = points.rows, dims = points.dimensions
        guard n > 0 else { return nil }
        let clusters = (labels.max() ?? -1) + 1
        var sizes = [Int](repeating: 0, count: clusters)
        for label in labels { sizes[label] += 1 }
        let present = sizes.filter { $0 > 0 }.count
        guard present >= 2, present <= n - 1 else { return nil }
        let blocks = (n + 255) / 256
        let parts: [Double] = points.values.withUnsafeBufferPointer { v in
            Parallel.map(blocks) { b in
                var totals = [Double](repeating: 0, count: clusters)
                var sum = 0.0
                for i in (b * 256)..<min(n, b * 256 + 256) {
                    for j in 0..<clusters { totals[j] = 0 }
                    let p = v.baseAddress! + i * dims
                    for other in 0..<n {
                        totals[labels[other]] += squaredDistance(p, v.baseAddress! + other * dims, dims).squareRoot()
                    }
                    sum += pointScore(totals, sizes: sizes, own: labels[i])
                }
                return sum
            }
        }
        return parts.reduce(0, +) / Double(n)
    }

    static func pointScore(_ totals: [Double], sizes: [Int], own: Int) -> Double {
        guard sizes[own] > 1 else { return 0 }
        let a = totals[own] / Double(sizes[own] - 1)
        var b = Double.infinity
        for j in 0..<totals.count where j != own && sizes[j] > 0 { b = min(b, totals[j] / Double(sizes[j])) }
        let denominator = max(a, b)
        return denominator > 0 ? (b - a) / denominator : 0
    }
}

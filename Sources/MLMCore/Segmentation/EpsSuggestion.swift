/// Suggests DBSCAN's eps from the k-distance curve, k = min points: for each point the distance
/// to its k-th nearest point (itself counted, as DBSCAN counts it), sorted ascending. Points
/// inside clusters have small k-distances and noise large ones; the suggestion is the knee of
/// the curve, the point farthest below the straight line from its first to its last value
/// (both axes scaled to 0–1). Large tables use the k-distances of a seeded sample of rows.
public enum EpsSuggestion {
    public struct Outcome: Sendable, Equatable {
        public let eps: Double
        /// Rows whose k-distance was computed.
        public let sampled: Int
        /// The share of sampled points whose k-distance is at most eps (they would be core).
        public let coreShare: Double
    }

    public static let sampleSize = 2000

    public static func suggest(_ points: PointSet, minPoints: Int, seed: UInt64) throws(ModelError) -> Outcome {
        try DBSCAN.validate(points, eps: 1, minPoints: minPoints)
        guard minPoints <= points.rows else {
            throw ModelError("parameter 'min_points' of dbscan must be at most the number of rows (\(ValueText.grouped(points.rows))) to suggest eps; got \(minPoints)")
        }
        let rows = sampleRows(points.rows, seed: seed)
        let tree = KDTree(points)
        var stack: [Int32] = [], best: [Double] = []
        var distances = points.values.withUnsafeBufferPointer { v in
            rows.map { row in
                tree.kthNearest(v.baseAddress! + row * points.dimensions, k: minPoints, stack: &stack, best: &best).squareRoot()
            }
        }
        distances.sort()
        let eps = knee(distances)
        guard eps > 0 else {
            throw ModelError("dbscan cannot suggest eps: most points have \(minPoints - 1) others at distance 0 (repeated rows); give eps, e.g. eps 0.5")
        }
        let core = distances.filter { $0 <= eps }.count
        return Outcome(eps: eps, sampled: rows.count, coreShare: Double(core) / Double(distances.count))
    }

    static func sampleRows(_ n: Int, seed: UInt64) -> [Int] {
        guard n > sampleSize else { return Array(0..<n) }
        var generator = SeededGenerator(seed: seed ^ 0xE95)
        var rows = Array(0..<n)
        for i in 0..<sampleSize { rows.swapAt(i, i + generator.nextInt(below: n - i)) }
        return Array(rows[0..<sampleSize]).sorted()
    }

    /// The value at the knee of an ascending curve.
    static func knee(_ sorted: [Double]) -> Double {
        guard let first = sorted.first, let last = sorted.last else { return 0 }
        guard sorted.count > 2, last > first else { return last }
        let span = last - first, n = Double(sorted.count - 1)
        var bestIndex = sorted.count - 1, bestGap = 0.0
        for (i, value) in sorted.enumerated() {
            let x = Double(i) / n, y = (value - first) / span
            let gap = x - y  // how far the curve lies below the chord y = x
            if gap > bestGap {
                bestGap = gap
                bestIndex = i
            }
        }
        return sorted[bestIndex]
    }
}

/// DBSCAN as scikit-learn's: a point is a core point when at least `minPoints` points (itself
/// included) lie within distance `eps` (inclusive); core points within eps of each other share a
/// cluster; a non-core point within eps of a core point is a border point; the rest is noise.
///
/// Border rule (scikit-learn's): clusters are numbered in the order of their first core point in
/// row order, and a border point within reach of several clusters joins the one numbered first.
/// With that rule the labels equal scikit-learn's exactly, numbering included.
///
/// Neighbourhoods come from a k-d tree, never all pairs. Core points are found on all cores;
/// clusters are then grown one by one, querying each core point's neighbourhood once.
public enum DBSCAN {
    public struct Fit: Sendable, Equatable {
        /// Cluster 0..<clusters per row, or -1 for noise.
        public let labels: [Int]
        public let clusters: Int
        public let isCore: [Bool]
        public var noiseCount: Int { labels.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
    }

    public static func fit(_ points: PointSet, eps: Double, minPoints: Int) throws(ModelError) -> Fit {
        try validate(points, eps: eps, minPoints: minPoints)
        let tree = KDTree(points)
        let core = corePositions(tree, rows: points.rows, r2: eps * eps, minPoints: minPoints)
        try ModelError.throwIfCancelled()
        var positionOf = [Int](repeating: 0, count: points.rows)
        for (position, row) in tree.order.enumerated() { positionOf[row] = position }
        var labels = [Int](repeating: -1, count: points.rows)  // by tree position
        var clusters = 0
        var stack: [Int] = [], treeStack: [Int32] = []
        // Growing one cluster can visit every row, so Ctrl-C is looked at every 4,096 expansions,
        // not only between clusters.
        var expansions = 0
        tree.values.withUnsafeBufferPointer { v in
            for row in 0..<points.rows where !Cancellation.isRequested {
                let start = positionOf[row]
                guard core[start], labels[start] < 0 else { continue }
                labels[start] = clusters
                stack.append(start)
                while let position = stack.popLast() {
                    expansions &+= 1
                    if expansions & 4095 == 0, Cancellation.isRequested { break }
                    tree.withinRadius(v.baseAddress! + position * tree.dims, eps * eps, stack: &treeStack) { other in
                        if labels[other] < 0 {
                            labels[other] = clusters
                            if core[other] { stack.append(other) }
                        }
                        return true
                    }
                }
                clusters += 1
            }
        }
        try ModelError.throwIfCancelled()
        var byRow = [Int](repeating: -1, count: points.rows)
        var coreByRow = [Bool](repeating: false, count: points.rows)
        for (position, row) in tree.order.enumerated() {
            byRow[row] = labels[position]
            coreByRow[row] = core[position]
        }
        return Fit(labels: byRow, clusters: clusters, isCore: coreByRow)
    }

    static func validate(_ points: PointSet, eps: Double, minPoints: Int) throws(ModelError) {
        guard points.dimensions > 0 else { throw ModelError("dbscan needs at least one numeric feature; got none") }
        guard points.rows > 0 else { throw ModelError("dbscan needs at least one row; the table has none") }
        guard eps > 0, eps.isFinite else {
            throw ModelError("parameter 'eps' of dbscan must be a number above 0; got \(ParameterSpec.number(eps))")
        }
        guard minPoints >= 1 else {
            throw ModelError("parameter 'min_points' of dbscan must be a whole number of at least 1; got \(minPoints)")
        }
        guard points.values.allSatisfy({ $0.isFinite }) else {
            throw ModelError("dbscan needs finite numbers in every feature; fill or drop missing values first")
        }
    }

    /// Whether each tree position is a core point; counting stops at `minPoints`. Incomplete after
    /// a stop request (the caller checks).
    static func corePositions(_ tree: KDTree, rows: Int, r2: Double, minPoints: Int) -> [Bool] {
        let blockSize = 1024
        let blocks = (rows + blockSize - 1) / blockSize
        let parts: [[Bool]] = tree.values.withUnsafeBufferPointer { v in
            Parallel.map(blocks) { b in
                // After Ctrl-C the remaining blocks are skipped; `fit` then throws.
                guard !Cancellation.isRequested else { return [] }
                var stack: [Int32] = []
                return ((b * blockSize)..<min(rows, b * blockSize + blockSize)).map { position in
                    var count = 0
                    tree.withinRadius(v.baseAddress! + position * tree.dims, r2, stack: &stack) { _ in
                        count += 1
                        return count < minPoints
                    }
                    return count >= minPoints
                }
            }
        }
        return Array(parts.joined())
    }

    /// Assigns new points: the cluster of the nearest core point within eps, else noise (-1).
    public static func assign(_ points: PointSet, corePoints: PointSet, coreLabels: [Int], eps: Double) -> [Int] {
        guard corePoints.rows > 0 else { return [Int](repeating: -1, count: points.rows) }
        let tree = KDTree(corePoints)
        var stack: [Int32] = []
        return points.values.withUnsafeBufferPointer { v in
            (0..<points.rows).map { row in
                var nearest = -1, nearestDistance = Double.infinity
                let p = v.baseAddress! + row * points.dimensions
                tree.withinRadius(p, eps * eps, stack: &stack) { position in
                    let distance = tree.values.withUnsafeBufferPointer {
                        squaredDistance(p, $0.baseAddress! + position * tree.dims, tree.dims)
                    }
                    let row = tree.order[position]
                    if distance < nearestDistance || (distance == nearestDistance && row < nearest) {
                        nearestDistance = distance
                        nearest = row
                    }
                    return true
                }
                return nearest < 0 ? -1 : coreLabels[nearest]
            }
        }
    }
}

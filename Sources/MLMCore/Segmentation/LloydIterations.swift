/// Lloyd's algorithm from given starting centres: assign every point to its nearest centre,
/// move each centre to the mean of its points, repeat. Each pass runs over fixed row blocks on
/// all cores; the per-block sums are added in block order, so results are deterministic.
enum LloydIterations {
    /// What one block of rows contributes to a pass.
    struct BlockSums {
        var sums: [Double]
        var counts: [Int]
        var inertia: Double
        var changed: Int
    }

    static func run(_ points: PointSet, start: [Double], limit: Int, threshold: Double) throws(ModelError) -> KMeans.Fit {
        let dims = points.dimensions, k = start.count / dims
        var centres = start
        var labels = [Int32](repeating: -1, count: points.rows)
        var iterations = 0, converged = false
        while iterations < limit {
            try ModelError.throwIfCancelled()
            iterations += 1
            let pass = assignAndSum(points, centres: centres, k: k, labels: &labels)
            var updated = means(pass, old: centres, k: k, dims: dims)
            if pass.counts.contains(0) {
                relocateEmpty(points, pass: pass, centres: centres, labels: labels, updated: &updated, k: k)
            }
            let shift = totalShift(centres, updated)
            centres = updated
            if pass.changed == 0 || shift <= threshold {
                converged = true
                break
            }
        }
        // A last assignment so labels and inertia match the final centres (as scikit-learn).
        let final = assignAndSum(points, centres: centres, k: k, labels: &labels)
        return KMeans.Fit(centres: PointSet(rows: k, dimensions: dims, rowMajor: centres),
                          labels: labels.map { Int($0) }, inertia: final.inertia,
                          iterations: iterations, converged: converged)
    }

    /// Assigns every point to its nearest centre and sums the points of each centre.
    static func assignAndSum(_ points: PointSet, centres: [Double], k: Int, labels: inout [Int32]) -> BlockSums {
        let n = points.rows, dims = points.dimensions
        let blocks = (n + KMeans.blockSize - 1) / KMeans.blockSize
        let layout = CentreLayout(rowMajor: centres, k: k, dims: dims)
        let parts: [BlockSums] = points.values.withUnsafeBufferPointer { v in
            layout.values.withUnsafeBufferPointer { c in
                labels.withUnsafeMutableBufferPointer { labelBuffer in
                    let labelBuffer = labelBuffer
                    return Parallel.map(blocks) { b in
                        let lo = b * KMeans.blockSize, hi = min(n, lo + KMeans.blockSize)
                        var part = BlockSums(sums: [Double](repeating: 0, count: k * dims),
                                             counts: [Int](repeating: 0, count: k), inertia: 0, changed: 0)
                        part.sums.withUnsafeMutableBufferPointer { sums in
                            for row in lo..<hi {
                                let point = v.baseAddress! + row * dims
                                let (label, distance) = layout.nearest(point, c.baseAddress!)
                                if labelBuffer[row] != Int32(label) { part.changed += 1 }
                                labelBuffer[row] = Int32(label)
                                part.counts[label] += 1
                                part.inertia += distance
                                let target = sums.baseAddress! + label * dims
                                for d in 0..<dims { target[d] += point[d] }
                            }
                        }
                        return part
                    }
                }
            }
        }
        var total = BlockSums(sums: [Double](repeating: 0, count: k * dims),
                              counts: [Int](repeating: 0, count: k), inertia: 0, changed: 0)
        for part in parts {
            for i in 0..<total.sums.count { total.sums[i] += part.sums[i] }
            for j in 0..<k { total.counts[j] += part.counts[j] }
            total.inertia += part.inertia
            total.changed += part.changed
        }
        return total
    }

    static func means(_ pass: BlockSums, old: [Double], k: Int, dims: Int) -> [Double] {
        var centres = old
        for j in 0..<k where pass.counts[j] > 0 {
            for d in 0..<dims { centres[j * dims + d] = pass.sums[j * dims + d] / Double(pass.counts[j]) }
        }
        return centres
    }

    /// scikit-learn's rule: each empty cluster takes the point farthest from its old centre,
    /// and that point's cluster gives it up.
    static func relocateEmpty(_ points: PointSet, pass: BlockSums, centres: [Double], labels: [Int32],
                              updated: inout [Double], k: Int) {
        let dims = points.dimensions
        let empty = (0..<k).filter { pass.counts[$0] == 0 }
        var distances: [(distance: Double, row: Int)] = []
        distances.reserveCapacity(points.rows)
        points.values.withUnsafeBufferPointer { v in
            centres.withUnsafeBufferPointer { c in
                for row in 0..<points.rows {
                    let d = squaredDistance(v.baseAddress! + row * dims, c.baseAddress! + Int(labels[row]) * dims, dims)
                    distances.append((d, row))
                }
            }
        }
        distances.sort { $0.distance != $1.distance ? $0.distance > $1.distance : $0.row < $1.row }
        var sums = pass.sums, counts = pass.counts
        for (i, cluster) in empty.enumerated() where i < distances.count {
            let row = distances[i].row, from = Int(labels[row])
            guard counts[from] > 1 else { continue }
            for d in 0..<dims {
                let x = points.values[row * dims + d]
                sums[from * dims + d] -= x
                sums[cluster * dims + d] = x
            }
            counts[from] -= 1
            counts[cluster] = 1
        }
        for j in 0..<k where counts[j] > 0 {
            for d in 0..<dims { updated[j * dims + d] = sums[j * dims + d] / Double(counts[j]) }
        }
    }

    static func totalShift(_ old: [Double], _ new: [Double]) -> Double {
        var s = 0.0
        for i in 0..<old.count {
            let e = new[i] - old[i]
            s += e * e
        }
        return s
    }
}

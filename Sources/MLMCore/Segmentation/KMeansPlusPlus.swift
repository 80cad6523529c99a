import Foundation

/// k-means++ seeding as scikit-learn's `_kmeans_plusplus`: the first centre is a uniformly drawn
/// point; each next centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability
/// proportional to the squared distance to the nearest centre so far, "best" meaning the one
/// that leaves the smallest total squared distance.
enum KMeansPlusPlus {
    static func centres(_ points: PointSet, k: Int, generator: inout SeededGenerator) throws(ModelError) -> [Double] {
        let n = points.rows, dims = points.dimensions
        let trials = 2 + Int(log(Double(k)))
        var centres = [Double](repeating: 0, count: k * dims)
        var closest = [Double](repeating: 0, count: n)
        var cumulative = [Double](repeating: 0, count: n)
        // Each candidate's min(closest, distance to it), kept so the chosen one needs no new pass.
        var trialClosest = [Double](repeating: 0, count: trials * n)
        let first = generator.nextInt(below: n)
        copyPoint(points, first, into: &centres, at: 0)
        var potential = updateClosest(points, candidate: first, closest: &closest, initial: true)
        for c in 1..<max(k, 1) {
            try ModelError.throwIfCancelled()
            runningSum(closest, into: &cumulative)
            let candidates = (0..<trials).map { _ in
                pick(cumulative, target: generator.nextUnit() * potential)
            }
            let potentials = candidatePotentials(points, candidates: candidates, closest: closest, into: &trialClosest)
            var bestTrial = 0
            for t in 1..<trials where potentials[t] < potentials[bestTrial] { bestTrial = t }
            copyPoint(points, candidates[bestTrial], into: &centres, at: c)
            closest.withUnsafeMutableBufferPointer { target in
                trialClosest.withUnsafeBufferPointer { source in
                    target.baseAddress!.update(from: source.baseAddress! + bestTrial * n, count: n)
                }
            }
            potential = potentials[bestTrial]
        }
        return centres
    }

    static func copyPoint(_ points: PointSet, _ row: Int, into centres: inout [Double], at c: Int) {
        let dims = points.dimensions
        for d in 0..<dims { centres[c * dims + d] = points.values[row * dims + d] }
    }

    static func runningSum(_ values: [Double], into cumulative: inout [Double]) {
        var s = 0.0
        values.withUnsafeBufferPointer { v in
            cumulative.withUnsafeMutableBufferPointer { out in
                for i in 0..<v.count {
                    s += v[i]
                    out[i] = s
                }
            }
        }
    }

    /// The first index whose running sum reaches the target (numpy's searchsorted, left side),
    /// clipped to the last point as scikit-learn does.
    static func pick(_ cumulative: [Double], target: Double) -> Int {
        var lo = 0, hi = cumulative.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return min(lo, cumulative.count - 1)
    }

    /// For each candidate, min(closest, distance to the candidate) per point (written to
    /// `trialClosest`, one run of n per candidate) and its total, by blocks.
    static func candidatePotentials(_ points: PointSet, candidates: [Int], closest: [Double],
                                    into trialClosest: inout [Double]) -> [Double] {
        let n = points.rows, dims = points.dimensions
        let blocks = (n + KMeans.blockSize - 1) / KMeans.blockSize
        let partials: [[Double]] = points.values.withUnsafeBufferPointer { v in
            closest.withUnsafeBufferPointer { near in
                trialClosest.withUnsafeMutableBufferPointer { out in
                    let out = out
                    return Parallel.map(blocks) { b in
                        let lo = b * KMeans.blockSize, hi = min(n, lo + KMeans.blockSize)
                        return candidates.enumerated().map { t, candidate in
                            let centre = v.baseAddress! + candidate * dims
                            let row0 = out.baseAddress! + t * n
                            var s = 0.0
                            for row in lo..<hi {
                                let value = min(near[row], squaredDistance(v.baseAddress! + row * dims, centre, dims))
                                row0[row] = value
                                s += value
                            }
                            return s
                        }
                    }
                }
            }
        }
        return (0..<candidates.count).map { t in partials.reduce(0) { $0 + $1[t] } }
    }

    /// Lowers each point's closest distance by the new centre; returns the new total.
    static func updateClosest(_ points: PointSet, candidate: Int, closest: inout [Double], initial: Bool) -> Double {
        let n = points.rows, dims = points.dimensions
        let blocks = (n + KMeans.blockSize - 1) / KMeans.blockSize
        let sums: [Double] = points.values.withUnsafeBufferPointer { v in
            closest.withUnsafeMutableBufferPointer { near in
                let near = near
                return Parallel.map(blocks) { b in
                    let lo = b * KMeans.blockSize, hi = min(n, lo + KMeans.blockSize)
                    let centre = v.baseAddress! + candidate * dims
                    var s = 0.0
                    for row in lo..<hi {
                        let distance = squaredDistance(v.baseAddress! + row * dims, centre, dims)
                        let value = initial ? distance : min(near[row], distance)
                        near[row] = value
                        s += value
                    }
                    return s
                }
            }
        }
        return sums.reduce(0, +)
    }
}

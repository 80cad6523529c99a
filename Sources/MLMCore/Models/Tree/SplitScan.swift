import Foundation

/// What a scan of one feature at one node found: the best number of rows to send left (the
/// first `leftCount` of the feature's sorted list) and its score.
struct SplitCandidate: Sendable {
    var leftCount: Int
    /// sklearn's proxy impurity improvement: larger is better, only comparable within a node.
    var proxy: Double
    /// For a binned feature, the last bin sent left and the first bin sent right.
    var bins: (lower: Int, upper: Int)?

    init(leftCount: Int, proxy: Double, bins: (lower: Int, upper: Int)? = nil) {
        self.leftCount = leftCount
        self.proxy = proxy
        self.bins = bins
    }
}

/// The node-wide inputs of a scan.
struct ScanContext {
    /// Two numbers per row: (w, w·y) for two classes and for numbers, (w, class) for more classes.
    let pairs: UnsafePointer<Double>
    /// The node's statistics (see `TreeProblem.statisticsWidth`).
    let totals: UnsafePointer<Double>
    let classCount: Int
    let minLeaf: Int
    let criterion: TreeSettings.Criterion
    let isClassification: Bool
}

/// Exact CART split search over one feature's rows in value order. Every boundary between two
/// different values with at least `minLeaf` rows on each side is a candidate, scored with
/// sklearn's formulas so that the same data picks the same split; the first best wins.
enum SplitScan {
    /// From this many rows on, a node's pairs are gathered into list order before the scan:
    /// the short gathering loop keeps many cache misses in flight, where the scan's long body
    /// would wait for them one after another.
    static let gatherThreshold = 1 << 15

    static func best(_ segment: UnsafePointer<UInt64>, count n: Int, _ context: ScanContext,
                     gatherFrom threshold: Int = gatherThreshold) -> SplitCandidate? {
        guard context.minLeaf <= n - context.minLeaf else { return nil }
        if context.isClassification && context.classCount != 2 { return manyClasses(segment, n, context) }
        guard n >= threshold else { return pairScan(segment, n, context, PairsByPosition(pairs: context.pairs)) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { buffer in
            let gathered = buffer.baseAddress!
            for i in 0..<n {
                let position = Int(truncatingIfNeeded: segment[i] & PresortedFeatures.indexMask)
                gathered[2 * i] = context.pairs[2 * position]
                gathered[2 * i + 1] = context.pairs[2 * position + 1]
            }
            return pairScan(segment, n, context, PairsInListOrder(pairs: gathered))
        }
    }

    private static func pairScan<Pairs: ScanPairs>(_ segment: UnsafePointer<UInt64>, _ n: Int, _ context: ScanContext,
                                                   _ pairs: Pairs) -> SplitCandidate? {
        context.isClassification ? twoClasses(segment, n, context, pairs) : regression(segment, n, context, pairs)
    }

    private static func twoClasses<Pairs: ScanPairs>(_ segment: UnsafePointer<UInt64>, _ n: Int, _ context: ScanContext,
                                                     _ pairs: Pairs) -> SplitCandidate? {
        let entropy = context.criterion == .entropy
        let total0 = context.totals[0], total1 = context.totals[1], total = context.totals[2]
        var weightLeft = 0.0, left1 = 0.0
        var best = -Double.infinity, bestCount = 0
        var entry = segment[0]
        for i in 0..<(n - context.minLeaf) {
            let (weight, weighted) = pairs.pair(i, entry)
            weightLeft += weight
            left1 += weighted
            let following = segment[i + 1]
            defer { entry = following }
            guard i + 1 >= context.minLeaf, following >> 32 != entry >> 32 else { continue }
            let proxy = twoClassProxy(weightLeft: weightLeft, left1: left1, total0: total0, total1: total1, total: total,
                                      entropy: entropy)
            if proxy > best {
                best = proxy
                bestCount = i + 1
            }
        }
        return bestCount > 0 ? SplitCandidate(leftCount: bestCount, proxy: best) : nil
    }

    private static func manyClasses(_ segment: UnsafePointer<UInt64>, _ n: Int, _ context: ScanContext) -> SplitCandidate? {
        let classes = context.classCount, pairs = context.pairs, totals = context.totals
        let total = totals[classes], entropy = context.criterion == .entropy
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: classes) { buffer in
            let left = buffer.baseAddress!
            left.initialize(repeating: 0, count: classes)
            var weightLeft = 0.0
            var best = -Double.infinity, bestCount = 0
            for i in 0..<(n - context.minLeaf) {
                let entry = segment[i]
                let row = Int(truncatingIfNeeded: entry & PresortedFeatures.indexMask)
                weightLeft += pairs[2 * row]
                left[Int(pairs[2 * row + 1])] += pairs[2 * row]
                guard i + 1 >= context.minLeaf, segment[i + 1] >> 32 != entry >> 32 else { continue }
                let weightRight = total - weightLeft
                let impurityLeft = impurity(classes: left, classCount: classes, weight: weightLeft, entropy: entropy)
                let impurityRight = impurityOfRest(totals: totals, left: left, classCount: classes,
                                                   weight: weightRight, entropy: entropy)
                let proxy = -weightRight * impurityRight - weightLeft * impurityLeft
                if proxy > best {
                    best = proxy
                    bestCount = i + 1
                }
            }
            return bestCount > 0 ? SplitCandidate(leftCount: bestCount, proxy: best) : nil
        }
    }

    private static func regression<Pairs: ScanPairs>(_ segment: UnsafePointer<UInt64>, _ n: Int, _ context: ScanContext,
                                                     _ pairs: Pairs) -> SplitCandidate? {
        let total = context.totals[0], totalSum = context.totals[1]
        var weightLeft = 0.0, sumLeft = 0.0
        var best = -Double.infinity, bestCount = 0
        var entry = segment[0]
        for i in 0..<(n - context.minLeaf) {
            let (weight, weighted) = pairs.pair(i, entry)
            weightLeft += weight
            sumLeft += weighted
            let following = segment[i + 1]
            defer { entry = following }
            guard i + 1 >= context.minLeaf, following >> 32 != entry >> 32 else { continue }
            let sumRight = totalSum - sumLeft
            let proxy = sumLeft * sumLeft / weightLeft + sumRight * sumRight / (total - weightLeft)
            if proxy > best {
                best = proxy
                bestCount = i + 1
            }
        }
        return bestCount > 0 ? SplitCandidate(leftCount: bestCount, proxy: best) : nil
    }

    /// The proxy improvement of sending `weightLeft` (of which `left1` in class 1) left.
    @inline(__always)
    static func twoClassProxy(weightLeft: Double, left1: Double, total0: Double, total1: Double, total: Double,
                              entropy: Bool) -> Double {
        let left0 = weightLeft - left1, weightRight = total - weightLeft
        let right0 = total0 - left0, right1 = total1 - left1
        return entropy
            ? -weightRight * entropy2(right0, right1, weightRight) - weightLeft * entropy2(left0, left1, weightLeft)
            : -weightRight * gini2(right0, right1, weightRight) - weightLeft * gini2(left0, left1, weightLeft)
    }

    @inline(__always) private static func gini2(_ a: Double, _ b: Double, _ weight: Double) -> Double {
        1 - (a * a + b * b) / (weight * weight)
    }

    @inline(__always) private static func entropy2(_ a: Double, _ b: Double, _ weight: Double) -> Double {
        var h = 0.0
        if a > 0 { h -= a / weight * log2Share(a / weight) }
        if b > 0 { h -= b / weight * log2Share(b / weight) }
        return h
    }

    /// sklearn's `log(x) / log(2)` rather than `log2(x)`, so scores round the same way.
    @inline(__always) static func log2Share(_ share: Double) -> Double { Foundation.log(share) / Foundation.log(2.0) }

    /// Gini or entropy of weighted class totals.
    static func impurity(classes: UnsafePointer<Double>, classCount: Int, weight: Double, entropy: Bool) -> Double {
        if entropy {
            var h = 0.0
            for k in 0..<classCount where classes[k] > 0 {
                let share = classes[k] / weight
                h -= share * log2Share(share)
            }
            return h
        }
        var squares = 0.0
        for k in 0..<classCount { squares += classes[k] * classes[k] }
        return 1 - squares / (weight * weight)
    }

    static func impurityOfRest(totals: UnsafePointer<Double>, left: UnsafePointer<Double>, classCount: Int,
                                       weight: Double, entropy: Bool) -> Double {
        var h = 0.0, squares = 0.0
        for k in 0..<classCount {
            let rest = totals[k] - left[k]
            if entropy {
                if rest > 0 { h -= rest / weight * log2Share(rest / weight) }
            } else {
                squares += rest * rest
            }
        }
        return entropy ? h : 1 - squares / (weight * weight)
    }

    /// The impurity of a node from its statistics: gini or entropy of the class totals, or the
    /// weighted variance Σw·y²/W − (Σw·y/W)².
    static func nodeImpurity(_ stats: UnsafePointer<Double>, classCount: Int, criterion: TreeSettings.Criterion) -> Double {
        switch criterion {
        case .gini, .entropy:
            return impurity(classes: stats, classCount: classCount, weight: stats[classCount], entropy: criterion == .entropy)
        case .squaredError:
            let mean = stats[1] / stats[0]
            return stats[2] / stats[0] - mean * mean
        }
    }
}

/// Where a scan finds the (w, w·y) pair of its `i`-th list entry.
protocol ScanPairs {
    func pair(_ i: Int, _ entry: UInt64) -> (Double, Double)
}

/// Pairs in node order, looked up by the entry's position.
struct PairsByPosition: ScanPairs {
    let pairs: UnsafePointer<Double>

    @inline(__always) func pair(_ i: Int, _ entry: UInt64) -> (Double, Double) {
        let position = Int(truncatingIfNeeded: entry & PresortedFeatures.indexMask)
        return (pairs[2 &* position], pairs[2 &* position &+ 1])
    }
}

/// Pairs already gathered into the list's order.
struct PairsInListOrder: ScanPairs {
    let pairs: UnsafePointer<Double>

    @inline(__always) func pair(_ i: Int, _ entry: UInt64) -> (Double, Double) {
        (pairs[2 &* i], pairs[2 &* i &+ 1])
    }
}

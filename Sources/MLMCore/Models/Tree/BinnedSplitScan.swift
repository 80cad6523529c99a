/// Exact CART split search over a binned feature (see `PresortedFeatures`): the node's rows are
/// summed per bin, then the boundaries between present bins are scored in bin order with the
/// same formulas, the same `minLeaf` rule and the same "first best wins" as `SplitScan`, so the
/// split found is the one the sorted list would give.
enum BinnedSplitScan {
    /// The node's rows are the positions `start..<end`; `rowOf` maps a position to its matrix row
    /// and `codes` a row to its bin.
    struct Node {
        let start: Int
        let end: Int
        let rowOf: UnsafePointer<UInt32>
        let codes: UnsafePointer<UInt8>
        let binCount: Int
    }

    static func best(_ node: Node, _ context: ScanContext) -> SplitCandidate? {
        let n = node.end - node.start
        guard context.minLeaf <= n - context.minLeaf else { return nil }
        // Per bin: the class weights (for two classes w and w·y, which are w and the class-1
        // weight), then the total weight for more classes, then the row count.
        let classes = context.classCount
        let width = classes == 2 ? 3 : classes + 2
        // Two classes on a big node: four interleaved histograms, merged afterwards, so that
        // consecutive rows in the same bin (most rows of a 0/1 input) do not wait for each
        // other's additions.
        let copies = classes == 2 && n >= 32 * node.binCount ? 4 : 1
        let size = width * node.binCount
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: copies * size + classes) { buffer in
            let histogram = buffer.baseAddress!
            histogram.initialize(repeating: 0, count: copies * size)
            if classes != 2 {
                sumManyClasses(node, context, width: width, into: histogram)
            } else if copies == 1 {
                sumTwoClasses(node, context, into: histogram)
            } else {
                sumTwoClassesInterleaved(node, context, into: histogram, size: size)
            }
            let left = histogram + copies * size
            return classes == 2 ? scanTwoClasses(histogram, node, n, context)
                                : scanManyClasses(histogram, width: width, node, n, context, left: left)
        }
    }

    private static func sumTwoClasses(_ node: Node, _ context: ScanContext, into histogram: UnsafeMutablePointer<Double>) {
        let pairs = context.pairs
        for position in node.start..<node.end {
            let bin = 3 &* Int(node.codes[Int(node.rowOf[position])])
            histogram[bin] += pairs[2 &* position]
            histogram[bin &+ 1] += pairs[2 &* position &+ 1]
            histogram[bin &+ 2] += 1
        }
    }

    private static func sumTwoClassesInterleaved(_ node: Node, _ context: ScanContext,
                                                 into histogram: UnsafeMutablePointer<Double>, size: Int) {
        let pairs = context.pairs, rowOf = node.rowOf, codes = node.codes
        var position = node.start
        while position + 4 <= node.end {
            for copy in 0..<4 {
                let at = position &+ copy
                let bin = copy &* size &+ 3 &* Int(codes[Int(rowOf[at])])
                histogram[bin] += pairs[2 &* at]
                histogram[bin &+ 1] += pairs[2 &* at &+ 1]
                histogram[bin &+ 2] += 1
            }
            position += 4
        }
        while position < node.end {
            let bin = 3 &* Int(codes[Int(rowOf[position])])
            histogram[bin] += pairs[2 &* position]
            histogram[bin &+ 1] += pairs[2 &* position &+ 1]
            histogram[bin &+ 2] += 1
            position += 1
        }
        for k in 0..<size { histogram[k] += histogram[size + k] + histogram[2 * size + k] + histogram[3 * size + k] }
    }

    private static func sumManyClasses(_ node: Node, _ context: ScanContext, width: Int,
                                       into histogram: UnsafeMutablePointer<Double>) {
        let pairs = context.pairs, classes = context.classCount
        for position in node.start..<node.end {
            let bin = width &* Int(node.codes[Int(node.rowOf[position])])
            let weight = pairs[2 &* position]
            histogram[bin &+ Int(pairs[2 &* position &+ 1])] += weight
            histogram[bin &+ classes] += weight
            histogram[bin &+ classes &+ 1] += 1
        }
    }

    private static func scanTwoClasses(_ histogram: UnsafePointer<Double>, _ node: Node, _ n: Int,
                                       _ context: ScanContext) -> SplitCandidate? {
        let entropy = context.criterion == .entropy
        let total0 = context.totals[0], total1 = context.totals[1], total = context.totals[2]
        var weightLeft = 0.0, left1 = 0.0, leftCount = 0
        var best = -Double.infinity, bestCount = 0, bestBins = (lower: 0, upper: 0)
        var previous = -1
        for bin in 0..<node.binCount where histogram[3 * bin + 2] > 0 {
            if previous >= 0, leftCount >= context.minLeaf, leftCount <= n - context.minLeaf {
                let proxy = SplitScan.twoClassProxy(weightLeft: weightLeft, left1: left1, total0: total0, total1: total1,
                                                    total: total, entropy: entropy)
                if proxy > best {
                    best = proxy
                    bestCount = leftCount
                    bestBins = (previous, bin)
                }
            }
            weightLeft += histogram[3 * bin]
            left1 += histogram[3 * bin + 1]
            leftCount += Int(histogram[3 * bin + 2])
            previous = bin
        }
        return bestCount > 0 ? SplitCandidate(leftCount: bestCount, proxy: best, bins: bestBins) : nil
    }

    private static func scanManyClasses(_ histogram: UnsafePointer<Double>, width: Int, _ node: Node, _ n: Int,
                                        _ context: ScanContext, left: UnsafeMutablePointer<Double>) -> SplitCandidate? {
        let classes = context.classCount, totals = context.totals
        let total = totals[classes], entropy = context.criterion == .entropy
        left.initialize(repeating: 0, count: classes)
        var weightLeft = 0.0, leftCount = 0
        var best = -Double.infinity, bestCount = 0, bestBins = (lower: 0, upper: 0)
        var previous = -1
        for bin in 0..<node.binCount where histogram[width * bin + classes + 1] > 0 {
            if previous >= 0, leftCount >= context.minLeaf, leftCount <= n - context.minLeaf {
                let weightRight = total - weightLeft
                let impurityLeft = SplitScan.impurity(classes: left, classCount: classes, weight: weightLeft, entropy: entropy)
                let impurityRight = SplitScan.impurityOfRest(totals: totals, left: left, classCount: classes,
                                                             weight: weightRight, entropy: entropy)
                let proxy = -weightRight * impurityRight - weightLeft * impurityLeft
                if proxy > best {
                    best = proxy
                    bestCount = leftCount
                    bestBins = (previous, bin)
                }
            }
            for k in 0..<classes { left[k] += histogram[width * bin + k] }
            weightLeft += histogram[width * bin + classes]
            leftCount += Int(histogram[width * bin + classes + 1])
            previous = bin
        }
        return bestCount > 0 ? SplitCandidate(leftCount: bestCount, proxy: best, bins: bestBins) : nil
    }
}

/// Grows one boosted tree leaf-wise (LightGBM's way): the leaf whose best split gains most is
/// split next, until `leaves` leaves or no split gains. Each leaf owns a contiguous range of
/// `order` (its rows, ascending); a split partitions that range in place. Buffers are allocated
/// once per training run and reused by every tree.
final class HistogramTreeGrower {
    struct Leaf {
        var begin: Int
        var count: Int
        var stats: GradientStats
        var depth: Int
        var slot: Int?
        var split: BoostingSplit
        var value: Double
        /// The internal node this leaf hangs from (-1 for the root) and on which side.
        var parentNode: Int
        var isLeftChild: Bool
    }

    let binned: BinnedMatrix
    let settings: BoostingSettings
    let histograms: NodeHistograms
    let finder: SplitFinder
    /// Rows of the current tree, grouped by leaf.
    let order: UnsafeMutablePointer<Int32>
    /// Where a split's left and right rows are collected before they go back into `order`.
    private let scratchLeft: UnsafeMutablePointer<Int32>
    private let scratchRight: UnsafeMutablePointer<Int32>
    private(set) var leaves: [Leaf] = []

    init(binned: BinnedMatrix, settings: BoostingSettings) {
        self.binned = binned
        self.settings = settings
        histograms = NodeHistograms(binned: binned, maxLeaves: settings.leaves)
        finder = SplitFinder(binned: binned, settings: settings)
        let n = max(1, binned.rows)
        order = .allocate(capacity: n)
        scratchLeft = .allocate(capacity: n)
        scratchRight = .allocate(capacity: n)
    }

    deinit {
        order.deallocate(); scratchLeft.deallocate(); scratchRight.deallocate()
    }

    /// Grows a tree on `rows` (ascending; nil = every row) with per-row gradients, trying only
    /// `features`. Leaf values include the learning rate. Afterwards `leaves` tells which rows
    /// ended in which leaf.
    func grow(rows: [Int32]?, gradients: UnsafePointer<GradientPair>, features: [Int]) -> BoostedTree {
        for leaf in leaves { histograms.release(leaf.slot) }
        leaves = []
        let count = rows?.count ?? binned.rows
        if let rows { rows.withUnsafeBufferPointer { order.update(from: $0.baseAddress!, count: count) } } else {
            for i in 0..<count { order[i] = Int32(truncatingIfNeeded: i) }
        }
        var root = Leaf(begin: 0, count: count, stats: GradientStats(), depth: 0, slot: histograms.acquire(),
                        split: BoostingSplit(), value: 0, parentNode: -1, isLeftChild: true)
        var sum = GradientPair()
        for i in 0..<count { sum += gradients[rows == nil ? i : Int(order[i])] }
        root.stats = GradientStats(g: sum.x, h: sum.y, count: Double(count))
        histograms.build(into: root.slot!, rows: rows == nil ? nil : order, count: count, gradients: gradients,
                         features: features)
        root.value = SplitFinder.leafValue(root.stats, l2: settings.l2)
        leaves.append(root)
        findSplit(0, features)
        var tree = BoostedTree()
        while leaves.count < settings.leaves, let next = bestLeaf() {
            split(next, &tree, gradients, features)
        }
        tree.leafValues = leaves.map { $0.value.isFinite ? $0.value * settings.rate : 0 }
        return tree
    }

    private func bestLeaf() -> Int? {
        var best: Int?
        for (i, leaf) in leaves.enumerated() where leaf.split.isValid {
            if best == nil || leaf.split.gain > leaves[best!].split.gain { best = i }
        }
        return best
    }

    private func findSplit(_ index: Int, _ features: [Int]) {
        let leaf = leaves[index]
        guard let slot = leaf.slot, leaf.depth < settings.depth, leaf.count >= 2 * settings.minSamplesLeaf else {
            leaves[index].split = BoostingSplit()
            histograms.release(leaf.slot)
            leaves[index].slot = nil
            return
        }
        let split = finder.best(histograms.pointer(slot), total: leaf.stats, features: features)
        leaves[index].split = split
        if !split.isValid {
            histograms.release(slot)
            leaves[index].slot = nil
        }
    }

    private func split(_ index: Int, _ tree: inout BoostedTree, _ gradients: UnsafePointer<GradientPair>,
                       _ features: [Int]) {
        let parent = leaves[index], split = parent.split
        let layout = binned.layouts[split.feature]
        let threshold = layout.isCategorical ? 0 : layout.upperBounds[split.thresholdBin]
        let node = tree.addNode(feature: split.feature, threshold: threshold, defaultLeft: split.defaultLeft,
                                categories: split.leftCategories, gain: split.gain)
        if parent.parentNode >= 0 {
            if parent.isLeftChild { tree.left[parent.parentNode] = node } else { tree.right[parent.parentNode] = node }
        }
        let leftCount = partition(parent, split, layout)
        let rightIndex = leaves.count
        tree.left[node] = ~index
        tree.right[node] = ~rightIndex
        var leftLeaf = Leaf(begin: parent.begin, count: leftCount, stats: split.left, depth: parent.depth + 1, slot: nil,
                            split: BoostingSplit(), value: SplitFinder.leafValue(split.left, l2: split.l2),
                            parentNode: node, isLeftChild: true)
        var rightLeaf = Leaf(begin: parent.begin + leftCount, count: parent.count - leftCount, stats: split.right,
                             depth: parent.depth + 1, slot: nil, split: BoostingSplit(),
                             value: SplitFinder.leafValue(split.right, l2: split.l2), parentNode: node, isLeftChild: false)
        leftLeaf.stats.count = Double(leftLeaf.count)
        rightLeaf.stats.count = Double(rightLeaf.count)
        buildChildHistograms(parent.slot, &leftLeaf, &rightLeaf, gradients, features)
        leaves[index] = leftLeaf
        leaves.append(rightLeaf)
        findSplit(index, features)
        findSplit(rightIndex, features)
    }

    /// The smaller child's histogram is built from its rows; the larger's is the parent's minus it.
    private func buildChildHistograms(_ parentSlot: Int?, _ left: inout Leaf, _ right: inout Leaf,
                                      _ gradients: UnsafePointer<GradientPair>, _ features: [Int]) {
        let leftIsSmaller = left.count <= right.count
        var small = leftIsSmaller ? left : right
        var large = leftIsSmaller ? right : left
        let canSplitLarge = large.depth < settings.depth && large.count >= 2 * settings.minSamplesLeaf
        let canSplitSmall = small.depth < settings.depth && small.count >= 2 * settings.minSamplesLeaf
        if canSplitSmall || (canSplitLarge && parentSlot != nil) {
            small.slot = histograms.acquire()
            if let slot = small.slot { buildFromRows(slot, small, gradients, features) }
        }
        if canSplitLarge {
            if let parentSlot, let smallSlot = small.slot {
                histograms.subtract(parent: parentSlot, smaller: smallSlot, features: features)
                large.slot = parentSlot
            } else {
                histograms.release(parentSlot)
                large.slot = histograms.acquire()
                if let slot = large.slot { buildFromRows(slot, large, gradients, features) }
            }
        } else {
            histograms.release(parentSlot)
        }
        if leftIsSmaller { (left, right) = (small, large) } else { (left, right) = (large, small) }
    }

    private func buildFromRows(_ slot: Int, _ leaf: Leaf, _ gradients: UnsafePointer<GradientPair>, _ features: [Int]) {
        histograms.build(into: slot, rows: order + leaf.begin, count: leaf.count, gradients: gradients, features: features)
    }

    /// Stable partition of the leaf's rows: left rows first, both sides stay ascending. Big leaves
    /// are cut into one block per core; each block sorts its rows into the scratch buffers at its
    /// own offset, and the blocks' left parts, then right parts, are copied back in order.
    private func partition(_ leaf: Leaf, _ split: BoostingSplit, _ layout: FeatureBinLayout) -> Int {
        var goesLeft = [Int](repeating: 0, count: 256)
        if layout.isCategorical {
            for level in split.leftCategories { goesLeft[level] = 1 }
        } else {
            for bin in 0...split.thresholdBin { goesLeft[bin] = 1 }
            goesLeft[layout.missingBin] = split.defaultLeft ? 1 : 0
        }
        let blocks = leaf.count >= 16_384 ? Parallel.coreCount : 1
        let rows = SendablePointer(order + leaf.begin)
        let (toLeft, toRight) = (SendablePointer(scratchLeft + leaf.begin), SendablePointer(scratchRight + leaf.begin))
        let bounds = (0...blocks).map { leaf.count * $0 / blocks }
        let leftCounts = binned.columnCodes.withUnsafeBufferPointer { codes in
            goesLeft.withUnsafeBufferPointer { table in
                let column = codes.baseAddress! + split.feature * binned.rows
                let job = { (block: Int) -> Int in
                    let (start, end) = (bounds[block], bounds[block + 1])
                    var l = start, r = start
                    // Each row is written to both sides and only one side's end moves: a branch
                    // here would be mispredicted for about every other row.
                    for i in start..<end {
                        let row = rows.pointer[i]
                        let left = table[Int(column[Int(row)])]
                        toLeft.pointer[l] = row
                        toRight.pointer[r] = row
                        l &+= left
                        r &+= 1 &- left
                    }
                    return l - start
                }
                return blocks == 1 ? [job(0)] : Parallel.map(blocks, job)
            }
        }
        var next = 0
        for block in 0..<blocks {
            (rows.pointer + next).update(from: toLeft.pointer + bounds[block], count: leftCounts[block])
            next += leftCounts[block]
        }
        for block in 0..<blocks {
            let rightCount = bounds[block + 1] - bounds[block] - leftCounts[block]
            (rows.pointer + next).update(from: toRight.pointer + bounds[block], count: rightCount)
            next += rightCount
        }
        return leftCounts.reduce(0, +)
    }
}

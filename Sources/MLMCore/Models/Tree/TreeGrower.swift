/// Grows one exact CART tree, depth first, the way sklearn's `DepthFirstTreeBuilder` and
/// `BestSplitter` decide, but without sorting at any node: `TreeRows` keeps every feature's
/// rows in value order, node by node.
///
/// A feature found constant at a node stays constant below it; such features move to the front
/// of `featureOrder` and their lists are no longer split.
final class TreeGrower {
    private struct Frame {
        var start: Int, end: Int, depth: Int
        /// The node whose right child this is, or -1.
        var rightOf: Int
        var knownConstants: Int
        var impurity: Double
    }

    let settings: TreeSettings
    let problem: TreeProblem
    let presorted: PresortedFeatures
    private let featureCount: Int
    private let classCount: Int
    private let width: Int
    private var generator: SeededGenerator
    private let useBothCores: Bool
    private let rowWeights: [Double]
    private var rows: TreeRows!
    private var featureOrder: [Int]
    private var candidates: [Int]

    private var frames: [Frame] = []
    private var frameStatistics: [Double] = []
    private(set) var tree: TreeNodes
    private(set) var importances: [Double]
    private(set) var rootWeight = 0.0

    /// `rowWeights` are this tree's weights (a forest's bootstrap counts times the sample
    /// weights); rows weighing 0 take no part, and at least one must weigh more.
    init(problem: TreeProblem, presorted: PresortedFeatures, settings: TreeSettings, rowWeights: [Double],
         seed: UInt64, useBothCores: Bool) {
        self.problem = problem
        self.presorted = presorted
        self.settings = settings
        self.rowWeights = rowWeights
        featureCount = problem.x.columns
        classCount = problem.isClassification ? problem.outputs : 0
        width = problem.statisticsWidth
        generator = SeededGenerator(seed: seed)
        self.useBothCores = useBothCores && Parallel.coreCount > 1
        featureOrder = Array(0..<featureCount)
        candidates = [Int](repeating: 0, count: featureCount)
        tree = TreeNodes(outputs: problem.outputs)
        importances = [Double](repeating: 0, count: featureCount)
    }

    /// Grows the tree; `importances` then holds each feature's total weighted impurity decrease.
    func grow() {
        // After Ctrl-C, trees not yet started skip even their setup (a forest may have thousands).
        guard !Cancellation.isRequested else { return }
        rows = TreeRows(problem: problem, presorted: presorted, rowWeights: rowWeights,
                        workers: useBothCores ? Parallel.coreCount : 1)
        let root = rootStatistics()
        rootWeight = weight(of: root)
        frameStatistics = root
        let impurity = root.withUnsafeBufferPointer {
            SplitScan.nodeImpurity($0.baseAddress!, classCount: classCount, criterion: settings.criterion)
        }
        frames = [Frame(start: 0, end: rows.count, depth: 0, rightOf: -1, knownConstants: 0, impurity: impurity)]
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * width) { buffer in
            let statistics = buffer.baseAddress!
            // On Ctrl-C the tree stops growing; the caller throws before anyone sees it.
            while !Cancellation.isRequested, let frame = frames.popLast() {
                for k in 0..<width { statistics[width - 1 - k] = frameStatistics.removeLast() }
                if frame.rightOf >= 0 { tree.next[frame.rightOf] = Int32(truncatingIfNeeded: tree.nodeCount) }
                grow(frame, statistics: statistics, left: statistics + width, right: statistics + 2 * width)
            }
        }
    }

    /// Splits the node if that is allowed and worth it (pushing its children), else makes a leaf.
    private func grow(_ frame: Frame, statistics: UnsafeMutablePointer<Double>,
                      left: UnsafeMutablePointer<Double>, right: UnsafeMutablePointer<Double>) {
        let count = frame.end - frame.start
        guard !isLeaf(count: count, impurity: frame.impurity, depth: frame.depth),
              case let (feature, split, constants)? = bestSplit(frame, statistics: statistics)
        else { return appendLeaf(statistics, depth: frame.depth) }
        let leftCount = split.leftCount
        childStatistics(feature: feature, split, frame: frame, statistics: statistics, left: left, right: right)
        let leftImpurity = SplitScan.nodeImpurity(left, classCount: classCount, criterion: settings.criterion)
        let rightImpurity = SplitScan.nodeImpurity(right, classCount: classCount, criterion: settings.criterion)
        let nodeWeight = weight(of: statistics), leftWeight = weight(of: left), rightWeight = weight(of: right)
        let improvement = nodeWeight / rootWeight * (frame.impurity - rightWeight / nodeWeight * rightImpurity
                                                     - leftWeight / nodeWeight * leftImpurity)
        guard improvement + Double.ulpOfOne >= settings.minGain else { return appendLeaf(statistics, depth: frame.depth) }

        let threshold = rows.threshold(feature, split, start: frame.start, depth: frame.depth)
        let node = tree.appendSplit(feature: feature, threshold: threshold)
        importances[feature] += nodeWeight * frame.impurity - leftWeight * leftImpurity - rightWeight * rightImpurity

        let middle = frame.start + leftCount
        let leftLeaf = isLeaf(count: leftCount, impurity: leftImpurity, depth: frame.depth + 1)
        let rightLeaf = isLeaf(count: frame.end - middle, impurity: rightImpurity, depth: frame.depth + 1)
        if !(leftLeaf && rightLeaf) { splitLists(frame, leftCount: leftCount, constants: constants) }
        frames.append(Frame(start: middle, end: frame.end, depth: frame.depth + 1, rightOf: node,
                            knownConstants: constants, impurity: rightImpurity))
        frameStatistics.append(contentsOf: UnsafeBufferPointer(start: right, count: width))
        frames.append(Frame(start: frame.start, end: middle, depth: frame.depth + 1, rightOf: -1,
                            knownConstants: constants, impurity: leftImpurity))
        frameStatistics.append(contentsOf: UnsafeBufferPointer(start: left, count: width))
    }

    /// sklearn's stopping rules, before any split is searched.
    private func isLeaf(count: Int, impurity: Double, depth: Int) -> Bool {
        depth >= settings.maxDepth || count < settings.minSplit || count < 2 * settings.minLeaf
            || impurity <= Double.ulpOfOne
    }

    private func appendLeaf(_ statistics: UnsafePointer<Double>, depth: Int) {
        let outputs = problem.outputs
        withUnsafeTemporaryAllocation(of: Double.self, capacity: outputs) { values in
            if problem.isClassification {
                var sum = 0.0
                for k in 0..<outputs { sum += statistics[k] }
                for k in 0..<outputs { values[k] = statistics[k] / sum }
            } else {
                values[0] = statistics[1] / statistics[0]
            }
            tree.appendLeaf(UnsafeBufferPointer(values), depth: depth)
        }
    }

    private func weight(of statistics: UnsafePointer<Double>) -> Double {
        problem.isClassification ? statistics[classCount] : statistics[0]
    }

    private func weight(of statistics: [Double]) -> Double {
        statistics.withUnsafeBufferPointer { weight(of: $0.baseAddress!) }
    }
}

// MARK: - Split search

extension TreeGrower {
    /// The best split over the features drawn for this node: (feature, split, the number of
    /// features now known to be constant), or nil when no split is possible.
    private func bestSplit(_ frame: Frame, statistics: UnsafePointer<Double>) -> (Int, SplitCandidate, Int)? {
        let (drawn, constants) = drawFeatures(frame)
        guard drawn > 0 else { return nil }
        let count = frame.end - frame.start
        let context = ScanContext(pairs: UnsafePointer(rows.pairs(depth: frame.depth)), totals: statistics, classCount: classCount,
                                  minLeaf: settings.minLeaf, criterion: settings.criterion,
                                  isClassification: problem.isClassification)
        let scan = { (i: Int) -> SplitCandidate? in
            self.rows.bestSplit(self.candidates[i], start: frame.start, end: frame.end, depth: frame.depth, context)
        }
        let found = useBothCores && count * drawn >= 1 << 16 ? Parallel.map(drawn, scan) : (0..<drawn).map(scan)
        var best: (feature: Int, candidate: SplitCandidate)?
        for i in 0..<drawn {
            guard let candidate = found[i] else { continue }
            let feature = candidates[i]
            if let current = best, !(candidate.proxy > current.candidate.proxy
                                     || (candidate.proxy == current.candidate.proxy && feature < current.feature)) {
                continue
            }
            best = (feature, candidate)
        }
        guard let best else { return nil }
        return (best.feature, best.candidate, constants)
    }

    /// sklearn's feature draw: features are visited in random order without replacement until
    /// `featuresPerSplit` have been visited and at least one was not constant. Visiting a
    /// feature known to be constant counts but costs nothing; one newly found constant moves to
    /// the constant prefix of `featureOrder`. With every feature allowed, nothing is drawn and
    /// ties go to the lowest feature index.
    private func drawFeatures(_ frame: Frame) -> (drawn: Int, constants: Int) {
        let known = frame.knownConstants
        let drawAll = settings.featuresPerSplit >= featureCount
        var knownLeft = known, found = 0, end = featureCount, visited = 0, drawn = 0
        while end > known + found && (visited < settings.featuresPerSplit || drawn == 0) {
            visited += 1
            var offset = 0
            if !drawAll {
                offset = generator.nextInt(below: knownLeft + end - known - found)
                if offset < knownLeft {
                    knownLeft -= 1
                    continue
                }
                offset -= knownLeft
            }
            let position = known + found + offset
            let feature = featureOrder[position]
            if isConstant(feature, frame) {
                featureOrder.swapAt(position, known + found)
                found += 1
            } else {
                end -= 1
                featureOrder.swapAt(position, end)
                candidates[drawn] = feature
                drawn += 1
            }
        }
        return (drawn, known + found)
    }

    private func isConstant(_ feature: Int, _ frame: Frame) -> Bool {
        rows.isConstant(feature, start: frame.start, end: frame.end, depth: frame.depth)
    }
}

// MARK: - Rows

extension TreeGrower {
    /// The root's statistics, summed in row order as sklearn does.
    private func rootStatistics() -> [Double] {
        var statistics = [Double](repeating: 0, count: width)
        statistics.withUnsafeMutableBufferPointer { buffer in
            for position in 0..<rows.count { rows.add(position: position, depth: 0, to: buffer.baseAddress!) }
        }
        return statistics
    }

    /// Marks which rows go left and sums the two children's statistics (the right ones as the
    /// node's minus the left ones, as sklearn does).
    private func childStatistics(feature: Int, _ split: SplitCandidate, frame: Frame, statistics: UnsafePointer<Double>,
                                 left: UnsafeMutablePointer<Double>, right: UnsafeMutablePointer<Double>) {
        left.initialize(repeating: 0, count: width)
        rows.markLeft(feature: feature, split, start: frame.start, end: frame.end, depth: frame.depth, left: left)
        for k in 0..<width { right[k] = statistics[k] - left[k] }
    }

    /// Splits the lists children may still read: not those of features known to be constant
    /// (binned features have none).
    private func splitLists(_ frame: Frame, leftCount: Int, constants: Int) {
        var slots: [Int] = []
        for position in constants..<featureCount {
            if case .list(let slot) = rows.layout(featureOrder[position]) { slots.append(slot) }
        }
        rows.split(start: frame.start, end: frame.end, depth: frame.depth, leftCount: leftCount, slots: slots)
    }
}

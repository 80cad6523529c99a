/// The rows one tree learns from, kept in node order, with one value-sorted list per list
/// feature (binned features need none: see `PresortedFeatures`).
///
/// A node owns the positions `start..<end`: its rows' (weight, …) pairs sit there contiguously,
/// and every list holds exactly those positions in that range, in value order, as
/// `rank << 32 | position`. Splitting a node renumbers its rows (left ones first, both sides
/// keeping their order), moves their pairs, and splits every list stably in two. Renumbering
/// costs a little per split but keeps every later access inside the node's own small block of
/// memory, which is what makes the scans fast once nodes fit in the cache.
///
/// Lists and pairs are double-buffered by depth: a node at an even depth reads buffer 0 and
/// writes its children into buffer 1, and the other way round, so every entry is written once.
final class TreeRows {
    /// Rows with a positive weight.
    let count: Int
    let featureCount: Int
    let isClassification: Bool
    let classCount: Int
    private let problem: TreeProblem
    private let presorted: PresortedFeatures
    /// Two buffers of `listCount × count` entries.
    private let lists: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>)
    /// Two buffers of two numbers per position: (w, w·y) for two classes and for numbers,
    /// (w, class) for more classes; the pairs are all a scan reads.
    private let pairBuffers: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
    /// Two buffers of the class index or the target of each position.
    private let valueBuffers: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
    /// Two buffers of the matrix row of each position.
    private let rowBuffers: (UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<UInt32>)
    private let goesLeft: UnsafeMutablePointer<UInt8>
    private let newPosition: UnsafeMutablePointer<UInt32>
    /// How many lists may be split at once.
    let workers: Int

    static let positionMask = PresortedFeatures.indexMask

    init(problem: TreeProblem, presorted: PresortedFeatures, rowWeights: [Double], workers: Int) {
        count = rowWeights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        featureCount = problem.x.columns
        isClassification = problem.isClassification
        classCount = problem.isClassification ? problem.outputs : 0
        self.problem = problem
        self.presorted = presorted
        self.workers = workers
        let listEntries = presorted.listCount * count
        lists = (.allocate(capacity: listEntries), .allocate(capacity: listEntries))
        pairBuffers = (.allocate(capacity: 2 * count), .allocate(capacity: 2 * count))
        valueBuffers = (.allocate(capacity: count), .allocate(capacity: count))
        rowBuffers = (.allocate(capacity: count), .allocate(capacity: count))
        goesLeft = .allocate(capacity: count)
        newPosition = .allocate(capacity: count)
        fillLists(presorted, used: fillRows(rowWeights: rowWeights))
    }

    deinit {
        lists.0.deallocate()
        lists.1.deallocate()
        for buffer in [rowBuffers.0, rowBuffers.1, newPosition] { buffer.deallocate() }
        for buffer in [pairBuffers.0, pairBuffers.1, valueBuffers.0, valueBuffers.1] { buffer.deallocate() }
        goesLeft.deallocate()
    }

    /// How `feature` is kept.
    @inline(__always)
    func layout(_ feature: Int) -> PresortedFeatures.Layout { presorted.layouts[feature] }

    /// The list in `slot` for nodes at `depth`.
    @inline(__always)
    func list(slot: Int, depth: Int) -> UnsafeMutablePointer<UInt64> {
        (depth & 1 == 0 ? lists.0 : lists.1) + slot * count
    }

    /// The pairs of every position for nodes at `depth`.
    @inline(__always)
    func pairs(depth: Int) -> UnsafeMutablePointer<Double> { depth & 1 == 0 ? pairBuffers.0 : pairBuffers.1 }

    @inline(__always)
    private func values(depth: Int) -> UnsafeMutablePointer<Double> { depth & 1 == 0 ? valueBuffers.0 : valueBuffers.1 }

    /// The matrix row of every position for nodes at `depth`.
    @inline(__always)
    func rowNumbers(depth: Int) -> UnsafeMutablePointer<UInt32> { depth & 1 == 0 ? rowBuffers.0 : rowBuffers.1 }

    /// Positions follow row order, so the root's sums run in row order as sklearn's do.
    private func fillRows(rowWeights: [Double]) -> RowPositions {
        let pairs = pairBuffers.0, values = valueBuffers.0, rowNumbers = rowBuffers.0
        var used = RowPositions(rows: problem.x.rows)
        var position = 0
        for row in 0..<problem.x.rows where rowWeights[row] > 0 {
            let weight = rowWeights[row]
            let value = isClassification ? Double(problem.labels[row]) : problem.targets[row]
            pairs[2 * position] = weight
            pairs[2 * position + 1] = isClassification && classCount != 2 ? value : weight * value
            values[position] = value
            rowNumbers[position] = UInt32(truncatingIfNeeded: row)
            used.mark(row)
            position += 1
        }
        used.countBefore()
        return used
    }

    /// Keeps each presorted list's entries of used rows, in order, renamed to positions.
    /// Branch-free: every entry is written and the cursor moves only for used rows (the one
    /// spare slot written past a list's end belongs to the next list, or to `spare`).
    private func fillLists(_ presorted: PresortedFeatures, used: RowPositions) {
        let rowCount = presorted.rows
        let spare = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        defer { spare.deallocate() }
        used.bits.withUnsafeBufferPointer { bits in
            used.before.withUnsafeBufferPointer { before in
                for slot in 0..<presorted.listCount {
                    let source = presorted.list(slot: slot), target = list(slot: slot, depth: 0)
                    var kept = 0
                    for j in 0..<rowCount {
                        let entry = source[j]
                        let row = Int(truncatingIfNeeded: entry & Self.positionMask)
                        let word = bits[row >> 6], bit = UInt64(1) << UInt64(row & 63)
                        let position = UInt64(before[row >> 6]) + UInt64((word & (bit &- 1)).nonzeroBitCount)
                        (kept < count ? target + kept : spare).pointee = entry & ~Self.positionMask | position
                        kept &+= word & bit != 0 ? 1 : 0
                    }
                }
            }
        }
    }

    /// Whether `feature` has one value in the node: a list's first and last entries share a
    /// rank, or every row falls in one bin.
    func isConstant(_ feature: Int, start: Int, end: Int, depth: Int) -> Bool {
        switch layout(feature) {
        case .list(let slot):
            let entries = list(slot: slot, depth: depth)
            return entries[start] >> 32 == entries[end - 1] >> 32
        case .bins(let slot):
            let codes = presorted.codes(slot: slot), rows = rowNumbers(depth: depth)
            let first = codes[Int(rows[start])]
            for position in (start + 1)..<max(start + 1, end) where codes[Int(rows[position])] != first { return false }
            return true
        }
    }

    /// The best split of `feature` in the node.
    func bestSplit(_ feature: Int, start: Int, end: Int, depth: Int, _ context: ScanContext) -> SplitCandidate? {
        switch layout(feature) {
        case .list(let slot):
            return SplitScan.best(list(slot: slot, depth: depth) + start, count: end - start, context)
        case .bins(let slot):
            let node = BinnedSplitScan.Node(start: start, end: end, rowOf: rowNumbers(depth: depth),
                                            codes: presorted.codes(slot: slot), binCount: presorted.values[slot].count)
            return BinnedSplitScan.best(node, context)
        }
    }

    /// The threshold of a split of `feature` at the node starting at `start`.
    func threshold(_ feature: Int, _ split: SplitCandidate, start: Int, depth: Int) -> Double {
        switch layout(feature) {
        case .list(let slot):
            let index = start + split.leftCount
            let entries = list(slot: slot, depth: depth), rows = rowNumbers(depth: depth)
            let lower = Int(rows[Int(entries[index - 1] & Self.positionMask)])
            let upper = Int(rows[Int(entries[index] & Self.positionMask)])
            return PresortedFeatures.threshold(lower: problem.x[lower, feature], upper: problem.x[upper, feature])
        case .bins(let slot):
            let values = presorted.values[slot], bins = split.bins ?? (0, 0)
            return PresortedFeatures.threshold(lower: values[bins.lower], upper: values[bins.upper])
        }
    }

    /// Adds the row at `position` to a node's statistics: class totals and weight, or weight,
    /// Σw·y and Σw·y² (computed as sklearn does, (w·y)·y).
    @inline(__always)
    func add(position: Int, depth: Int, to statistics: UnsafeMutablePointer<Double>) {
        let weight = pairs(depth: depth)[2 * position], value = values(depth: depth)[position]
        if isClassification {
            statistics[Int(value)] += weight
            statistics[classCount] += weight
        } else {
            statistics[0] += weight
            statistics[1] += weight * value
            statistics[2] += weight * value * value
        }
    }

    /// Marks the rows the split sends left and sums their statistics into `left` (which must
    /// start at zero): the first `leftCount` of a list, or the rows in bins up to the split's.
    /// (With whole-number weights the order of these sums cannot change them; with fractional
    /// class weights they may differ from the list order's in the last bit.)
    func markLeft(feature: Int, _ split: SplitCandidate, start: Int, end: Int, depth: Int,
                  left: UnsafeMutablePointer<Double>) {
        switch layout(feature) {
        case .list(let slot):
            let entries = list(slot: slot, depth: depth) + start
            for i in 0..<(end - start) {
                let position = Int(truncatingIfNeeded: entries[i] & Self.positionMask)
                goesLeft[position] = i < split.leftCount ? 1 : 0
                if i < split.leftCount { add(position: position, depth: depth, to: left) }
            }
        case .bins(let slot):
            let codes = presorted.codes(slot: slot), rows = rowNumbers(depth: depth)
            let lastLeft = split.bins?.lower ?? 0
            for position in start..<end {
                let isLeft = Int(codes[Int(rows[position])]) <= lastLeft
                goesLeft[position] = isLeft ? 1 : 0
                if isLeft { add(position: position, depth: depth, to: left) }
            }
        }
    }

    /// Renumbers the node's rows, left ones first, into the children's buffers and splits the
    /// lists in `slots` there.
    func split(start: Int, end: Int, depth: Int, leftCount: Int, slots: [Int]) {
        renumber(start: start, end: end, depth: depth, leftCount: leftCount)
        let size = end - start
        let groups = workers > 1 && size * slots.count >= 1 << 16 ? min(workers, slots.count) : 1
        let work = { (group: Int) in
            var i = group
            while i < slots.count {
                self.splitList(slot: slots[i], start: start, end: end, depth: depth, leftCount: leftCount)
                i += groups
            }
        }
        if groups > 1 { _ = Parallel.map(groups, work) } else { work(0) }
    }

    private func renumber(start: Int, end: Int, depth: Int, leftCount: Int) {
        let sourcePairs = pairs(depth: depth), targetPairs = pairs(depth: depth + 1)
        let sourceValues = values(depth: depth), targetValues = values(depth: depth + 1)
        let sourceRows = rowNumbers(depth: depth), targetRows = rowNumbers(depth: depth + 1)
        var nextLeft = start, nextRight = start + leftCount
        for position in start..<end {
            let isLeft = Int(goesLeft[position])
            let renumbered = isLeft == 1 ? nextLeft : nextRight
            newPosition[position] = UInt32(truncatingIfNeeded: renumbered)
            nextLeft &+= isLeft
            nextRight &+= 1 &- isLeft
            targetPairs[2 * renumbered] = sourcePairs[2 * position]
            targetPairs[2 * renumbered + 1] = sourcePairs[2 * position + 1]
            targetValues[renumbered] = sourceValues[position]
            targetRows[renumbered] = sourceRows[position]
        }
    }

    /// A stable split of one list into the children's buffer: each entry, renamed to its new
    /// position, is written once, through whichever cursor its side has (selected without a
    /// branch: the side of consecutive entries is a coin toss for the branch predictor).
    private func splitList(slot: Int, start: Int, end: Int, depth: Int, leftCount: Int) {
        let source = list(slot: slot, depth: depth) + start
        var left = list(slot: slot, depth: depth + 1) + start
        var right = left + leftCount
        let middle = UInt32(truncatingIfNeeded: start + leftCount)
        for i in 0..<(end - start) {
            let entry = source[i]
            let renumbered = newPosition[Int(truncatingIfNeeded: entry & Self.positionMask)]
            let isLeft = renumbered < middle
            (isLeft ? left : right).pointee = entry & ~Self.positionMask | UInt64(renumbered)
            left += isLeft ? 1 : 0
            right += isLeft ? 0 : 1
        }
    }
}

/// Which rows a tree uses and their positions, as bits and a count of used rows before each
/// word: small enough (an eighth of a byte per row) to stay in the cache while every presorted
/// list is filtered, where a table of positions would not.
private struct RowPositions {
    var bits: [UInt64]
    var before: [UInt32]

    init(rows: Int) {
        bits = [UInt64](repeating: 0, count: (rows + 63) / 64)
        before = []
    }

    mutating func mark(_ row: Int) { bits[row >> 6] |= 1 << UInt64(row & 63) }

    mutating func countBefore() {
        var total: UInt32 = 0
        before = bits.map { word in
            defer { total &+= UInt32(word.nonzeroBitCount) }
            return total
        }
    }
}

/// The rows one tree learns from, kept in node order, with one value-sorted list per feature.
///
/// A node owns the positions `start..<end`: its rows' (weight, …) pairs sit there contiguously,
/// and every feature's list holds exactly those positions in that range, in value order, as
/// `rank << 32 | position`. Splitting a node renumbers its rows (left ones first, both sides
/// keeping their order), moves their pairs, and splits every list stably in two. Renumbering
/// costs a little per split but keeps every later access inside the node's own small block of
/// memory, which is what makes the scans fast once nodes fit in the cache.
final class TreeRows {
    /// Rows with a positive weight.
    let count: Int
    let featureCount: Int
    let isClassification: Bool
    let classCount: Int
    /// `featureCount × count` entries.
    let lists: UnsafeMutablePointer<UInt64>
    /// Two numbers per position: (w, w·y) for two classes and for numbers, (w, class) for more.
    let pairs: UnsafeMutablePointer<Double>
    /// The class index or the target of each position.
    let values: UnsafeMutablePointer<Double>
    private let goesLeft: UnsafeMutablePointer<UInt8>
    private let newPosition: UnsafeMutablePointer<UInt32>
    private let moved: UnsafeMutablePointer<Double>
    private let listScratch: UnsafeMutablePointer<UInt64>
    /// How many lists may be split at once (one scratch list each).
    let workers: Int

    static let positionMask: UInt64 = 0xFFFF_FFFF

    init(problem: TreeProblem, presorted: PresortedFeatures, rowWeights: [Double], workers: Int) {
        let rows = problem.x.rows
        count = rowWeights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        featureCount = problem.x.columns
        isClassification = problem.isClassification
        classCount = problem.isClassification ? problem.outputs : 0
        self.workers = workers
        lists = .allocate(capacity: featureCount * count)
        pairs = .allocate(capacity: 2 * count)
        values = .allocate(capacity: count)
        goesLeft = .allocate(capacity: count)
        newPosition = .allocate(capacity: count)
        moved = .allocate(capacity: 3 * count)
        listScratch = .allocate(capacity: workers * count)
        let positionOfRow = fillPairs(problem, rowWeights: rowWeights, rows: rows)
        fillLists(presorted, positionOfRow: positionOfRow)
    }

    deinit {
        lists.deallocate()
        pairs.deallocate()
        values.deallocate()
        goesLeft.deallocate()
        newPosition.deallocate()
        moved.deallocate()
        listScratch.deallocate()
    }

    func list(_ feature: Int) -> UnsafeMutablePointer<UInt64> { lists + feature * count }

    /// Positions follow row order, so the root's sums run in row order as sklearn's do.
    private func fillPairs(_ problem: TreeProblem, rowWeights: [Double], rows: Int) -> [UInt32] {
        var positionOfRow = [UInt32](repeating: UInt32.max, count: rows)
        var position = 0
        for row in 0..<rows where rowWeights[row] > 0 {
            let weight = rowWeights[row]
            let value = isClassification ? Double(problem.labels[row]) : problem.targets[row]
            pairs[2 * position] = weight
            pairs[2 * position + 1] = isClassification && classCount != 2 ? value : weight * value
            values[position] = value
            positionOfRow[row] = UInt32(truncatingIfNeeded: position)
            position += 1
        }
        return positionOfRow
    }

    /// Keeps each presorted list's entries of used rows, in order, renamed to positions.
    private func fillLists(_ presorted: PresortedFeatures, positionOfRow: [UInt32]) {
        let rows = presorted.rows
        presorted.entries.withUnsafeBufferPointer { all in
            positionOfRow.withUnsafeBufferPointer { positions in
                for feature in 0..<featureCount {
                    let source = all.baseAddress! + feature * rows, target = list(feature)
                    var kept = 0
                    for j in 0..<rows {
                        let entry = source[j]
                        let position = positions[Int(truncatingIfNeeded: entry & Self.positionMask)]
                        if position != UInt32.max {
                            target[kept] = entry & ~Self.positionMask | UInt64(position)
                            kept += 1
                        }
                    }
                }
            }
        }
    }

    /// Adds the row at `position` to a node's statistics: class totals and weight, or weight,
    /// Σw·y and Σw·y² (computed as sklearn does, (w·y)·y).
    @inline(__always)
    func add(position: Int, to statistics: UnsafeMutablePointer<Double>) {
        let weight = pairs[2 * position]
        if isClassification {
            statistics[Int(values[position])] += weight
            statistics[classCount] += weight
        } else {
            let weighted = weight * values[position]
            statistics[0] += weight
            statistics[1] += weighted
            statistics[2] += weighted * values[position]
        }
    }

    /// Marks the first `leftCount` rows of `feature`'s list in the node as going left and sums
    /// their statistics into `left` (which must start at zero).
    func markLeft(feature: Int, start: Int, end: Int, leftCount: Int, left: UnsafeMutablePointer<Double>) {
        let entries = list(feature) + start
        for i in 0..<(end - start) {
            let position = Int(truncatingIfNeeded: entries[i] & Self.positionMask)
            goesLeft[position] = i < leftCount ? 1 : 0
            if i < leftCount { add(position: position, to: left) }
        }
    }

    /// Renumbers the node's rows, left ones first, and splits the lists of `features` (the
    /// split feature's list is already in the right order and only needs renumbering).
    func split(start: Int, end: Int, leftCount: Int, splitFeature: Int, features: [Int]) {
        renumber(start: start, end: end, leftCount: leftCount)
        let all = [splitFeature] + features
        let size = end - start
        let groups = workers > 1 && size * all.count >= 1 << 16 ? min(workers, all.count) : 1
        let work = { (group: Int) in
            var i = group
            while i < all.count {
                self.splitList(all[i], start: start, end: end, leftCount: leftCount,
                               scratch: self.listScratch + group * self.count)
                i += groups
            }
        }
        if groups > 1 { _ = Parallel.map(groups, work) } else { work(0) }
    }

    private func renumber(start: Int, end: Int, leftCount: Int) {
        var nextLeft = start, nextRight = start + leftCount
        for position in start..<end {
            let isLeft = Int(goesLeft[position])
            let target = isLeft == 1 ? nextLeft : nextRight
            newPosition[position] = UInt32(truncatingIfNeeded: target)
            nextLeft &+= isLeft
            nextRight &+= 1 &- isLeft
            moved[3 * (target - start)] = pairs[2 * position]
            moved[3 * (target - start) + 1] = pairs[2 * position + 1]
            moved[3 * (target - start) + 2] = values[position]
        }
        for i in 0..<(end - start) {
            pairs[2 * (start + i)] = moved[3 * i]
            pairs[2 * (start + i) + 1] = moved[3 * i + 1]
            values[start + i] = moved[3 * i + 2]
        }
    }

    /// A stable, branch-free split of one list: every entry, renamed to its new position, is
    /// written to both sides and only the cursor of its own side moves.
    private func splitList(_ feature: Int, start: Int, end: Int, leftCount: Int, scratch: UnsafeMutablePointer<UInt64>) {
        let entries = list(feature) + start
        let middle = UInt32(truncatingIfNeeded: start + leftCount)
        var left = 0, right = 0
        for i in 0..<(end - start) {
            let entry = entries[i]
            let renumbered = newPosition[Int(truncatingIfNeeded: entry & Self.positionMask)]
            let renamed = entry & ~Self.positionMask | UInt64(renumbered)
            let isLeft = renumbered < middle ? 1 : 0
            entries[left] = renamed
            scratch[right] = renamed
            left &+= isLeft
            right &+= 1 &- isLeft
        }
        (entries + left).update(from: scratch, count: right)
    }
}

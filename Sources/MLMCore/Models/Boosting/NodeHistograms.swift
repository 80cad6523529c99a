import CMemoryHints

/// A row's gradient and hessian side by side, so one load fetches both (`[g, h]`).
typealias GradientPair = SIMD2<Double>

/// Gradient histograms of tree nodes: per input and bin the sums of gradients, hessians and rows,
/// stored as four doubles per bin (`[g, h, count, unused]`) over all inputs' bins. The unused
/// fourth keeps each bin's `[g, h]` pair inside one 16-byte-aligned half of a 32-byte block: a
/// pair straddling two cache lines is slower to load and store, and bins are updated many millions
/// of times per tree.
///
/// A histogram is built only for the smaller child of a split; the larger child's is the parent's
/// minus the smaller's, computed in the parent's slot (histogram subtraction). Slots are reused.
final class NodeHistograms {
    static let stride = 4
    private static let binBytes = stride * MemoryLayout<Double>.stride
    let binned: BinnedMatrix
    let slotSize: Int
    private var storage: [UnsafeMutablePointer<Double>] = []
    private var free: [Int] = []
    /// Slots are refused beyond this many (memory cap); a leaf without one is rebuilt when split.
    let maxSlots: Int
    /// Rows per bin over all rows, per input once known: a tree grown on all rows has the same
    /// root counts as the last, so its root histogram sums only gradients and copies the counts.
    private var allRowCounts: [Double]
    private var allRowCountsKnown: [Bool]

    init(binned: BinnedMatrix, maxLeaves: Int) {
        self.binned = binned
        slotSize = binned.totalBins * Self.stride
        let budget = 1 << 30 // bytes
        maxSlots = max(2, min(maxLeaves + 1, budget / max(1, slotSize * 8)))
        allRowCounts = [Double](repeating: 0, count: binned.totalBins)
        allRowCountsKnown = [Bool](repeating: false, count: binned.featureCount)
    }

    deinit { for slot in storage { UnsafeMutableRawPointer(slot).deallocate() } }

    func pointer(_ slot: Int) -> UnsafeMutablePointer<Double> { storage[slot] }

    /// The sums of one bin of an input's histogram (`hist` points at the input's first bin).
    @inline(__always) static func stats(_ hist: UnsafePointer<Double>, bin: Int) -> GradientStats {
        let at = bin &* stride
        return GradientStats(g: hist[at], h: hist[at &+ 1], count: hist[at &+ 2])
    }

    /// A free slot, or nil when the memory cap is reached.
    func acquire() -> Int? {
        if let slot = free.popLast() { return slot }
        guard storage.count < maxSlots else { return nil }
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: slotSize * 8, alignment: 64)
        storage.append(bytes.bindMemory(to: Double.self, capacity: slotSize))
        return storage.count - 1
    }

    func release(_ slot: Int?) {
        if let slot { free.append(slot) }
    }

    /// Fills `slot` for the used inputs from the node's rows (`rows` nil: every row in order),
    /// reading each row's gradient pair at `gradients[row]`.
    ///
    /// Rows are walked once and each row's bin codes (one cache line in the row-major matrix) feed
    /// every input's histogram: a node's rows are scattered over the table, and reading them row by
    /// row costs one memory access per row instead of one per row and input. For big nodes the
    /// inputs are split into one contiguous group per core; every input's histogram is still
    /// summed by one worker in row order, so the result does not depend on the number of cores.
    func build(into slot: Int, rows: UnsafePointer<Int32>?, count: Int, gradients: UnsafePointer<GradientPair>,
               features: [Int]) {
        let target = SendablePointer(storage[slot])
        let groups = count * features.count >= 100_000 ? min(features.count, Parallel.coreCount) : 1
        let countsKnown = rows == nil && features.allSatisfy { allRowCountsKnown[$0] }
        binned.rowCodes.withUnsafeBufferPointer { codes in
            let context = BuildContext(codes: codes.baseAddress!, width: binned.featureCount, rows: rows, count: count,
                                       gradients: gradients, target: target.pointer, countRows: !countsKnown)
            let job = { (group: Int) -> Bool in
                let range = (features.count * group / groups)..<(features.count * (group + 1) / groups)
                self.accumulate(Array(features[range]), context)
                return true
            }
            if groups == 1 { _ = job(0) } else { _ = Parallel.map(groups, job) }
        }
        if rows == nil { copyAllRowCounts(slot, features, known: countsKnown) }
    }

    /// After a build over all rows: the counts it summed are kept, or the kept ones written in.
    private func copyAllRowCounts(_ slot: Int, _ features: [Int], known: Bool) {
        let hist = storage[slot]
        for feature in features {
            for bin in binned.binOffsets[feature]..<binned.binOffsets[feature + 1] {
                if known { hist[bin * Self.stride + 2] = allRowCounts[bin] } else { allRowCounts[bin] = hist[bin * Self.stride + 2] }
            }
            allRowCountsKnown[feature] = true
        }
    }

    /// What every group's histograms are built from, shared read-only by the workers.
    private struct BuildContext {
        let codes: UnsafePointer<UInt8>
        let width: Int
        let rows: UnsafePointer<Int32>?
        let count: Int
        let gradients: UnsafePointer<GradientPair>
        let target: UnsafeMutablePointer<Double>
        /// False when the counts are filled in afterwards (`copyAllRowCounts`).
        let countRows: Bool
    }

    private static let prefetchDistance = 16

    /// Zeroes and fills the histograms of `features`.
    private func accumulate(_ features: [Int], _ c: BuildContext) {
        // Byte offset of each input's histogram: the bin of code `c` starts `c * binBytes` later.
        var starts: [Int] = []
        for feature in features {
            let first = binned.binOffsets[feature] * Self.stride
            (c.target + first).initialize(repeating: 0, count: binned.layouts[feature].binCount * Self.stride)
            starts.append(first * MemoryLayout<Double>.stride)
        }
        let contiguous = features.last.map { $0 - features[0] == features.count - 1 } ?? true
        features.withUnsafeBufferPointer { features in
            starts.withUnsafeBufferPointer { starts in
                let hist = UnsafeMutableRawPointer(c.target)
                let m = features.count, firstFeature = features.first ?? 0
                for i in 0..<c.count {
                    let row: Int
                    if let rows = c.rows {
                        row = Int(rows[i])
                        // A few rows ahead, so their lines arrive while this row is summed.
                        let ahead = Int(rows[min(i &+ Self.prefetchDistance, c.count &- 1)])
                        mlm_prefetch(c.gradients + ahead)
                        mlm_prefetch(c.codes + ahead &* c.width)
                    } else {
                        row = i
                    }
                    let pair = c.gradients[row]
                    let line = c.codes + row &* c.width
                    // Four loops rather than tests inside the innermost one.
                    switch (contiguous, c.countRows) {
                    case (true, true):
                        let codes = line + firstFeature
                        for j in 0..<m { Self.add(pair, to: hist + Self.byteOffset(starts[j], codes[j])) }
                    case (true, false):
                        let codes = line + firstFeature
                        for j in 0..<m { Self.addSums(pair, to: hist + Self.byteOffset(starts[j], codes[j])) }
                    case (false, true):
                        for j in 0..<m { Self.add(pair, to: hist + Self.byteOffset(starts[j], line[features[j]])) }
                    case (false, false):
                        for j in 0..<m { Self.addSums(pair, to: hist + Self.byteOffset(starts[j], line[features[j]])) }
                    }
                }
            }
        }
    }

    @inline(__always) private static func byteOffset(_ start: Int, _ code: UInt8) -> Int {
        start &+ Int(code) &* binBytes
    }

    /// One row into one bin: `[g, h] += pair`.
    @inline(__always) private static func addSums(_ pair: GradientPair, to bin: UnsafeMutableRawPointer) {
        bin.storeBytes(of: bin.load(as: GradientPair.self) + pair, as: GradientPair.self)
    }

    /// One row into one bin: `[g, h] += pair`, `count += 1`.
    @inline(__always) private static func add(_ pair: GradientPair, to bin: UnsafeMutableRawPointer) {
        addSums(pair, to: bin)
        bin.storeBytes(of: bin.load(fromByteOffset: 16, as: Double.self) + 1, toByteOffset: 16, as: Double.self)
    }

    /// `larger = parent − smaller` for the used inputs, written over the parent's slot.
    func subtract(parent: Int, smaller: Int, features: [Int]) {
        let p = storage[parent], s = storage[smaller]
        for feature in features {
            let start = binned.binOffsets[feature] * Self.stride
            let end = binned.binOffsets[feature + 1] * Self.stride
            for i in start..<end { p[i] -= s[i] }
        }
    }
}

/// Gradient histograms of tree nodes: per input and bin the sums of gradients, hessians and rows,
/// stored as three doubles per bin (`[g, h, count]`) over all inputs' bins.
///
/// A histogram is built only for the smaller child of a split; the larger child's is the parent's
/// minus the smaller's, computed in the parent's slot (histogram subtraction). Slots are reused.
final class NodeHistograms {
    static let stride = 3
    let binned: BinnedMatrix
    let slotSize: Int
    private var storage: [UnsafeMutablePointer<Double>] = []
    private var free: [Int] = []
    /// Slots are refused beyond this many (memory cap); a leaf without one is rebuilt when split.
    let maxSlots: Int

    init(binned: BinnedMatrix, maxLeaves: Int) {
        self.binned = binned
        slotSize = binned.totalBins * Self.stride
        let budget = 1 << 30 // bytes
        maxSlots = max(2, min(maxLeaves + 1, budget / max(1, slotSize * 8)))
    }

    deinit { for slot in storage { slot.deallocate() } }

    func pointer(_ slot: Int) -> UnsafeMutablePointer<Double> { storage[slot] }

    /// A free slot, or nil when the memory cap is reached.
    func acquire() -> Int? {
        if let slot = free.popLast() { return slot }
        guard storage.count < maxSlots else { return nil }
        storage.append(UnsafeMutablePointer<Double>.allocate(capacity: slotSize))
        return storage.count - 1
    }

    func release(_ slot: Int?) {
        if let slot { free.append(slot) }
    }

    /// Fills `slot` for the used inputs from the node's rows. `rows` nil means every row
    /// `0..<binned.rows` in order with gradients indexed by row; otherwise `gradients`/`hessians`
    /// are already gathered in the order of `rows`.
    func build(into slot: Int, rows: UnsafeBufferPointer<Int32>?, count: Int,
               gradients: UnsafePointer<Double>, hessians: UnsafePointer<Double>, features: [Int]) {
        let target = SendablePointer(storage[slot])
        let n = binned.rows
        let work = count * features.count
        let chunks = work >= 60_000 ? min(features.count, Parallel.coreCount * 2) : 1
        binned.codes.withUnsafeBufferPointer { codes in
            let codeBase = codes.baseAddress!
            let job = { (chunk: Int) -> Bool in
                var i = chunk
                while i < features.count {
                    let feature = features[i]
                    let hist = target.pointer + self.binned.binOffsets[feature] * Self.stride
                    hist.initialize(repeating: 0, count: self.binned.layouts[feature].binCount * Self.stride)
                    let column = codeBase + feature * n
                    if let rows {
                        Self.accumulateGathered(hist, column, rows.baseAddress!, count, gradients, hessians)
                    } else {
                        Self.accumulateContiguous(hist, column, count, gradients, hessians)
                    }
                    i += chunks
                }
                return true
            }
            if chunks == 1 { _ = job(0) } else { _ = Parallel.map(chunks, job) }
        }
    }

    @inline(__always)
    private static func accumulateContiguous(_ hist: UnsafeMutablePointer<Double>, _ column: UnsafePointer<UInt8>, _ count: Int,
                                             _ g: UnsafePointer<Double>, _ h: UnsafePointer<Double>) {
        for i in 0..<count {
            let b = Int(column[i]) &* 3
            hist[b] += g[i]
            hist[b &+ 1] += h[i]
            hist[b &+ 2] += 1
        }
    }

    @inline(__always)
    private static func accumulateGathered(_ hist: UnsafeMutablePointer<Double>, _ column: UnsafePointer<UInt8>,
                                           _ rows: UnsafePointer<Int32>, _ count: Int,
                                           _ g: UnsafePointer<Double>, _ h: UnsafePointer<Double>) {
        for i in 0..<count {
            let b = Int(column[Int(rows[i])]) &* 3
            hist[b] += g[i]
            hist[b &+ 1] += h[i]
            hist[b &+ 2] += 1
        }
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

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
    /// are already gathered in the order of `rows`. Inputs are spread over the cores when the node
    /// is big enough to repay waking them.
    func build(into slot: Int, rows: UnsafeBufferPointer<Int32>?, count: Int,
               gradients: UnsafePointer<Double>, hessians: UnsafePointer<Double>, features: [Int]) {
        let target = SendablePointer(storage[slot])
        let work = count * features.count
        let chunks = work >= 250_000 ? min(features.count, Parallel.coreCount * 2) : 1
        binned.codes.withUnsafeBufferPointer { codes in
            let context = BuildContext(codes: codes.baseAddress!, rows: rows?.baseAddress, count: count,
                                       g: gradients, h: hessians, target: target.pointer)
            let job = { (chunk: Int) -> Bool in
                var i = chunk
                while i < features.count {
                    self.buildFeature(features[i], context)
                    i += chunks
                }
                return true
            }
            if chunks == 1 { _ = job(0) } else { _ = Parallel.map(chunks, job) }
        }
    }

    /// What every input's histogram is built from, shared read-only by the workers.
    private struct BuildContext {
        let codes: UnsafePointer<UInt8>
        let rows: UnsafePointer<Int32>?
        let count: Int
        let g: UnsafePointer<Double>
        let h: UnsafePointer<Double>
        let target: UnsafeMutablePointer<Double>
    }

    /// Inputs with few bins (yes/no flags, small categories) put consecutive rows in the same bin
    /// often, and each update would wait for the previous one: four interleaved partial
    /// histograms, summed at the end, keep those updates independent.
    private static let interleaveBelow = 64

    private func buildFeature(_ feature: Int, _ c: BuildContext) {
        let hist = c.target + binned.binOffsets[feature] * Self.stride
        let width = binned.layouts[feature].binCount * Self.stride
        let column = c.codes + feature * binned.rows
        guard width <= Self.interleaveBelow * Self.stride else {
            hist.initialize(repeating: 0, count: width)
            if let rows = c.rows {
                Self.accumulateGathered(hist, column, rows, c.count, c.g, c.h)
            } else {
                Self.accumulateContiguous(hist, column, c.count, c.g, c.h)
            }
            return
        }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * width) { partial in
            let base = partial.baseAddress!
            base.initialize(repeating: 0, count: 4 * width)
            Self.accumulateInterleaved(base, width, column, c.rows, c.count, c.g, c.h)
            for i in 0..<width { hist[i] = (base[i] + base[width + i]) + (base[2 * width + i] + base[3 * width + i]) }
        }
    }

    @inline(__always)
    private static func accumulateInterleaved(_ hist: UnsafeMutablePointer<Double>, _ width: Int, _ column: UnsafePointer<UInt8>,
                                              _ rows: UnsafePointer<Int32>?, _ count: Int,
                                              _ g: UnsafePointer<Double>, _ h: UnsafePointer<Double>) {
        let (h0, h1, h2, h3) = (hist, hist + width, hist + 2 * width, hist + 3 * width)
        var i = 0
        let bin = { (i: Int) -> Int in Int(column[rows.map { Int($0[i]) } ?? i]) &* 3 }
        while i + 4 <= count {
            let (b0, b1, b2, b3) = (bin(i), bin(i + 1), bin(i + 2), bin(i + 3))
            h0[b0] += g[i]; h0[b0 &+ 1] += h[i]; h0[b0 &+ 2] += 1
            h1[b1] += g[i + 1]; h1[b1 &+ 1] += h[i + 1]; h1[b1 &+ 2] += 1
            h2[b2] += g[i + 2]; h2[b2 &+ 1] += h[i + 2]; h2[b2 &+ 2] += 1
            h3[b3] += g[i + 3]; h3[b3 &+ 1] += h[i + 3]; h3[b3 &+ 2] += 1
            i += 4
        }
        while i < count {
            let b = bin(i)
            h0[b] += g[i]; h0[b &+ 1] += h[i]; h0[b &+ 2] += 1
            i += 1
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

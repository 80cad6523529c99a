/// Doubles as unsigned integers that sort in the same order, and a radix sort for them.
///
/// Ranking metrics run on a million scores; a radix sort of 64-bit keys is several
/// times faster than a comparison sort of doubles, and equal keys mean equal scores, which is
/// what grouping tied scores needs.
enum ScoreKeys {
    private static let signBit: UInt64 = 1 << 63

    /// The key of a score that is not NaN. `-0.0` gets the key of `0.0`, because the two are
    /// equal scores and must fall into the same threshold.
    @inline(__always) static func key(_ score: Double) -> UInt64 {
        let bits = (score + 0.0).bitPattern
        return bits & signBit != 0 ? ~bits : bits | signBit
    }

    @inline(__always) static func score(_ key: UInt64) -> Double {
        Double(bitPattern: key & signBit != 0 ? key & ~signBit : ~key)
    }

    /// Below this many keys a comparison sort wins over the radix passes' fixed costs.
    private static let radixMinimumCount = 512
    private static let digitBits: UInt64 = 11
    private static let bucketCount = 1 << 11
    private static let passCount = 6  // 6 × 11 bits cover all 64

    /// Sorts ascending by key, stably (equal keys keep their order), so rows carried along
    /// with their key stay in row order within a tie. Least-significant-digit radix sort with
    /// 11-bit digits; a pass whose digit is the same for every item (common: probabilities
    /// share their exponent bits) is skipped.
    static func sort<Item>(_ items: inout [Item], by key: (Item) -> UInt64) {
        guard items.count >= radixMinimumCount else {
            items.sort { key($0) < key($1) }  // the standard library's sort is stable
            return
        }
        let histograms = digitHistograms(items, key)
        var buffer = items
        var sortedIsInBuffer = false
        for pass in 0..<passCount {
            let counts = histograms[(pass * bucketCount)..<((pass + 1) * bucketCount)]
            if counts.contains(items.count) { continue }
            let shift = UInt64(pass) * digitBits
            if sortedIsInBuffer {
                scatter(from: buffer, into: &items, counts: counts, shift: shift, key)
            } else {
                scatter(from: items, into: &buffer, counts: counts, shift: shift, key)
            }
            sortedIsInBuffer.toggle()
        }
        if sortedIsInBuffer { items = buffer }
    }

    static func sort(_ keys: inout [UInt64]) {
        sort(&keys) { $0 }
    }

    /// The counts of every digit value for all passes, gathered in one read of the items.
    private static func digitHistograms<Item>(_ items: [Item], _ key: (Item) -> UInt64) -> [Int] {
        var histograms = [Int](repeating: 0, count: passCount * bucketCount)
        let mask = UInt64(bucketCount - 1)
        histograms.withUnsafeMutableBufferPointer { counts in
            items.withUnsafeBufferPointer { source in
                for item in source {
                    let itemKey = key(item)
                    for pass in 0..<passCount {
                        let digit = Int((itemKey >> (UInt64(pass) * digitBits)) & mask)
                        counts[pass * bucketCount + digit] += 1
                    }
                }
            }
        }
        return histograms
    }

    /// One stable counting-sort pass on the digit at `shift`.
    private static func scatter<Item>(from source: [Item], into target: inout [Item],
                                      counts: ArraySlice<Int>, shift: UInt64, _ key: (Item) -> UInt64) {
        var offsets = [Int](repeating: 0, count: bucketCount)
        var running = 0
        for (bucket, count) in counts.enumerated() {
            offsets[bucket] = running
            running += count
        }
        let mask = UInt64(bucketCount - 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            source.withUnsafeBufferPointer { source in
                target.withUnsafeMutableBufferPointer { target in
                    for item in source {
                        let digit = Int((key(item) >> shift) & mask)
                        target[offsets[digit]] = item
                        offsets[digit] += 1
                    }
                }
            }
        }
    }
}

/// Every input column sorted once per training run and shared by all trees of a forest.
///
/// For each feature the rows are listed in increasing value order, each packed with the dense
/// rank of its value as `rank << 32 | row`. A tree then never sorts: it keeps the entries of its
/// own rows and splits these lists stably at every node, and a split scan sees where the value
/// changes by comparing ranks inside the list instead of fetching values from all over the
/// matrix. (Four-byte entries with a "new value" bit were tried: keeping that bit right while
/// splitting a list costs more than the smaller lists save.)
struct PresortedFeatures: Sendable {
    let rows: Int
    let features: Int
    /// `features × rows` entries, feature after feature.
    let entries: [UInt64]

    static let indexMask: UInt64 = 0xFFFF_FFFF
    /// Row numbers must fit in 32 bits, with one value to spare as a marker.
    static let maximumRows = Int(UInt32.max) - 1

    init(_ x: FeatureMatrix) {
        rows = x.rows
        features = x.columns
        let n = x.rows
        entries = [UInt64](unsafeUninitializedCapacity: x.columns * n) { buffer, initialized in
            let base = buffer.baseAddress!
            x.values.withUnsafeBufferPointer { values in
                let columns = values.baseAddress!
                _ = Parallel.map(x.columns) { feature in
                    Self.sortColumn(columns + feature * n, count: n, into: base + feature * n)
                }
            }
            initialized = x.columns * n
        }
    }

    /// The split point between two neighbouring values, as sklearn places it: the midpoint,
    /// or the lower value when the midpoint rounds up to the upper one or is not finite
    /// (so `x <= threshold` still separates them).
    static func threshold(lower: Double, upper: Double) -> Double {
        let middle = lower / 2 + upper / 2
        return middle == upper || !middle.isFinite ? lower : middle
    }

    /// Writes one column's entries in value order; equal values (-0 and +0 too) share a rank.
    private static func sortColumn(_ column: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<UInt64>) {
        guard n > 0 else { return }
        let order = RadixOrder.ascending(column, count: n)
        var rank: UInt64 = 0
        var previous = column[Int(order[0])]
        for i in 0..<n {
            let row = order[i]
            let value = column[Int(row)]
            if value != previous {
                rank += 1
                previous = value
            }
            out[i] = rank << 32 | UInt64(row)
        }
    }
}

/// A stable least-significant-digit radix sort of doubles (six passes of 11 bits over an
/// order-preserving integer key), skipping passes in which every key has the same digit:
/// dummies and small integers sort in one or two passes.
enum RadixOrder {
    private static let digitBits = 11
    private static let buckets = 1 << digitBits
    private static let passes = 6

    /// Row numbers ordered by value; equal values keep row order, -0 sorts just before +0.
    static func ascending(_ column: UnsafePointer<Double>, count n: Int) -> [UInt32] {
        guard n > 0 else { return [] }
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        let rows = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: passes * buckets)
        defer { keys.deallocate(); rows.deallocate(); counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * buckets)
        for i in 0..<n {
            let key = orderedKey(column[i])
            keys[i] = key
            rows[i] = UInt32(truncatingIfNeeded: i)
            for pass in 0..<passes { counts[pass * buckets + digit(key, pass)] += 1 }
        }
        var source = 0, target = n
        for pass in 0..<passes where counts[pass * buckets + digit(keys[0], pass)] != n {
            scatter(pass: pass, counts: counts + pass * buckets, keys: keys, rows: rows,
                    from: source, to: target, count: n)
            swap(&source, &target)
        }
        return Array(UnsafeBufferPointer(start: rows + source, count: n))
    }

    private static func scatter(pass: Int, counts: UnsafeMutablePointer<Int>, keys: UnsafeMutablePointer<UInt64>,
                                rows: UnsafeMutablePointer<UInt32>, from source: Int, to target: Int, count n: Int) {
        var next = 0
        for bucket in 0..<buckets {
            let size = counts[bucket]
            counts[bucket] = next
            next += size
        }
        for i in 0..<n {
            let key = keys[source + i]
            let slot = target + counts[digit(key, pass)]
            counts[digit(key, pass)] += 1
            keys[slot] = key
            rows[slot] = rows[source + i]
        }
    }

    @inline(__always) private static func digit(_ key: UInt64, _ pass: Int) -> Int {
        Int(truncatingIfNeeded: (key >> UInt64(pass * digitBits)) & UInt64(buckets - 1))
    }

    /// Flips the sign bit of positives and every bit of negatives, so unsigned order is
    /// numeric order.
    @inline(__always) static func orderedKey(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}

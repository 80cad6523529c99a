/// A stable least-significant-digit radix sort of doubles (six passes of 11 bits over an
/// order-preserving integer key), skipping passes in which every key has the same digit:
/// dummies and small integers sort in one or two passes.
enum RadixOrder {
    private static let digitBits = 11
    private static let buckets = 1 << digitBits
    private static let passes = 6

    /// `values` in ascending order (they must not hold NaN): the same numbers a comparison sort
    /// gives, in linear time. Whole-column sorts dominated gradient boosting's binning and
    /// `describe`; quantile-based cleaning and feature steps sort columns too.
    static func sorted(_ values: [Double]) -> [Double] {
        guard values.count > 512 else { return values.sorted() }
        return values.withUnsafeBufferPointer { column in
            ascending(column.baseAddress!, count: column.count).map { column[Int($0)] }
        }
    }

    /// Row numbers ordered by value; equal values keep row order, -0 sorts just before +0.
    static func ascending(_ column: UnsafePointer<Double>, count n: Int) -> [UInt32] {
        guard n > 0 else { return [] }
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        defer { keys.deallocate() }
        for i in 0..<n { keys[i] = orderedKey(column[i]) }
        return ascending(keys: keys, count: n)
    }

    /// Positions 0..<n ordered by `keys[0..<n]`, equal keys in position order. `keys` must have
    /// room for 2 × n values; all of them are scratch space afterwards.
    static func ascending(keys: UnsafeMutablePointer<UInt64>, count n: Int) -> [UInt32] {
        guard n > 0 else { return [] }
        let rows = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: passes * buckets)
        defer { rows.deallocate(); counts.deallocate() }
        counts.initialize(repeating: 0, count: passes * buckets)
        for i in 0..<n {
            let key = keys[i]
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

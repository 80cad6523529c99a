/// Sorting of many doubles by their bits (least significant digit radix sort): linear in the
/// number of values where the standard library's comparison sort is not. Sorting whole columns
/// dominated gradient boosting's binning and `describe`; quantile-based cleaning and feature
/// steps sort columns too.
enum RadixSort {
    /// `values` in ascending order; they must not hold NaN.
    static func ascending(_ values: [Double]) -> [Double] {
        guard values.count > 512 else { return values.sorted() }
        let n = values.count
        // Keys that order like the numbers: negative numbers have every bit flipped (larger
        // magnitude, smaller key), positive numbers only the sign bit.
        var keys = values.map { value -> UInt64 in
            let bits = value.bitPattern
            return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        }
        var counts = [Int](repeating: 0, count: 8 * 256)
        for key in keys {
            for digit in 0..<8 { counts[digit << 8 | Int(truncatingIfNeeded: key >> (digit * 8)) & 255] += 1 }
        }
        var other = [UInt64](repeating: 0, count: n)
        for digit in 0..<8 {
            let base = digit << 8
            // A digit every key shares does not reorder anything.
            if counts[base | Int(truncatingIfNeeded: keys[0] >> (digit * 8)) & 255] == n { continue }
            var next = 0
            for bucket in 0..<256 {
                let count = counts[base | bucket]
                counts[base | bucket] = next
                next += count
            }
            keys.withUnsafeBufferPointer { source in
                other.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { starts in
                        for key in source {
                            let slot = base | Int(truncatingIfNeeded: key >> (digit * 8)) & 255
                            target[starts[slot]] = key
                            starts[slot] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
        return keys.map { key in
            Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
        }
    }
}

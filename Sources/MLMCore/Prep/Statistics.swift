/// Pure statistics on `[Double]` without NaN, matching numpy/pandas so that numbers a marketer
/// checks in a notebook agree with ours.
public enum Statistics {
    /// Arithmetic mean; nil for no values. Finite for any finite values: when the plain sum
    /// overflows (two values near 1.8e308), the values are summed scaled down by a power of two.
    public static func mean(_ v: [Double]) -> Double? {
        guard !v.isEmpty else { return nil }
        let total = sum(v)
        if total.isFinite || !v.allSatisfy(\.isFinite) { return total / Double(v.count) }
        let exponent = largestExponent(v, around: 0)
        return scaled(scaledSum(v, around: 0, exponent: exponent, squared: false) / Double(v.count), by: exponent)
    }

    /// Standard deviation with `ddof` degrees of freedom removed (0 = population, as
    /// scikit-learn's StandardScaler; 1 = sample, as pandas `describe`). Nil when
    /// `count − ddof` is not positive or ddof is negative.
    public static func standardDeviation(_ v: [Double], ddof: Int) -> Double? {
        guard ddof >= 0, v.count > ddof, let mean = mean(v) else { return nil }
        // Two passes: summing squared deviations from the mean is far more accurate than
        // E[x²] − E[x]² when values are large and close together.
        let squares: Double = v.withUnsafeBufferPointer { values in
            var total = 0.0
            for value in values {
                let deviation = value - mean
                total += deviation * deviation
            }
            return total
        }
        let divisor = Double(v.count - ddof)
        // Squares of deviations beyond about 1e154 overflow and those below 1e-154 vanish, though
        // the deviation itself is an ordinary number ([1e300, 2, 3]): then the deviations are
        // scaled by a power of two first, which changes no digit, only the exponent.
        if squares.isFinite && squares >= 0x1p-900 || !mean.isFinite { return (squares / divisor).squareRoot() }
        let exponent = largestExponent(v, around: mean)
        guard exponent > Int.min else { return 0 }
        let sumOfSquares = scaledSum(v, around: mean, exponent: exponent, squared: true)
        return scaled((sumOfSquares / divisor).squareRoot(), by: exponent)
    }

    /// The exponent of the largest |x − center| (Int.min when every value equals `center`);
    /// a deviation that overflows counts as 2^1024.
    private static func largestExponent(_ v: [Double], around center: Double) -> Int {
        var largest = 0.0
        var overflowed = false
        for value in v {
            let deviation = (value - center).magnitude
            if deviation.isInfinite { overflowed = true } else if deviation > largest { largest = deviation }
        }
        if overflowed { return 1024 }
        return largest == 0 ? Int.min : Int(largest.exponent)
    }

    /// Σ (x − center)·2^−exponent (or its squares), each term at most 2 in magnitude. A deviation
    /// that overflows is taken as x·2^−exponent − center·2^−exponent.
    private static func scaledSum(_ v: [Double], around center: Double, exponent: Int, squared: Bool) -> Double {
        var total = 0.0
        for value in v {
            let deviation = value - center
            let term = deviation.isFinite
                ? scaled(deviation, by: -exponent)
                : scaled(value, by: -exponent) - scaled(center, by: -exponent)
            total += squared ? term * term : term
        }
        return total
    }

    /// value · 2^exponent, rounded once (scalbn).
    private static func scaled(_ value: Double, by exponent: Int) -> Double {
        Double(sign: .plus, exponent: exponent, significand: value)
    }

    /// The q-quantile (q in 0...1) of values sorted ascending, by linear interpolation between
    /// the closest ranks: numpy's default `method="linear"` and pandas' `quantile`, including
    /// numpy's way of interpolating so results agree to the last bit. Nil when empty or q is
    /// outside 0...1.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty, q >= 0, q <= 1 else { return nil }
        let virtualIndex = Double(sorted.count - 1) * q
        let below = virtualIndex.rounded(.down)
        let lowerIndex = min(Int(below), sorted.count - 1)
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        return interpolate(sorted[lowerIndex], sorted[upperIndex], virtualIndex - below)
    }

    /// The median: the middle value, or the mean of the two middle values (numpy `median`).
    /// Nil for no values.
    /// Found by selection rather than a full sort: encoding a wide training table takes one
    /// median per column.
    public static func median(_ v: [Double]) -> Double? {
        guard !v.isEmpty else { return nil }
        var values = v
        let middle = values.count / 2
        let high = values.withUnsafeMutableBufferPointer { select(middle, in: $0) }
        if values.count % 2 == 1 { return high }
        // After selection everything before `middle` is at most `high`; the largest of them is
        // the lower middle value.
        let low = values[0..<middle].max()!
        let halfSum = (low + high) / 2
        // The plain sum overflows for values near the largest double.
        return halfSum.isFinite ? halfSum : low / 2 + high / 2
    }

    /// Rearranges `values` so that the element at `k` is the one a sort would put there, with
    /// no larger element before it and no smaller one after it, and returns it (Hoare's
    /// selection with a median-of-three pivot; a plain sort after too many rounds bounds the
    /// worst case).
    static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>) -> Double {
        var low = 0, high = values.count - 1, rounds = 0
        while low < high {
            rounds += 1
            if rounds > 64 {
                var rest = UnsafeMutableBufferPointer(rebasing: values[low...high])
                rest.sort()
                break
            }
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }

    /// numpy's `_lerp`: interpolates from the nearer end, so t = 1 gives exactly `b`. When
    /// b − a overflows (values of both signs near 1.8e308), the weighted sum of the two ends is
    /// finite where numpy's is not.
    static func interpolate(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        guard difference.isFinite || !a.isFinite || !b.isFinite else { return a * (1 - t) + b * t }
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }

    static func sum(_ v: [Double]) -> Double {
        v.withUnsafeBufferPointer { values in
            var total = 0.0
            for value in values { total += value }
            return total
        }
    }
}

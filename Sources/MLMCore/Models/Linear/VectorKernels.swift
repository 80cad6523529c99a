extension LinearModelsSupport {
    /// `Σ a[i]·b[i]` with eight independent partial sums in SIMD registers, so the additions
    /// do not wait on each other (a plain loop is bound by one addition's latency per element).
    /// The summation order is fixed by `count` alone, so results are reproducible.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ count: Int) -> Double {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        var sum0 = SIMD4<Double>(), sum1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= count {
            let offset = i * 8
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            sum1 += rawA.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
            i += 8
        }
        var total = (sum0 + sum1).sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// Four dot products of `s` with four columns at once: `s` is read once for all four.
    @inline(__always)
    static func dot4(_ s: UnsafePointer<Double>, _ x0: UnsafePointer<Double>, _ x1: UnsafePointer<Double>,
                     _ x2: UnsafePointer<Double>, _ x3: UnsafePointer<Double>, _ count: Int) -> SIMD4<Double> {
        let rs = UnsafeRawPointer(s)
        let r0 = UnsafeRawPointer(x0), r1 = UnsafeRawPointer(x1), r2 = UnsafeRawPointer(x2), r3 = UnsafeRawPointer(x3)
        var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
        var i = 0
        while i + 4 <= count {
            let offset = i * 8
            let v = rs.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            a0 += v * r0.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            a1 += v * r1.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            a2 += v * r2.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            a3 += v * r3.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            i += 4
        }
        var out = SIMD4<Double>(a0.sum(), a1.sum(), a2.sum(), a3.sum())
        while i < count {
            out += s[i] * SIMD4<Double>(x0[i], x1[i], x2[i], x3[i])
            i += 1
        }
        return out
    }
}

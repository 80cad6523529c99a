/// The dense products of a multi-layer perceptron on contiguous row-major Float buffers.
///
/// Each kernel keeps a 4 × 8 block of results in eight SIMD4 registers while it walks the shared
/// dimension, so every weight loaded serves four rows and nothing but the final result is
/// stored; leftover rows and columns take plain loops. Float rather than Double: twice the lanes
/// per instruction, and a network's weights need no more precision (scikit-learn's own MLP
/// trains in float32 when given float32).
enum DenseKernels {
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    static func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    /// out[i, j] = bias[j] + Σₖ a[i, k] · w[k, j] for `rows` rows; a is rows × inner, w is
    /// inner × columns, out is rows × columns. `bias` nil means zero.
    static func affine(_ a: UnsafePointer<Float>, rows: Int, inner: Int, _ w: UnsafePointer<Float>,
                       bias: UnsafePointer<Float>?, _ out: UnsafeMutablePointer<Float>, columns: Int) {
        var j = 0
        while j + 8 <= columns {
            var i = 0
            while i + 4 <= rows {
                affineBlock(a + i * inner, inner: inner, w + j, bias: bias.map { $0 + j }, out + i * columns + j, columns: columns)
                i += 4
            }
            while i < rows {
                affineRow(a + i * inner, inner: inner, w + j, bias: bias.map { $0 + j }, out + i * columns + j, columns: columns)
                i += 1
            }
            j += 8
        }
        guard j < columns else { return }
        for i in 0..<rows {
            let row = a + i * inner
            for column in j..<columns {
                var sum = bias?[column] ?? 0
                for k in 0..<inner { sum += row[k] * w[k * columns + column] }
                out[i * columns + column] = sum
            }
        }
    }

    /// Four rows by eight columns of `affine`.
    @inline(__always)
    private static func affineBlock(_ a: UnsafePointer<Float>, inner: Int, _ w: UnsafePointer<Float>,
                                    bias: UnsafePointer<Float>?, _ out: UnsafeMutablePointer<Float>, columns: Int) {
        let b0 = bias.map { load($0) } ?? .zero, b1 = bias.map { load($0 + 4) } ?? .zero
        var c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1, c30 = b0, c31 = b1
        let a1 = a + inner, a2 = a1 + inner, a3 = a2 + inner
        for k in 0..<inner {
            let wk = w + k * columns
            let w0 = load(wk), w1 = load(wk + 4)
            let x0 = SIMD4(repeating: a[k]), x1 = SIMD4(repeating: a1[k])
            let x2 = SIMD4(repeating: a2[k]), x3 = SIMD4(repeating: a3[k])
            c00 += x0 * w0; c01 += x0 * w1
            c10 += x1 * w0; c11 += x1 * w1
            c20 += x2 * w0; c21 += x2 * w1
            c30 += x3 * w0; c31 += x3 * w1
        }
        store(c00, out); store(c01, out + 4)
        store(c10, out + columns); store(c11, out + columns + 4)
        store(c20, out + 2 * columns); store(c21, out + 2 * columns + 4)
        store(c30, out + 3 * columns); store(c31, out + 3 * columns + 4)
    }

    @inline(__always)
    private static func affineRow(_ a: UnsafePointer<Float>, inner: Int, _ w: UnsafePointer<Float>,
                                  bias: UnsafePointer<Float>?, _ out: UnsafeMutablePointer<Float>, columns: Int) {
        var c0 = bias.map { load($0) } ?? .zero, c1 = bias.map { load($0 + 4) } ?? .zero
        for k in 0..<inner {
            let x = SIMD4(repeating: a[k]), wk = w + k * columns
            c0 += x * load(wk)
            c1 += x * load(wk + 4)
        }
        store(c0, out); store(c1, out + 4)
    }

    /// g[k, j] += Σᵢ a[i, k] · d[i, j]: the weight gradient aᵀ·d, a rows × inner, d rows × columns,
    /// g inner × columns.
    static func accumulateOuter(_ a: UnsafePointer<Float>, rows: Int, inner: Int, _ d: UnsafePointer<Float>,
                                columns: Int, _ g: UnsafeMutablePointer<Float>) {
        var k = 0
        while k + 4 <= inner {
            var j = 0
            while j + 8 <= columns {
                outerBlock(a + k, rows: rows, inner: inner, d + j, columns: columns, g + k * columns + j)
                j += 8
            }
            for column in j..<columns {
                for r in k..<(k + 4) {
                    var sum: Float = 0
                    for i in 0..<rows { sum += a[i * inner + r] * d[i * columns + column] }
                    g[r * columns + column] += sum
                }
            }
            k += 4
        }
        for r in k..<inner {
            for i in 0..<rows {
                let x = a[i * inner + r]
                if x == 0 { continue }
                let di = d + i * columns, gr = g + r * columns
                for column in 0..<columns { gr[column] += x * di[column] }
            }
        }
    }

    /// Four inputs by eight outputs of `accumulateOuter`, summed over all rows in registers.
    @inline(__always)
    private static func outerBlock(_ a: UnsafePointer<Float>, rows: Int, inner: Int, _ d: UnsafePointer<Float>,
                                   columns: Int, _ g: UnsafeMutablePointer<Float>) {
        var c00 = SIMD4<Float>.zero, c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00
        for i in 0..<rows {
            let di = d + i * columns, ai = a + i * inner
            let d0 = load(di), d1 = load(di + 4)
            let x0 = SIMD4(repeating: ai[0]), x1 = SIMD4(repeating: ai[1])
            let x2 = SIMD4(repeating: ai[2]), x3 = SIMD4(repeating: ai[3])
            c00 += x0 * d0; c01 += x0 * d1
            c10 += x1 * d0; c11 += x1 * d1
            c20 += x2 * d0; c21 += x2 * d1
            c30 += x3 * d0; c31 += x3 * d1
        }
        store(load(g) + c00, g); store(load(g + 4) + c01, g + 4)
        store(load(g + columns) + c10, g + columns); store(load(g + columns + 4) + c11, g + columns + 4)
        let g2 = g + 2 * columns, g3 = g + 3 * columns
        store(load(g2) + c20, g2); store(load(g2 + 4) + c21, g2 + 4)
        store(load(g3) + c30, g3); store(load(g3 + 4) + c31, g3 + 4)
    }

    /// t[j, k] = w[k, j]: w is rows × columns, t columns × rows.
    static func transpose(_ w: UnsafePointer<Float>, rows: Int, columns: Int, _ t: UnsafeMutablePointer<Float>) {
        for k in 0..<rows {
            for j in 0..<columns { t[j * rows + k] = w[k * columns + j] }
        }
    }

    /// s[j] += Σᵢ d[i, j], the intercept gradient.
    static func accumulateColumnSums(_ d: UnsafePointer<Float>, rows: Int, columns: Int, _ s: UnsafeMutablePointer<Float>) {
        for i in 0..<rows {
            let di = d + i * columns
            for j in 0..<columns { s[j] += di[j] }
        }
    }
}

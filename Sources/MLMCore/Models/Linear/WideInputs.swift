extension LinearModelsSupport {
    /// The inputs of a linear fit with many columns, kept as they are (no standardized copy) and
    /// read in blocks of columns, so one pass costs rows × inputs at most, or the number of
    /// nonzero cells when columns are mostly zero (one-hot levels), and uses every core even with
    /// a handful of rows.
    ///
    /// Standardization stays implicit: a solver works on x̃ = (x − mean) / scale. A dense column
    /// is centred cell by cell, as it is read; a sparse one (mostly zeros) is read at its nonzero
    /// cells only and its centring is carried by a per-score constant, which is exact because
    /// Σᵢ wⱼ (xᵢⱼ − mⱼ) = Σ_nonzero wⱼ xᵢⱼ − wⱼ mⱼ · rows.
    struct WideInputs: Sendable {
        let rows: Int
        let columns: Int
        /// The caller's matrix, column-major; shared, not copied (dense columns read it).
        let raw: [Double]
        let means: [Double]
        let scales: [Double]
        /// Per column, its nonzero cells in `sparseRows`/`sparseValues` (`sparseStart[j]..<sparseStart[j + 1]`)
        /// when it is stored sparse; `isSparse[j]` says which.
        let isSparse: [Bool]
        let sparseStart: [Int]
        let sparseRows: [Int32]
        let sparseValues: [Double]

        /// Columns per unit of parallel work. Fixed, so the order of sums (and the fitted model)
        /// does not depend on the number of cores; 256 columns of partial scores per unit keep the
        /// summing of units cheap next to the reading of the cells.
        static let blockColumns = 256

        /// A column with at most one cell in `sparseShare` nonzero is kept as its nonzero cells:
        /// an index and a value per cell cost about two dense reads, so below one in eight it pays.
        static let sparseShare = 8

        var blockCount: Int { (columns + Self.blockColumns - 1) / Self.blockColumns }

        func block(_ b: Int) -> Range<Int> { (b * Self.blockColumns)..<min(columns, (b + 1) * Self.blockColumns) }

        init(_ x: FeatureMatrix, scaling: ColumnScaling) {
            rows = x.rows
            columns = x.columns
            raw = x.values
            means = scaling.means
            scales = scaling.scales
            // Row numbers are kept as Int32; a taller matrix (not one that fits in memory today) stays dense.
            let n = x.rows, limit = x.rows <= Int(Int32.max) ? x.rows / Self.sparseShare : -1
            let blocks = (x.columns + Self.blockColumns - 1) / Self.blockColumns
            // Each block lists its sparse columns' cells; blocks are joined in order.
            let parts: [(flags: [Bool], counts: [Int], rows: [Int32], values: [Double])] =
                x.values.withUnsafeBufferPointer { values in
                    Parallel.map(blocks) { b in
                        let range = (b * Self.blockColumns)..<min(x.columns, (b + 1) * Self.blockColumns)
                        var flags = [Bool](), counts = [Int](), cellRows = [Int32](), cellValues = [Double]()
                        for j in range {
                            var nonzero = 0
                            for i in 0..<n where values[j * n + i] != 0 { nonzero += 1 }
                            let sparse = nonzero <= limit
                            flags.append(sparse)
                            counts.append(sparse ? nonzero : 0)
                            guard sparse else { continue }
                            for i in 0..<n where values[j * n + i] != 0 {
                                cellRows.append(Int32(i))
                                cellValues.append(values[j * n + i])
                            }
                        }
                        return (flags, counts, cellRows, cellValues)
                    }
                }
            var start = [0]
            start.reserveCapacity(x.columns + 1)
            for part in parts {
                for count in part.counts { start.append(start[start.count - 1] + count) }
            }
            isSparse = parts.flatMap(\.flags)
            sparseStart = start
            sparseRows = parts.flatMap(\.rows)
            sparseValues = parts.flatMap(\.values)
        }

        /// `scores[s·rows + i] += Σⱼ θ[s·stride + j] · x̃ᵢⱼ` for every score `s` (θ in standardized
        /// coordinates, `stride` numbers per score), summed block by block in a fixed order.
        func addScores(_ theta: [Double], scoreCount k: Int, stride: Int, into scores: inout [Double]) {
            let n = rows
            let parts: [[Double]] = theta.withUnsafeBufferPointer { theta in
                Parallel.map(blockCount) { b in
                    var partial = [Double](repeating: 0, count: k * n)
                    partial.withUnsafeMutableBufferPointer { partial in
                        raw.withUnsafeBufferPointer { raw in
                            for s in 0..<k {
                                let out = partial.baseAddress! + s * n
                                var offset = 0.0
                                for j in block(b) where theta[s * stride + j] != 0 {
                                    let v = theta[s * stride + j] / scales[j], mean = means[j]
                                    if isSparse[j] {
                                        for e in sparseStart[j]..<sparseStart[j + 1] { out[Int(sparseRows[e])] += v * sparseValues[e] }
                                        offset -= v * mean
                                    } else {
                                        let column = raw.baseAddress! + j * n
                                        for i in 0..<n { out[i] += v * (column[i] - mean) }
                                    }
                                }
                                if offset != 0 { for i in 0..<n { out[i] += offset } }
                            }
                        }
                    }
                    return partial
                }
            }
            for part in parts {
                for i in 0..<scores.count { scores[i] += part[i] }
            }
        }

        /// `gradient[s·stride + j] = Σᵢ residuals[s·rows + i] · x̃ᵢⱼ` for every column and score;
        /// `totals[s]` is Σᵢ residuals[s·rows + i]. Each column's sum is its own, so the result does
        /// not depend on how blocks are shared between cores.
        func columnGradients(_ residuals: [Double], totals: [Double], scoreCount k: Int, stride: Int,
                             into gradient: inout [Double]) {
            let n = rows
            let parts: [[Double]] = residuals.withUnsafeBufferPointer { residuals in
                raw.withUnsafeBufferPointer { raw in
                    Parallel.map(blockCount) { b in
                        let range = block(b)
                        var out = [Double](repeating: 0, count: k * range.count)
                        for s in 0..<k {
                            let r = residuals.baseAddress! + s * n
                            for (offset, j) in range.enumerated() {
                                let mean = means[j]
                                var sum: Double
                                if isSparse[j] {
                                    // Nonzero cells centred, then the zero cells' share: each is −mean.
                                    var covered = 0.0
                                    sum = 0
                                    for e in sparseStart[j]..<sparseStart[j + 1] {
                                        let residual = r[Int(sparseRows[e])]
                                        sum += residual * (sparseValues[e] - mean)
                                        covered += residual
                                    }
                                    sum -= mean * (totals[s] - covered)
                                } else {
                                    sum = LinearModelsSupport.centredDot(r, raw.baseAddress! + j * n, mean, n)
                                }
                                out[s * range.count + offset] = sum / scales[j]
                            }
                        }
                        return out
                    }
                }
            }
            for (b, part) in parts.enumerated() {
                let range = block(b)
                for s in 0..<k {
                    for (offset, j) in range.enumerated() { gradient[s * stride + j] = part[s * range.count + offset] }
                }
            }
        }
    }

    /// `Σ a[i]·(b[i] − centre)` with the eight partial sums of `dot`; the order depends on `count` alone.
    @inline(__always)
    static func centredDot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ centre: Double, _ count: Int) -> Double {
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        let shift = SIMD4<Double>(repeating: centre)
        var sum0 = SIMD4<Double>(), sum1 = SIMD4<Double>()
        var i = 0
        while i + 8 <= count {
            let offset = i * 8
            sum0 += rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                * (rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) - shift)
            sum1 += rawA.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self)
                * (rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD4<Double>.self) - shift)
            i += 8
        }
        var total = (sum0 + sum1).sum()
        while i < count {
            total += a[i] * (b[i] - centre)
            i += 1
        }
        return total
    }
}

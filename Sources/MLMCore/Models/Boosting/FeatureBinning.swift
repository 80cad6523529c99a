import Foundation

/// How one input is cut into bins. A number goes to the first bin whose upper bound is at least
/// the value; a category's bin is its level index; a missing (or unseen) value goes to the extra
/// bin `valueBins`, so every input has `valueBins + 1` bins.
struct FeatureBinLayout: Sendable {
    /// Upper bounds of the value bins of a number input (the last is +infinity); empty for a category.
    let upperBounds: [Double]
    let isCategorical: Bool
    let valueBins: Int

    var missingBin: Int { valueBins }
    var binCount: Int { valueBins + 1 }

    /// The bin of a raw value.
    @inline(__always) func bin(of value: Double) -> Int {
        if value.isNaN { return missingBin }
        if isCategorical {
            let level = Int(exactly: value) ?? -1
            return level >= 0 && level < valueBins ? level : missingBin
        }
        // The first bound at least `value` (the last bound is +infinity), by halving.
        return upperBounds.withUnsafeBufferPointer { bounds in
            var first = 0, length = bounds.count
            while length > 1 {
                let half = length >> 1
                first = bounds[first &+ half &- 1] < value ? first &+ half : first
                length &-= half
            }
            return first
        }
    }

    /// The bins of `count` raw values, written to `codes`. Number inputs search four values at a
    /// time in vector lanes: every search takes the same number of halvings (it depends only on
    /// the number of bounds), the lanes step without branches (which way a value goes is as good
    /// as random, and scalar code here compiles to a branch per step), and four independent
    /// searches keep the processor busy where one waits on each load it compares.
    func bins(of values: UnsafePointer<Double>, count: Int, into codes: UnsafeMutablePointer<UInt8>) {
        var i = 0
        if !isCategorical {
            upperBounds.withUnsafeBufferPointer { bounds in
                let zero = SIMD4<Int64>(repeating: 0)
                while i + 4 <= count {
                    let v = SIMD4(values[i], values[i + 1], values[i + 2], values[i + 3])
                    var first = zero
                    var length = bounds.count
                    while length > 1 {
                        let half = length >> 1, back = half &- 1
                        let probe = SIMD4(bounds[Int(first[0]) &+ back], bounds[Int(first[1]) &+ back],
                                          bounds[Int(first[2]) &+ back], bounds[Int(first[3]) &+ back])
                        first &+= zero.replacing(with: Int64(half), where: probe .< v)
                        length &-= half
                    }
                    // A NaN compares false throughout and lands on 0: it belongs in the missing bin.
                    let found = first.replacing(with: Int64(missingBin), where: v .!= v)
                    for lane in 0..<4 { codes[i + lane] = UInt8(truncatingIfNeeded: found[lane]) }
                    i += 4
                }
            }
        }
        while i < count {
            codes[i] = UInt8(truncatingIfNeeded: bin(of: values[i]))
            i += 1
        }
    }

    /// Quantile bins from the non-missing values of some rows (LightGBM's idea): when there are at
    /// most `maxBins` distinct values each gets its own bin, otherwise bins hold about the same
    /// number of rows; bounds sit halfway between neighbouring distinct values.
    static func numeric(_ values: [Double], maxBins: Int) -> FeatureBinLayout {
        let sorted = RadixOrder.sorted(values.filter { !$0.isNaN })
        var distinct: [Double] = [], counts: [Int] = []
        for value in sorted {
            if let last = distinct.last, last == value { counts[counts.count - 1] += 1 } else {
                distinct.append(value)
                counts.append(1)
            }
        }
        guard distinct.count > 1 else {
            return FeatureBinLayout(upperBounds: [.infinity], isCategorical: false, valueBins: 1)
        }
        var bounds: [Double] = []
        if distinct.count <= maxBins {
            for i in 0..<(distinct.count - 1) { bounds.append(midpoint(distinct[i], distinct[i + 1])) }
        } else {
            let perBin = Double(sorted.count) / Double(maxBins)
            var cumulative = 0
            for i in 0..<(distinct.count - 1) where bounds.count < maxBins - 1 {
                cumulative += counts[i]
                if Double(cumulative) >= perBin * Double(bounds.count + 1) {
                    bounds.append(midpoint(distinct[i], distinct[i + 1]))
                }
            }
        }
        bounds.append(.infinity)
        return FeatureBinLayout(upperBounds: bounds, isCategorical: false, valueBins: bounds.count)
    }

    static func categorical(levels: Int) -> FeatureBinLayout {
        FeatureBinLayout(upperBounds: [], isCategorical: true, valueBins: max(1, levels))
    }

    private static func midpoint(_ a: Double, _ b: Double) -> Double {
        let middle = a / 2 + b / 2
        return middle < b ? middle : a
    }
}

/// Every input of the training rows as bin codes, one byte per cell, stored twice: row by row
/// (`rowCodes[row * featureCount + feature]`: a row's codes share a cache line, which suits
/// building a node's histograms, see `NodeHistograms.build`) and column by column
/// (`columnCodes[feature * rows + row]`: one input's codes are dense, which suits partitioning a
/// node's rows by one input), with where each input's bins start in a histogram.
struct BinnedMatrix: Sendable {
    let rows: Int
    let layouts: [FeatureBinLayout]
    let rowCodes: [UInt8]
    let columnCodes: [UInt8]
    /// First histogram bin of each input; `totalBins` after the last.
    let binOffsets: [Int]
    let totalBins: Int

    var featureCount: Int { layouts.count }

    /// Bins `x` with edges learned from at most `sampleLimit` evenly spread rows (as LightGBM
    /// learns them from a sample), all inputs on all cores.
    static func make(_ x: FeatureMatrix, maxBins: Int, sampleLimit: Int = 200_000) throws(ModelError) -> BinnedMatrix {
        for column in 0..<x.columns where x.categoryCounts[column] > 255 {
            throw ModelError("input '\(x.names[column])' of \(GradientBoosting.name) has \(x.categoryCounts[column]) categories; at most 255 are supported")
        }
        let step = max(1, x.rows / max(1, sampleLimit))
        let layouts = Parallel.map(x.columns) { column -> FeatureBinLayout in
            if x.categoryCounts[column] > 0 { return .categorical(levels: x.categoryCounts[column]) }
            let base = column * x.rows
            let sample = stride(from: 0, to: x.rows, by: step).map { x.values[base + $0] }
            return .numeric(sample, maxBins: maxBins)
        }
        let (rowCodes, columnCodes) = encode(x, layouts)
        var offsets: [Int] = [], total = 0
        for layout in layouts {
            offsets.append(total)
            total += layout.binCount
        }
        return BinnedMatrix(rows: x.rows, layouts: layouts, rowCodes: rowCodes, columnCodes: columnCodes,
                            binOffsets: offsets + [total], totalBins: total)
    }

    /// Blocks of rows on all cores, each writing only its own rows' codes.
    private static func encode(_ x: FeatureMatrix, _ layouts: [FeatureBinLayout]) -> (rowMajor: [UInt8], columnMajor: [UInt8]) {
        let n = x.rows, width = x.columns
        let blockSize = 16_384
        var rowMajor = [UInt8](repeating: 0, count: n * width)
        var columnMajor = [UInt8](repeating: 0, count: n * width)
        rowMajor.withUnsafeMutableBufferPointer { byRow in
            columnMajor.withUnsafeMutableBufferPointer { byColumn in
                let (toRows, toColumns) = (SendablePointer(byRow.baseAddress!), SendablePointer(byColumn.baseAddress!))
                x.values.withUnsafeBufferPointer { values in
                    _ = Parallel.map((n + blockSize - 1) / blockSize) { block -> Bool in
                        let rows = (block * blockSize)..<min(n, (block + 1) * blockSize)
                        for (column, layout) in layouts.enumerated() {
                            let start = column * n + rows.lowerBound
                            layout.bins(of: values.baseAddress! + start, count: rows.count, into: toColumns.pointer + start)
                            for row in rows { toRows.pointer[row * width + column] = toColumns.pointer[column * n + row] }
                        }
                        return true
                    }
                }
            }
        }
        return (rowMajor, columnMajor)
    }
}

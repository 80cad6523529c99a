/// Every input column prepared once per training run and shared by all trees of a forest.
///
/// A feature is kept in one of two ways:
/// - as a list: the rows in increasing value order, each packed with the dense rank of its value
///   as `rank << 32 | row`. A tree then never sorts: it keeps the entries of its own rows and
///   splits these lists stably at every node, and a split scan sees where the value changes by
///   comparing ranks inside the list instead of fetching values from all over the matrix. (Four-byte
///   entries with a "new value" bit were tried: keeping that bit right while splitting a list costs
///   more than the smaller lists save.)
/// - as bins, for classification with few distinct values (one-hot inputs, flags, small counts):
///   one byte per row, the rank of its value. A node sums its rows per bin and scans the bins, which
///   finds exactly the split the sorted list would (every boundary between present values, in value
///   order) without splitting a list at every node. Class weights summed per bin first are exact for
///   whole-number weights (none, or bootstrap counts), so trees match the list scan's bit for bit;
///   fractional class weights may differ from it in the last bit of a sum; regression keeps lists
///   because sums of targets taken bin by bin would round differently from sklearn's running sum.
///
/// A final class because trees read the storage through pointers for the whole training run.
final class PresortedFeatures: @unchecked Sendable {
    enum Layout: Equatable {
        /// The feature's slot among the lists.
        case list(Int)
        /// The feature's slot among the binned columns.
        case bins(Int)
    }

    let rows: Int
    let features: Int
    let layouts: [Layout]
    let listCount: Int
    /// `listCount × rows` entries, list after list.
    let entries: UnsafeMutablePointer<UInt64>
    /// `values.count × rows` bin codes, column after column.
    let codes: UnsafeMutablePointer<UInt8>
    /// The distinct values of each binned column, ascending: bin `b` holds `values[slot][b]`.
    let values: [[Double]]

    static let indexMask: UInt64 = 0xFFFF_FFFF
    /// Row numbers must fit in 32 bits, with one value to spare as a marker.
    static let maximumRows = Int(UInt32.max) - 1
    /// The most distinct values a binned column may have (one byte per row).
    static let maximumBins = 256

    /// `binning` allows bins for features with at most `maximumBins` distinct values.
    init(_ x: FeatureMatrix, binning: Bool = false) {
        rows = x.rows
        features = x.columns
        let n = x.rows
        let distinct: [[Double]?] = x.values.withUnsafeBufferPointer { values in
            binning ? Parallel.map(x.columns) { Self.distinctValues(values.baseAddress! + $0 * n, count: n) }
                    : [[Double]?](repeating: nil, count: x.columns)
        }
        var layouts: [Layout] = [], binValues: [[Double]] = [], lists = 0
        for feature in 0..<x.columns {
            if let found = distinct[feature] {
                layouts.append(.bins(binValues.count))
                binValues.append(found)
            } else {
                layouts.append(.list(lists))
                lists += 1
            }
        }
        self.layouts = layouts
        listCount = lists
        values = binValues
        entries = .allocate(capacity: lists * n)
        codes = .allocate(capacity: binValues.count * n)
        fill(x)
    }

    deinit {
        entries.deallocate()
        codes.deallocate()
    }

    private func fill(_ x: FeatureMatrix) {
        let n = rows, entries = entries, codes = codes, layouts = layouts, values = values
        x.values.withUnsafeBufferPointer { all in
            let columns = all.baseAddress!
            _ = Parallel.map(features) { feature in
                switch layouts[feature] {
                case .list(let slot): Self.sortColumn(columns + feature * n, count: n, into: entries + slot * n)
                case .bins(let slot): Self.binColumn(columns + feature * n, count: n, values: values[slot], into: codes + slot * n)
                }
            }
        }
    }

    /// The list of entries of a list feature's slot.
    func list(slot: Int) -> UnsafePointer<UInt64> { UnsafePointer(entries + slot * rows) }

    /// The bin codes of a binned feature's slot, one per row.
    func codes(slot: Int) -> UnsafePointer<UInt8> { UnsafePointer(codes + slot * rows) }

    /// The split point between two neighbouring values, as sklearn places it: the midpoint,
    /// or the lower value when the midpoint rounds up to the upper one or is not finite
    /// (so `x <= threshold` still separates them).
    static func threshold(lower: Double, upper: Double) -> Double {
        let middle = lower / 2 + upper / 2
        return middle == upper || !middle.isFinite ? lower : middle
    }

    /// The column's distinct values in ascending order (-0 and +0 are one value), or nil when
    /// there are more than `maximumBins`.
    private static func distinctValues(_ column: UnsafePointer<Double>, count n: Int) -> [Double]? {
        var found: [Double] = []
        found.reserveCapacity(maximumBins)
        for i in 0..<n {
            let value = column[i]
            let index = lowerBound(found, value)
            if index < found.count && found[index] == value { continue }
            guard found.count < maximumBins else { return nil }
            found.insert(value, at: index)
        }
        return found
    }

    /// The first index whose value is not below `value`.
    @inline(__always)
    private static func lowerBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) >> 1
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func binColumn(_ column: UnsafePointer<Double>, count n: Int, values: [Double],
                                  into out: UnsafeMutablePointer<UInt8>) {
        for i in 0..<n { out[i] = UInt8(truncatingIfNeeded: lowerBound(values, column[i])) }
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

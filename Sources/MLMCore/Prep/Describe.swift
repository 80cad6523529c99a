/// `describe bank` — one summary per column, like pandas `describe(include="all")`.
extension DataFrame {
    /// Summaries of the named columns (all columns, in table order, for nil), computed on every
    /// row, not only the training rows: describing learns nothing that a model uses.
    ///
    /// Counts exclude missing cells. Integer, number, boolean and date columns get mean,
    /// sample standard deviation (n − 1), minimum, quartiles (linear interpolation, pandas'
    /// default), median and maximum, from one sort of their values; dates in day numbers.
    /// Category, text and boolean columns get their 5 most frequent values.
    public func describe(columns names: [String]? = nil) throws(PrepError) -> [ColumnSummary] {
        var selected: [Column] = []
        if let names {
            for name in names { selected.append(try prepColumn(name)) }
        } else {
            selected = columns
        }
        // Columns are summarised independently, so they are spread over the cores.
        return Parallel.map(selected.count) { Self.summary(selected[$0]) }
    }

    private static func summary(_ column: Column) -> ColumnSummary {
        let missing = column.missingCount
        if let (codes, dictionary) = column.strings {
            let counts = textCounts(codes, dictionary)
            return ColumnSummary(
                name: column.name, type: column.type, count: column.count - missing, missing: missing,
                distinct: counts.count, top: topValues(counts))
        }
        let values = RadixOrder.sorted(presentValues(column.numbers ?? []))
        let distinct = distinctCount(sorted: values)
        var top: [(value: String, count: Int)] = []
        if column.type == .boolean {
            let trueCount = values.count - (values.firstIndex { $0 != 0 } ?? values.count)
            top = topValues([("true", trueCount), ("false", values.count - trueCount)].filter { $0.1 > 0 })
        }
        return ColumnSummary(
            name: column.name, type: column.type, count: values.count, missing: missing, distinct: distinct,
            mean: Statistics.mean(values), standardDeviation: Statistics.standardDeviation(values, ddof: 1),
            minimum: values.first, lowerQuartile: Statistics.quantile(values, 0.25),
            median: Statistics.quantile(values, 0.5), upperQuartile: Statistics.quantile(values, 0.75),
            maximum: values.last, top: top)
    }

    /// The values that are not missing, from every row.
    private static func presentValues(_ values: [Double]) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { cells in
            for value in cells where !value.isNaN { result.append(value) }
        }
        return result
    }

    private static func distinctCount(sorted: [Double]) -> Int {
        sorted.withUnsafeBufferPointer { cells in
            var count = cells.isEmpty ? 0 : 1
            for index in cells.indices.dropFirst() where cells[index] != cells[index - 1] { count += 1 }
            return count
        }
    }

    /// How often each text occurs (texts that do not occur are left out).
    private static func textCounts(_ codes: [Int32], _ dictionary: [String]) -> [(String, Int)] {
        let canonical = StringCodes.canonical(dictionary)
        var counts = [Int](repeating: 0, count: dictionary.count)
        codes.withUnsafeBufferPointer { cells in
            canonical.withUnsafeBufferPointer { table in
                for code in cells where code >= 0 { counts[Int(table[Int(code)])] += 1 }
            }
        }
        return counts.indices.filter { counts[$0] > 0 }.map { (dictionary[$0], counts[$0]) }
    }

    /// The 5 most frequent, most frequent first, ties by value ascending.
    private static func topValues(_ counts: [(String, Int)]) -> [(value: String, count: Int)] {
        var best: [(value: String, count: Int)] = []
        for (value, count) in counts {
            // Keeping only five while scanning avoids sorting a million distinct texts.
            let index = best.firstIndex { count > $0.count || (count == $0.count && value < $0.value) } ?? best.count
            guard index < 5 else { continue }
            best.insert((value, count), at: index)
            if best.count > 5 { best.removeLast() }
        }
        return best
    }
}

/// What `describe` reports about one column, shaped like a pandas `describe()` row.
///
/// Numeric fields are set for integer, number, boolean and date columns (for dates, minimum,
/// quartiles and maximum are day numbers, the mean a day number and the standard deviation a
/// count of days); `top` is filled for category, text and boolean columns.
public struct ColumnSummary: Sendable, Equatable {
    public let name: String
    public let type: ColumnType
    /// Cells that are not missing.
    public let count: Int
    public let missing: Int
    /// Different values among the cells that are not missing.
    public let distinct: Int
    public let mean: Double?
    /// Sample standard deviation (n − 1), like pandas `describe`; nil with fewer than two values.
    public let standardDeviation: Double?
    public let minimum: Double?
    public let lowerQuartile: Double?
    public let median: Double?
    public let upperQuartile: Double?
    public let maximum: Double?
    /// Up to 5 most frequent values, most frequent first, ties broken by value ascending.
    public let top: [(value: String, count: Int)]

    public init(
        name: String, type: ColumnType, count: Int, missing: Int, distinct: Int,
        mean: Double? = nil, standardDeviation: Double? = nil,
        minimum: Double? = nil, lowerQuartile: Double? = nil, median: Double? = nil,
        upperQuartile: Double? = nil, maximum: Double? = nil,
        top: [(value: String, count: Int)] = []
    ) {
        self.name = name
        self.type = type
        self.count = count
        self.missing = missing
        self.distinct = distinct
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.lowerQuartile = lowerQuartile
        self.median = median
        self.upperQuartile = upperQuartile
        self.maximum = maximum
        self.top = top
    }

    // Written by hand because tuples are not Equatable.
    public static func == (lhs: ColumnSummary, rhs: ColumnSummary) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type
            && lhs.count == rhs.count && lhs.missing == rhs.missing && lhs.distinct == rhs.distinct
            && lhs.mean == rhs.mean && lhs.standardDeviation == rhs.standardDeviation
            && lhs.minimum == rhs.minimum && lhs.lowerQuartile == rhs.lowerQuartile
            && lhs.median == rhs.median && lhs.upperQuartile == rhs.upperQuartile
            && lhs.maximum == rhs.maximum
            && lhs.top.count == rhs.top.count
            && zip(lhs.top, rhs.top).allSatisfy { $0.value == $1.value && $0.count == $1.count }
    }
}

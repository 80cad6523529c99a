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

/// The logical type of a column, as a marketer would name it.
///
/// Storage follows from the type: `integer`, `number`, `boolean` and `date` are stored as
/// contiguous `[Double]` (booleans as 0/1, dates as days since 1970-01-01 with the time of day
/// as a fraction); `category` and `text` are dictionary-encoded strings.
public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case integer
    case number
    case boolean
    case date
    case category
    case text

    public var isNumericStorage: Bool {
        switch self {
        case .integer, .number, .boolean, .date: return true
        case .category, .text: return false
        }
    }

    /// Types that arithmetic and statistics (mean, standardize, clip) accept.
    public var isQuantitative: Bool { self == .integer || self == .number }

    public var isString: Bool { !isNumericStorage }
}

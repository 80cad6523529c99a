/// The kind of column a preparation step needs, declared once: the steps check it before they
/// touch a column, and `mlm check` applies the same rule to the types it knows before anything
/// runs, so both reject the same columns with the same words.
public enum ColumnNeed: Sendable, Equatable {
    /// Whole numbers or numbers: statistics, scaling, clipping, bins.
    case numbers
    case dates
    /// Text or categories: trim, lower, upper.
    case strings
    /// Anything with few distinct values: one-hot encoding.
    case levels

    public func accepts(_ type: ColumnType) -> Bool {
        switch self {
        case .numbers: return type.isQuantitative
        case .dates: return type == .date
        case .strings: return type.isString
        case .levels: return type != .number && type != .date
        }
    }

    /// What the step needs, in a marketer's words.
    public var words: String {
        switch self {
        case .numbers: return "numbers"
        case .dates: return "dates"
        case .strings: return "text or categories"
        case .levels: return "categories, text, yes/no values or whole numbers"
        }
    }

    /// "column 'job' holds categories; standardize needs numbers"
    public func problem(column: String, type: ColumnType, operation: String) -> String {
        "column '\(column)' holds \(type.plainDescription); \(operation) needs \(words)"
    }
}

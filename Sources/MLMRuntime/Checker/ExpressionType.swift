import MLMCore

/// The static type of an expression, as far as the checker can tell.
enum ExpressionType: Equatable {
    case number
    case boolean
    case date
    case text
    case missing
    /// The checker cannot tell (unknown column type): no type error is reported.
    case unknown

    init(_ type: ColumnType?) {
        switch type {
        case .integer?, .number?: self = .number
        case .boolean?: self = .boolean
        case .date?: self = .date
        case .category?, .text?: self = .text
        case nil: self = .unknown
        }
    }

    var description: String {
        switch self {
        case .number: return "a number"
        case .boolean: return "true/false"
        case .date: return "a date"
        case .text: return "text"
        case .missing: return "missing"
        case .unknown: return "a value"
        }
    }

    /// Whether a value of this type may stand where `expected` is needed.
    func fits(_ expected: ExpressionType) -> Bool {
        self == expected || self == .unknown || self == .missing || expected == .unknown
    }

    /// The column type a derived column of this expression type gets.
    var columnType: ColumnType? {
        switch self {
        case .number: return .number
        case .boolean: return .boolean
        case .date: return .date
        case .text: return .category
        case .missing, .unknown: return nil
        }
    }
}

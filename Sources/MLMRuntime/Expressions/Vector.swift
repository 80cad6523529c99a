import MLMCore

/// The value of an expression evaluated over every row of a table at once.
///
/// Numbers (integer, number, boolean as 0/1, date as day numbers) are one contiguous `[Double]`
/// with NaN for missing; strings stay dictionary-encoded so string functions run once per
/// distinct value rather than once per row.
enum Vector {
    case numbers([Double], ColumnType)
    case strings(codes: [Int32], dictionary: [String], ColumnType)
    case constant(Scalar)

    init(column: Column) {
        switch column.storage {
        case .numbers(let values): self = .numbers(values, column.type)
        case .strings(let codes, let dictionary): self = .strings(codes: codes, dictionary: dictionary, column.type)
        }
    }

    /// A name for error messages: "a number", "text", ...
    var kindDescription: String {
        switch self {
        case .numbers(_, let type): return Vector.describe(type)
        case .strings: return "text"
        case .constant(let scalar): return scalar.kindDescription
        }
    }

    static func describe(_ type: ColumnType) -> String {
        switch type {
        case .integer, .number: return "a number"
        case .boolean: return "true/false"
        case .date: return "a date"
        case .category, .text: return "text"
        }
    }

    /// Materialises the vector as a column of `rowCount` rows.
    func column(named name: String, rowCount: Int) -> Column {
        switch self {
        case .numbers(var values, let type):
            // Date arithmetic can leave the calendar (year 1 to 9999): such cells become missing.
            if type == .date {
                for i in values.indices where !CivilDate.validDayNumbers.contains(values[i]) { values[i] = .nan }
            }
            return Column(name: name, type: Vector.storedType(type, values), numbers: values)
        case .strings(let codes, let dictionary, let type):
            return Column(name: name, type: type, codes: codes, dictionary: dictionary).compactingDictionary()
        case .constant(let scalar):
            switch scalar {
            case .number(let value, let type):
                return Column(name: name, type: Vector.storedType(type, [value]), numbers: Array(repeating: value, count: rowCount))
            case .string(let text):
                return Column(name: name, type: .category, codes: Array(repeating: 0, count: rowCount), dictionary: [text])
            case .missing:
                return Column(name: name, type: .number, numbers: Array(repeating: .nan, count: rowCount))
            case .list:
                return Column(name: name, type: .number, numbers: Array(repeating: .nan, count: rowCount))
            }
        }
    }

    /// Integer results that are no longer whole (e.g. after `round(x, 1)`), or too large for an
    /// integer column to hold exactly (beyond ±(2^53 − 1), e.g. `id * 1000`), become numbers.
    private static func storedType(_ type: ColumnType, _ values: [Double]) -> ColumnType {
        guard type == .integer else { return type }
        return values.allSatisfy { $0.isNaN || ($0.rounded() == $0 && WholeNumbers.fits($0)) } ? .integer : .number
    }

    /// Per-row truth values for filters: missing counts as false.
    func truthMask(rowCount: Int) -> [Bool]? {
        switch self {
        case .numbers(let values, .boolean):
            return values.map { $0 == 1 }
        case .constant(.number(let value, .boolean)):
            return Array(repeating: value == 1, count: rowCount)
        case .constant(.missing):
            return Array(repeating: false, count: rowCount)
        default:
            return nil
        }
    }
}

/// A single value written in a script (a literal) or produced by folding constants.
enum Scalar: Equatable {
    case number(Double, ColumnType)
    case string(String)
    case missing
    case list([Scalar])

    var kindDescription: String {
        switch self {
        case .number(_, let type): return Vector.describe(type)
        case .string: return "text"
        case .missing: return "missing"
        case .list: return "a list"
        }
    }
}

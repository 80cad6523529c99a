/// How a column's cells become values, decided once every chunk has been observed.
enum ColumnPlan: Equatable {
    /// Dot-mode numbers, parsed in the first pass.
    case dotNumbers(ColumnType)
    case commaNumbers(ColumnType)
    case booleans
    case dates(monthFirst: Bool)
    case strings
    /// A type the caller forced: every non-missing cell must parse as it.
    case forced(ColumnType, monthFirst: Bool, decimalComma: Bool)
    /// Dates in the format the caller gave: every non-missing cell must follow it.
    case formattedDates(DateFormat)

    /// The inference rule: boolean, then integer, then number, then date, else strings. Dates
    /// whose cells fit day first in some rows and only month first in others stay strings:
    /// never a mix of both readings (`DateOrder`).
    static func infer(from evidence: ColumnEvidence, decimalComma: Bool) -> ColumnPlan {
        let kinds = evidence.possible
        if evidence.nonMissing == 0 { return .strings }
        if kinds.contains(.boolean) { return .booleans }
        if kinds.contains(.dotInteger) { return .dotNumbers(.integer) }
        if decimalComma && kinds.contains(.commaInteger) { return .commaNumbers(.integer) }
        if decimalComma && kinds.contains(.commaNumber) { return .commaNumbers(.number) }
        if kinds.contains(.dotNumber) { return .dotNumbers(.number) }
        if kinds.contains(.date) {
            let order = evidence.dateOrder.decision
            return order == .mixed ? .strings : .dates(monthFirst: order.monthFirst)
        }
        return .strings
    }

    /// The column type of a plan that stores numbers.
    var numericType: ColumnType {
        switch self {
        case .dotNumbers(let type), .commaNumbers(let type), .forced(let type, _, _): return type
        case .booleans: return .boolean
        case .dates, .formattedDates: return .date
        case .strings: return .text
        }
    }

    static func storesStrings(_ plan: ColumnPlan) -> Bool {
        switch plan {
        case .strings: return true
        case .forced(let type, _, _): return type.isString
        default: return false
        }
    }

    /// A non-missing cell's value under a numeric plan; nil only when a forced type rejects it.
    @inline(__always)
    static func parse(_ plan: ColumnPlan, _ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        switch plan {
        case .dotNumbers:
            return NumberParsing.parseDot(p, count, strict: true)?.value ?? .nan
        case .commaNumbers:
            return NumberParsing.parseComma(p, count, strict: true)?.number.value ?? .nan
        case .booleans:
            return CellRules.parseBoolean(p, count) ?? .nan
        case .dates(let monthFirst):
            guard let date = DateParsing.parse(p, count) else { return .nan }
            return monthFirst ? date.monthFirst : date.dayFirst
        case .strings:
            return .nan
        case .forced(let type, let monthFirst, let decimalComma):
            return parseForced(type, monthFirst: monthFirst, decimalComma: decimalComma, p, count)
        case .formattedDates(let format):
            return format.read(p, count)
        }
    }

    /// Forced types are lenient (leading zeros) but every cell must parse; dates are read in the
    /// column's one order.
    private static func parseForced(
        _ type: ColumnType, monthFirst: Bool, decimalComma: Bool, _ p: UnsafePointer<UInt8>, _ count: Int
    ) -> Double? {
        switch type {
        case .integer:
            guard let value = CSVReader.parseNumberBytes(p, count, decimalComma: decimalComma),
                  value == value.rounded()
            else { return nil }
            return value
        case .number:
            return CSVReader.parseNumberBytes(p, count, decimalComma: decimalComma)
        case .boolean:
            return CellRules.parseBoolean(p, count)
        case .date:
            guard let date = DateParsing.parse(p, count) else { return nil }
            let value = monthFirst ? date.monthFirst : date.dayFirst
            return value.isNaN ? nil : value
        case .category, .text:
            return .nan
        }
    }
}

/// Cells that do not parse as the type the caller forced on a column: how many, and the first
/// (at most 5) as field references. One column at a time: the first that fails.
struct ForcedTypeFailure: Error {
    var column: Int
    var fields: [UInt64]
    var count: Int

    /// Adds the failures of later rows of the same column.
    mutating func merge(_ later: ForcedTypeFailure) {
        guard later.column == column else { return }
        count += later.count
        fields += later.fields.prefix(max(0, 5 - fields.count))
    }
}

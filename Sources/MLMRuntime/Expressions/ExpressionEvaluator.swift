import MLMCore
import MLMSyntax

/// Evaluates an expression over every row of a table (column-at-a-time, not row-at-a-time).
struct ExpressionEvaluator {
    let frame: DataFrame
    /// Notes for the user: how many rows the expression turned into missing, and why.
    var warnings: [String] { lostCells.notes(of: resultName) }
    /// Rows whose computed value no cell can hold (see LostCells), counted for a warning.
    var lostCells = LostCells()
    /// The column the result becomes, when there is one, so the warnings can name it.
    var resultName: String?

    init(frame: DataFrame) { self.frame = frame }

    var rowCount: Int { frame.rowCount }

    mutating func evaluate(_ expr: Expr) throws(RuntimeError) -> Vector {
        guard expr.isWithinNestingLimit else {
            throw RuntimeError(Expr.tooDeeplyNested, at: expr.range, help: Expr.tooDeeplyNestedHelp)
        }
        switch expr.kind {
        case .number(let value):
            return .constant(.number(value, value.rounded() == value ? .integer : .number))
        case .percent(let value):
            return .constant(.number(value / 100, .number))
        case .string(let text):
            return .constant(.string(text))
        case .boolean(let value):
            return .constant(.number(value ? 1 : 0, .boolean))
        case .missing:
            return .constant(.missing)
        case .name(let name):
            return try columnVector(name, at: expr.range)
        case .list:
            throw RuntimeError("a list can only follow 'in', as in: job in [\"admin.\", \"retired\"]", at: expr.range)
        case .range:
            throw RuntimeError("a range like 2..8 is not a value that can be computed per row", at: expr.range)
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand), at: expr.range)
        case .binary(let op, let left, let right):
            return try binary(op, try evaluate(left), try evaluate(right), expr: expr)
        case .chain(let first, let links):
            return try chain(first, links)
        case .isMissing(let operand, let negated):
            return isMissing(try evaluate(operand), negated: negated)
        case .isIn(let operand, let items, let negated):
            return try isIn(try evaluate(operand), items: items, negated: negated, at: expr.range)
        case .call(let name, let arguments):
            return try call(name, arguments, at: expr.range)
        }
    }

    /// The expression as a column of `rowCount` rows named `name`, with only the lost cells
    /// that reached it counted: a value lost inside `log(x) is missing` or `x / 0 > 1 or true`
    /// left no cell missing.
    mutating func column(of expr: Expr, named name: String) throws(RuntimeError) -> Column {
        let column = try evaluate(expr).column(named: name, rowCount: rowCount)
        lostCells.keepRows(missingIn: column)
        return column
    }

    /// Evaluates a condition and returns which rows satisfy it (missing counts as not satisfied).
    /// Only the lost cells that left the condition missing are counted (see conditionWarnings).
    mutating func evaluateCondition(_ expr: Expr) throws(RuntimeError) -> [Bool] {
        let value = try evaluate(expr)
        guard let mask = value.truthMask(rowCount: rowCount) else {
            throw RuntimeError(ExpressionRules.condition(found: value.kindDescription), at: expr.range)
        }
        lostCells.keepRows(missingIn: value.column(named: "", rowCount: rowCount))
        return mask
    }

    /// The notes of a filter: a row whose condition lost its value does not meet it.
    var conditionWarnings: [String] {
        lostCells.notes(of: nil).map { $0 + ", so the condition is not met there" }
    }

    /// A literal value (used by clean operations such as replace and fill).
    static func scalar(of expr: Expr) -> Scalar? {
        guard expr.isWithinNestingLimit else { return nil }
        switch expr.kind {
        case .number(let value): return .number(value, value.rounded() == value ? .integer : .number)
        case .percent(let value): return .number(value / 100, .number)
        case .string(let text): return .string(text)
        case .boolean(let value): return .number(value ? 1 : 0, .boolean)
        case .missing: return .missing
        case .unary(.negate, let inner):
            if case .number(let value, let type)? = scalar(of: inner) { return .number(-value, type) }
            return nil
        case .list(let items):
            let values = items.compactMap(scalar(of:))
            return values.count == items.count ? .list(values) : nil
        default:
            return nil
        }
    }

    private func columnVector(_ name: String, at range: SourceRange) throws(RuntimeError) -> Vector {
        guard let column = frame.column(named: name) else {
            throw RuntimeError(
                "there is no column '\(name)' in this table", at: range,
                help: Suggestions.didYouMean(name, in: frame.columnNames))
        }
        return Vector(column: column)
    }
}

import MLMCore
import MLMSyntax

/// An expression that loses every row whatever the data holds: a division by the constant 0
/// (`x / 0`), a function of constants without a value (`log(0)`, `sqrt(-1)`, `exp(1000)`), or an
/// operation on such a part. Deriving a column from it would leave the column without a single
/// value, so both `mlm check` and `run` refuse it with this one message, at the part that loses
/// the rows. Whatever depends on the data is left to `LostCells.enforce` at run time.
enum AlwaysLost {
    /// The refusal for `column = expr`, if the expression loses every row.
    static func check(_ expr: Expr, column: String) throws(RuntimeError) {
        guard let (cause, range) = cause(of: expr) else { return }
        throw RuntimeError("this would leave '\(column)' without a single value: \(cause.everyRow)", at: range, help: cause.help)
    }

    /// The first part of `expr` that loses every row, and why.
    static func cause(of expr: Expr) -> (LostCells.Cause, SourceRange)? {
        guard expr.isWithinNestingLimit else { return nil }
        if !readsColumns(expr) { return constantCause(expr) }
        switch expr.kind {
        case .unary(_, let operand):
            return cause(of: operand)
        case .binary(let op, let left, let right):
            guard !op.isLogical else { return nil }
            if op == .divide, isZero(right) { return (.divisionByZero, expr.range) }
            return cause(of: left) ?? cause(of: right)
        case .chain(let first, let links):
            // `a and b` / `a or b` decide some rows without the other side.
            guard !links.contains(where: { $0.op.isLogical }) else { return nil }
            if let lost = cause(of: first) { return lost }
            for link in links {
                if link.op == .divide, isZero(link.operand) { return (.divisionByZero, SourceRange.covering(first.range, link.operand.range)) }
                if let lost = cause(of: link.operand) { return lost }
            }
            return nil
        case .isIn(let operand, _, _):
            return cause(of: operand)
        case .call(let name, let arguments):
            guard name.name == "if" else { return arguments.lazy.compactMap(cause(of:)).first }
            guard arguments.count == 3 else { return nil }
            if let lost = cause(of: arguments[0]) { return lost }
            guard let then = cause(of: arguments[1]), cause(of: arguments[2]) != nil else { return nil }
            return then
        default:
            return nil
        }
    }

    private static func readsColumns(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name: return true
        case .number, .percent, .string, .boolean, .missing: return false
        case .list(let items): return items.contains(where: readsColumns)
        case .range(let a, let b): return readsColumns(a) || readsColumns(b)
        case .unary(_, let operand), .isMissing(let operand, _): return readsColumns(operand)
        case .binary(_, let a, let b): return readsColumns(a) || readsColumns(b)
        case .chain(let first, let links): return readsColumns(first) || links.contains { readsColumns($0.operand) }
        case .isIn(let operand, let items, _): return readsColumns(operand) || items.contains(where: readsColumns)
        case .call(_, let arguments): return arguments.contains(where: readsColumns)
        }
    }

    /// A part without columns is computed once, by the evaluator itself, on a table of one row.
    private static func constant(_ expr: Expr) -> (value: Column, lost: LostCells)? {
        var evaluator = ExpressionEvaluator(frame: DataFrame(columns: [Column(name: "", numbers: [0])]))
        guard let value = try? evaluator.column(of: expr, named: "") else { return nil }
        return (value, evaluator.lostCells)
    }

    private static func constantCause(_ expr: Expr) -> (LostCells.Cause, SourceRange)? {
        guard let (cause, range) = constant(expr)?.lost.mainCause else { return nil }
        return (cause, range ?? expr.range)
    }

    private static func isZero(_ expr: Expr) -> Bool {
        guard !readsColumns(expr), let value = constant(expr)?.value, value.type.isQuantitative else { return false }
        return value.number(at: 0) == 0
    }
}

extension LostCells.Cause {
    /// What happens to every row, for the refusal of an expression that loses them all.
    var everyRow: String {
        switch self {
        case .overflow: return "the result is beyond the largest number (about ±1.8e308) for every row"
        case .undefined: return "the result has no numeric value for any row"
        case .outsideCalendar: return "the date is outside 0001-01-01 to 9999-12-31 for every row"
        case .divisionByZero: return "every row is divided by zero"
        case .logOfNonPositive: return "log() of zero or a negative number has no value"
        case .rootOfNegative: return "sqrt() of a negative number has no value"
        case .emptyText: return "trim() of nothing but spaces leaves no text"
        }
    }
}

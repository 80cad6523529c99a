import Foundation
import MLMCore
import MLMSyntax

/// One side of a numeric operation: a whole column or a single value broadcast to every row.
enum NumericOperand {
    case array([Double])
    case scalar(Double)

    /// Applies `combine` row by row; written as four loops so the common column-with-constant
    /// case reads only one array.
    static func map(_ a: NumericOperand, _ b: NumericOperand, count: Int,
                    _ combine: (Double, Double) -> Double) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        switch (a, b) {
        case let (.array(x), .array(y)):
            for i in 0..<count { out[i] = combine(x[i], y[i]) }
        case let (.array(x), .scalar(y)):
            for i in 0..<count { out[i] = combine(x[i], y) }
        case let (.scalar(x), .array(y)):
            for i in 0..<count { out[i] = combine(x, y[i]) }
        case let (.scalar(x), .scalar(y)):
            let value = combine(x, y)
            for i in 0..<count { out[i] = value }
        }
        return out
    }
}

extension ExpressionEvaluator {
    func unary(_ op: UnaryOperator, _ value: Vector, at range: SourceRange) throws(RuntimeError) -> Vector {
        switch op {
        case .negate:
            guard let (operand, type) = numeric(value), type == .integer || type == .number else {
                throw RuntimeError(ExpressionRules.unary(op, found: value.kindDescription), at: range)
            }
            return .numbers(NumericOperand.map(operand, .scalar(0), count: rowCount) { x, _ in -x }, type)
        case .not:
            guard let (operand, type) = numeric(value), type == .boolean else {
                throw RuntimeError(ExpressionRules.unary(op, found: value.kindDescription), at: range)
            }
            return .numbers(NumericOperand.map(operand, .scalar(0), count: rowCount) { x, _ in
                x.isNaN ? .nan : 1 - x
            }, .boolean)
        }
    }

    mutating func binary(_ op: BinaryOperator, _ left: Vector, _ right: Vector, expr: Expr) throws(RuntimeError) -> Vector {
        if op.isLogical { return try logical(op, left, right, at: expr.range) }
        if isText(left) || isText(right) {
            return try textBinary(op, left, right, at: expr.range)
        }
        guard let (a, typeA) = numeric(left), let (b, typeB) = numeric(right) else {
            return try missingOperand(op, left, right, at: expr.range)
        }
        if op.isComparison { return comparison(op, a, b) }
        let type = try arithmeticType(op, typeA, typeB, at: expr.range)
        var values: [Double]
        switch op {
        case .add: values = NumericOperand.map(a, b, count: rowCount, +)
        case .subtract: values = NumericOperand.map(a, b, count: rowCount, -)
        case .multiply: values = NumericOperand.map(a, b, count: rowCount, *)
        case .divide:
            values = NumericOperand.map(a, b, count: rowCount) { x, y in y == 0 ? .nan : x / y }
        // pow(missing, 0) and pow(1, missing) are 1 by IEEE rules; a missing input stays missing.
        case .power: values = NumericOperand.map(a, b, count: rowCount) { x, y in x.isNaN || y.isNaN ? .nan : pow(x, y) }
        default: values = []
        }
        // Of two present numbers, only a division by zero has no quotient.
        keepRepresentable(&values, type: type, inputs: [a, b], undefined: op == .divide ? .divisionByZero : .undefined,
                          at: expr.range)
        return .numbers(values, type)
    }

    private func comparison(_ op: BinaryOperator, _ a: NumericOperand, _ b: NumericOperand) -> Vector {
        let test: (Double, Double) -> Bool = op.comparison()
        return .numbers(NumericOperand.map(a, b, count: rowCount) { x, y in
            x.isNaN || y.isNaN ? .nan : (test(x, y) ? 1 : 0)
        }, .boolean)
    }

    private func arithmeticType(_ op: BinaryOperator, _ a: ColumnType, _ b: ColumnType,
                                at range: SourceRange) throws(RuntimeError) -> ColumnType {
        let wholeA = a == .integer || a == .boolean, wholeB = b == .integer || b == .boolean
        if a == .date || b == .date {
            switch ExpressionRules.dateArithmetic(op, leftIsDate: a == .date, rightIsDate: b == .date) {
            case .days?: return .integer
            case .date?: return .date
            case nil: throw RuntimeError(ExpressionRules.dateArithmeticProblem, at: range)
            }
        }
        if op == .divide || op == .power { return .number }
        return wholeA && wholeB ? .integer : .number
    }

    private func logical(_ op: BinaryOperator, _ left: Vector, _ right: Vector, at range: SourceRange) throws(RuntimeError) -> Vector {
        guard let (a, typeA) = numeric(left), typeA == .boolean, let (b, typeB) = numeric(right), typeB == .boolean else {
            let culprit = numeric(left)?.1 == .boolean ? right : left
            throw RuntimeError(ExpressionRules.joins(op, found: culprit.kindDescription), at: range)
        }
        // Kleene logic: a known false decides 'and', a known true decides 'or'.
        let isAnd = op == .and
        return .numbers(NumericOperand.map(a, b, count: rowCount) { x, y in
            if isAnd { return x == 0 || y == 0 ? 0 : (x.isNaN || y.isNaN ? .nan : 1) }
            return x == 1 || y == 1 ? 1 : (x.isNaN || y.isNaN ? .nan : 0)
        }, .boolean)
    }

    private func missingOperand(_ op: BinaryOperator, _ left: Vector, _ right: Vector, at range: SourceRange) throws(RuntimeError) -> Vector {
        if case .constant(.missing) = left { return .constant(.missing) }
        if case .constant(.missing) = right {
            if op == .equal || op == .notEqual {
                throw RuntimeError("comparing with 'missing' never matches", at: range,
                                   help: op == .equal ? "write: column is missing" : "write: column is not missing")
            }
            return .constant(.missing)
        }
        throw RuntimeError("'\(op.rawValue)' cannot be used on \(left.kindDescription) and \(right.kindDescription)", at: range)
    }

    func numeric(_ value: Vector) -> (NumericOperand, ColumnType)? {
        switch value {
        case .numbers(let values, let type): return (.array(values), type)
        case .constant(.number(let v, let type)): return (.scalar(v), type)
        default: return nil
        }
    }

    func isText(_ value: Vector) -> Bool {
        switch value {
        case .strings, .constant(.string): return true
        default: return false
        }
    }

    func isMissing(_ value: Vector, negated: Bool) -> Vector {
        let yes: Double = negated ? 0 : 1, no: Double = negated ? 1 : 0
        switch value {
        case .numbers(let values, _):
            return .numbers(values.map { $0.isNaN ? yes : no }, .boolean)
        case .strings(let codes, _, _):
            return .numbers(codes.map { $0 < 0 ? yes : no }, .boolean)
        case .constant(let scalar):
            return .constant(.number(scalar == .missing ? yes : no, .boolean))
        }
    }
}

extension BinaryOperator {
    /// The comparison this operator stands for (only called for comparison operators).
    func comparison<T: Comparable>() -> (T, T) -> Bool {
        switch self {
        case .equal: return (==)
        case .notEqual: return (!=)
        case .less: return (<)
        case .lessEqual: return (<=)
        case .greater: return (>)
        default: return (>=)
        }
    }
}

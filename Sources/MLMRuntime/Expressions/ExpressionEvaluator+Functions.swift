import Foundation
import MLMCore
import MLMSyntax

extension ExpressionEvaluator {
    mutating func call(_ name: Identifier, _ arguments: [Expr], at range: SourceRange) throws(RuntimeError) -> Vector {
        guard let function = FunctionRegistry.function(named: name.name) else {
            throw RuntimeError("there is no function '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: FunctionRegistry.names))
        }
        try checkArity(function, arguments.count, at: range)
        var values: [Vector] = []
        // Each branch of `if` is computed for every row, but only the chosen rows are kept:
        // its lost cells are set aside and only those of chosen rows are counted.
        var branchLosses: [LostCells] = []
        for (index, argument) in arguments.enumerated() {
            guard function.name == "if", index > 0 else {
                values.append(try evaluate(argument))
                continue
            }
            let outer = lostCells
            lostCells = LostCells()
            defer { branchLosses.append(lostCells); lostCells = outer }
            values.append(try evaluate(argument))
        }
        switch function.name {
        case "if": return try conditional(values, arguments, branchLosses: branchLosses)
        case "min", "max": return try extremum(function.name == "min", values, arguments)
        case "round": return try roundValues(values, arguments)
        case "lower", "upper", "trim": return try textMap(function.name, values[0], arguments[0], at: range)
        case "contains": return try contains(values[0], values[1], arguments)
        case "length": return try textLength(values[0], arguments[0])
        case "year", "month", "day", "weekday": return try datePart(function.name, values[0], arguments[0])
        case "days_between": return try daysBetween(values[0], values[1], arguments)
        default: return try mathFunction(function.name, values[0], arguments[0], at: range)
        }
    }

    private func checkArity(_ function: BuiltinFunction, _ count: Int, at range: SourceRange) throws(RuntimeError) {
        let tooFew = count < function.minimumArity
        let tooMany = function.maximumArity.map { count > $0 } ?? false
        guard tooFew || tooMany else { return }
        throw RuntimeError("'\(function.name)' takes \(arityText(function)), but got \(count)", at: range,
                           help: "write: \(function.example)")
    }

    private func arityText(_ function: BuiltinFunction) -> String {
        if function.variadic { return "at least \(function.minimumArity) values" }
        if function.minimumArity == function.arguments.count {
            return Words.plural(function.arguments.count, "value")
        }
        return "\(function.minimumArity) or \(function.arguments.count) values"
    }

    func requireNumber(_ value: Vector, _ expr: Expr, function: String, allowDate: Bool = false) throws(RuntimeError) -> (NumericOperand, ColumnType) {
        if case .constant(.missing) = value { return (.scalar(.nan), .number) }
        guard let (operand, type) = numeric(value), type != .boolean, allowDate || type != .date else {
            throw RuntimeError(ExpressionRules.argument(function, wanted: "a number", found: value.kindDescription), at: expr.range)
        }
        return (operand, type)
    }

    private mutating func mathFunction(_ name: String, _ value: Vector, _ expr: Expr, at range: SourceRange) throws(RuntimeError) -> Vector {
        let (operand, type) = try requireNumber(value, expr, function: name)
        var values = NumericOperand.map(operand, .scalar(0), count: rowCount) { x, _ in
            switch name {
            case "log": return x <= 0 ? .nan : Foundation.log(x)
            case "sqrt": return x < 0 ? .nan : x.squareRoot()
            case "exp": return Foundation.exp(x)
            default: return Swift.abs(x)
            }
        }
        // Only log and sqrt have inputs without a result; exp and abs never give nan from a value.
        keepRepresentable(&values, type: .number, inputs: [operand],
                          undefined: name == "log" ? .logOfNonPositive : .rootOfNegative, at: range)
        return .numbers(values, name == "abs" ? type : .number)
    }

    private func roundValues(_ values: [Vector], _ arguments: [Expr]) throws(RuntimeError) -> Vector {
        let (operand, type) = try requireNumber(values[0], arguments[0], function: "round")
        var digits: NumericOperand = .scalar(0)
        if values.count > 1 { digits = try requireNumber(values[1], arguments[1], function: "round").0 }
        let result = NumericOperand.map(operand, digits, count: rowCount) { x, d in
            guard !d.isNaN else { return .nan }
            let scale = Foundation.pow(10, d.rounded())
            // Rounding to more digits than a double has (1e300 to 2 decimals, any value to 400
            // decimals) keeps the value; to fewer than nothing (-400 decimals) gives 0.
            if scale == 0 { return x.isNaN ? .nan : 0 }
            let scaled = x * scale
            guard scaled.isFinite, scaled.magnitude < 0x1p52 else { return x }
            return scaled.rounded(.toNearestOrAwayFromZero) / scale
        }
        let whole = values.count == 1 || { if case .scalar(let d) = digits { return d <= 0 } else { return false } }()
        return .numbers(result, whole || type == .integer ? .integer : .number)
    }

    private func extremum(_ isMin: Bool, _ values: [Vector], _ arguments: [Expr]) throws(RuntimeError) -> Vector {
        var (acc, type) = try requireNumber(values[0], arguments[0], function: isMin ? "min" : "max", allowDate: true)
        for index in 1..<values.count {
            let (next, nextType) = try requireNumber(values[index], arguments[index], function: isMin ? "min" : "max", allowDate: true)
            if nextType != type { type = (type == .integer && nextType == .integer) ? .integer : (type == .date ? .date : .number) }
            acc = .array(NumericOperand.map(acc, next, count: rowCount) { x, y in
                if x.isNaN || y.isNaN { return .nan }
                return isMin ? Swift.min(x, y) : Swift.max(x, y)
            })
        }
        if case .scalar(let v) = acc { return .constant(.number(v, type)) }
        if case .array(let a) = acc { return .numbers(a, type) }
        return .constant(.missing)
    }
}

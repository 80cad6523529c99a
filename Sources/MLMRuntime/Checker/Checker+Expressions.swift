import MLMCore
import MLMSyntax

extension Checker {
    /// Infers an expression's type against a table's schema, reporting unknown columns and
    /// functions, wrong argument counts and operations on the wrong kind of value.
    mutating func type(of expr: Expr, in schema: Schema) -> ExpressionType {
        guard expr.isWithinNestingLimit else {
            report(Expr.tooDeeplyNested, at: expr.range, help: Expr.tooDeeplyNestedHelp)
            return .unknown
        }
        switch expr.kind {
        case .number, .percent: return .number
        case .string: return .text
        case .boolean: return .boolean
        case .missing: return .missing
        case .name(let name): return columnType(name, at: expr.range, in: schema)
        case .list(let items):
            items.forEach { _ = type(of: $0, in: schema) }
            report("a list can only follow 'in', as in: job in [\"admin.\", \"retired\"]", at: expr.range)
            return .unknown
        case .range:
            report("a range like 2..8 is not a value that can be computed per row", at: expr.range)
            return .unknown
        case .unary(let op, let operand):
            let inner = type(of: operand, in: schema)
            let wanted: ExpressionType = op == .not ? .boolean : .number
            if !inner.fits(wanted) { report(ExpressionRules.unary(op, found: inner.description), at: expr.range) }
            return wanted
        case .binary(let op, let left, let right):
            return binaryType(op, type(of: left, in: schema), type(of: right, in: schema), at: expr.range)
        case .chain(let first, let links):
            return chainType(first, links, in: schema)
        case .isMissing(let operand, _):
            _ = type(of: operand, in: schema)
            return .boolean
        case .isIn(let operand, let items, _):
            _ = type(of: operand, in: schema)
            for item in items where ExpressionEvaluator.scalar(of: item) == nil {
                report("the list after 'in' must hold plain values such as \"admin.\" or 3", at: item.range)
            }
            return .boolean
        case .call(let name, let arguments):
            return callType(name, arguments, at: expr.range, in: schema)
        }
    }

    /// Reports when a condition (filter, `if`) is not true/false.
    mutating func expectCondition(_ expr: Expr, in schema: Schema) {
        let found = type(of: expr, in: schema)
        if !found.fits(.boolean) {
            report(ExpressionRules.condition(found: found.description), at: expr.range)
        }
    }

    private mutating func columnType(_ name: String, at range: SourceRange, in schema: Schema) -> ExpressionType {
        guard let type = schema.type(of: name) else {
            report("there is no column '\(name)' in this table", at: range,
                   help: Suggestions.didYouMean(name, in: schema.names + FunctionRegistry.names.map { "\($0)(...)" }))
            return .unknown
        }
        return ExpressionType(type)
    }

    mutating func binaryType(_ op: BinaryOperator, _ a: ExpressionType, _ b: ExpressionType, at range: SourceRange) -> ExpressionType {
        if op.isLogical {
            if let culprit = [a, b].first(where: { !$0.fits(.boolean) }) {
                report(ExpressionRules.joins(op, found: culprit.description), at: range)
            }
            return .boolean
        }
        if op.isComparison {
            let comparable = a == b || a == .unknown || b == .unknown || a == .missing || b == .missing
                || (a == .date && b == .text) || (a == .text && b == .date)
            if !comparable, a == .text || b == .text {
                report(ExpressionRules.textComparison(op, other: (a == .text ? b : a).description), at: range)
            } else if !comparable {
                report("'\(op.rawValue)' compares \(a.description) with \(b.description)", at: range,
                       help: a == .text || b == .text ? "put numbers without quotes, or compare text with text in quotes" : nil)
            }
            return .boolean
        }
        if op == .add, a == .text || b == .text { return .text }
        if a == .date || b == .date {
            let other = a == .date ? b : a
            if other == .unknown || other == .missing { return .unknown }
            if other != .text {  // text with a date is the text rule's, below
                switch ExpressionRules.dateArithmetic(op, leftIsDate: a == .date, rightIsDate: b == .date) {
                case .days?: return .number
                case .date?: return .date
                case nil:
                    report(ExpressionRules.dateArithmeticProblem, at: range)
                    return .unknown
                }
            }
        }
        for t in [a, b] where !(t.fits(.number) || t == .boolean) {
            if t == .text {
                report(ExpressionRules.arithmeticOnText(op), at: range)
            } else {
                report("'\(op.rawValue)' needs numbers, but one side is \(t.description)", at: range)
            }
            return .unknown
        }
        return a == .unknown || b == .unknown ? .unknown : .number
    }

    private mutating func callType(_ name: Identifier, _ arguments: [Expr], at range: SourceRange,
                                   in schema: Schema) -> ExpressionType {
        let types = arguments.map { type(of: $0, in: schema) }
        guard let function = FunctionRegistry.function(named: name.name) else {
            report("there is no function '\(name.name)'", at: name.range,
                   help: Suggestions.didYouMean(name.name, in: FunctionRegistry.names))
            return .unknown
        }
        let tooMany = function.maximumArity.map { arguments.count > $0 } ?? false
        if arguments.count < function.minimumArity || tooMany {
            report("'\(function.name)' takes \(function.usage), but got \(Words.plural(arguments.count, "value"))",
                   at: range, help: "write: \(function.example)")
            return .unknown
        }
        for (index, found) in types.enumerated() {
            let wanted = function.arguments[min(index, function.arguments.count - 1)]
            let expected: ExpressionType
            switch wanted {
            case .number: expected = .number
            case .text: expected = .text
            case .date: expected = found == .text && isLiteral(arguments[index]) ? .text : .date
            case .boolean: expected = .boolean
            case .any: continue
            }
            if function.name == "if", index == 0 {
                if !found.fits(.boolean) { report(ExpressionRules.ifCondition(found: found.description), at: arguments[0].range) }
                continue
            }
            guard !found.fits(expected) else { continue }
            report(ExpressionRules.argument(function.name, wanted: expected.description, found: found.description),
                   at: arguments[index].range)
        }
        return resultType(function.name, types)
    }

    private func isLiteral(_ expr: Expr) -> Bool {
        if case .string = expr.kind { return true }
        return false
    }

    private func resultType(_ name: String, _ types: [ExpressionType]) -> ExpressionType {
        switch name {
        case "if": return types[1] == .missing ? types[2] : types[1]
        case "lower", "upper", "trim": return .text
        case "contains": return .boolean
        case "min", "max": return types.contains(.date) ? .date : .number
        default: return .number
        }
    }

    mutating func report(_ problem: ExpressionRules.Problem, at range: SourceRange) {
        report(problem.message, at: range, help: problem.help)
    }
}

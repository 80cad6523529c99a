import MLMCore
import MLMSyntax

extension ExpressionEvaluator {
    /// `if(condition, then, else)`: both results must be of one kind (numbers or text). The
    /// cells each branch lost (`branchLosses`) count only in the rows that chose that branch.
    mutating func conditional(_ values: [Vector], _ arguments: [Expr], branchLosses: [LostCells]) throws(RuntimeError) -> Vector {
        guard let (condition, conditionType) = numeric(values[0]), conditionType == .boolean else {
            throw RuntimeError(ExpressionRules.ifCondition(found: values[0].kindDescription), at: arguments[0].range)
        }
        let pick: (Double, Int) -> Int? = { flag, _ in flag.isNaN ? nil : (flag == 1 ? 1 : 2) }
        if branchLosses.contains(where: { !$0.isEmpty }) {
            let chosen = (0..<rowCount).map { pick(value(condition, $0), $0) }
            for (offset, losses) in branchLosses.enumerated() {
                lostCells.merge(losses) { row in chosen[row] == offset + 1 }
            }
        }
        if isText(values[1]) || isText(values[2]) {
            return try textConditional(condition, values, arguments, pick)
        }
        let (a, typeA) = try branchNumbers(values[1], arguments[1])
        let (b, typeB) = try branchNumbers(values[2], arguments[2])
        let type = typeA == typeB ? typeA : (typeA == .missingType ? typeB : (typeB == .missingType ? typeA : .number))
        var out = [Double](repeating: .nan, count: rowCount)
        for row in 0..<rowCount {
            guard let branch = pick(value(condition, row), row) else { continue }
            out[row] = branch == 1 ? value(a, row) : value(b, row)
        }
        return .numbers(out, type == .missingType ? .number : type)
    }

    private func branchNumbers(_ vector: Vector, _ expr: Expr) throws(RuntimeError) -> (NumericOperand, ColumnType) {
        if case .constant(.missing) = vector { return (.scalar(.nan), .missingType) }
        guard let result = numeric(vector) else {
            throw RuntimeError("this result of 'if' is \(vector.kindDescription); both results must be numbers or both text", at: expr.range)
        }
        return result
    }

    private func textConditional(_ condition: NumericOperand, _ values: [Vector], _ arguments: [Expr],
                                 _ pick: (Double, Int) -> Int?) throws(RuntimeError) -> Vector {
        for index in 1...2 where textOperand(values[index]) == nil {
            throw RuntimeError("this result of 'if' is \(values[index].kindDescription) but the other is text; put numbers in quotes to make them text",
                               at: arguments[index].range)
        }
        var strings = [String?](repeating: nil, count: rowCount)
        for row in 0..<rowCount {
            guard let branch = pick(value(condition, row), row) else { continue }
            strings[row] = cellText(values[branch], row: row)
        }
        let column = Column(name: "", type: .category, strings: strings)
        return .strings(codes: column.strings?.codes ?? [], dictionary: column.strings?.dictionary ?? [], .category)
    }

    func value(_ operand: NumericOperand, _ row: Int) -> Double {
        switch operand {
        case .array(let values): return values[row]
        case .scalar(let value): return value
        }
    }
}

extension ColumnType {
    /// Marks the type of a bare `missing` branch while the other branch decides the result type.
    static let missingType = ColumnType.text
}

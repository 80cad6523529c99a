import MLMCore
import MLMSyntax

/// Text operands stay dictionary-encoded: per-row work is a code lookup, and string work is done
/// once per distinct value.
enum TextOperand {
    case codes([Int32], [String])
    case scalar(String?)

    /// Row-wise map where each side is resolved to an optional string; `combine` receives nil for
    /// missing cells.
    func map(with other: TextOperand, count: Int, _ combine: (String?, String?) -> Double) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        switch (self, other) {
        case let (.codes(codes, dictionary), .scalar(value)):
            let perCode = dictionary.map { combine($0, value) }
            let whenMissing = combine(nil, value)
            for i in 0..<count { out[i] = codes[i] < 0 ? whenMissing : perCode[Int(codes[i])] }
        case let (.scalar(value), .codes(codes, dictionary)):
            let perCode = dictionary.map { combine(value, $0) }
            let whenMissing = combine(value, nil)
            for i in 0..<count { out[i] = codes[i] < 0 ? whenMissing : perCode[Int(codes[i])] }
        case let (.codes(c1, d1), .codes(c2, d2)):
            for i in 0..<count {
                out[i] = combine(c1[i] < 0 ? nil : d1[Int(c1[i])], c2[i] < 0 ? nil : d2[Int(c2[i])])
            }
        case let (.scalar(a), .scalar(b)):
            let value = combine(a, b)
            for i in 0..<count { out[i] = value }
        }
        return out
    }
}

extension ExpressionEvaluator {
    func textOperand(_ value: Vector) -> TextOperand? {
        switch value {
        case .strings(let codes, let dictionary, _): return .codes(codes, dictionary)
        case .constant(.string(let text)): return .scalar(text)
        case .constant(.missing): return .scalar(nil)
        default: return nil
        }
    }

    mutating func textBinary(_ op: BinaryOperator, _ left: Vector, _ right: Vector, at range: SourceRange) throws(RuntimeError) -> Vector {
        if let dated = try dateComparedWithText(op, left, right, at: range) { return dated }
        if op == .add { return concatenate(left, right) }
        guard op.isComparison else {
            throw RuntimeError(ExpressionRules.arithmeticOnText(op), at: range)
        }
        guard let a = textOperand(left), let b = textOperand(right) else {
            let other = textOperand(left) == nil ? left : right
            throw RuntimeError(ExpressionRules.textComparison(op, other: other.kindDescription), at: range)
        }
        let test: (String, String) -> Bool = op.comparison()
        return .numbers(a.map(with: b, count: rowCount) { x, y in
            guard let x, let y else { return .nan }
            return test(x, y) ? 1 : 0
        }, .boolean)
    }

    /// `signup >= "2023-01-01"`: a text constant compared with a date column is read as a date.
    private mutating func dateComparedWithText(_ op: BinaryOperator, _ left: Vector, _ right: Vector,
                                      at range: SourceRange) throws(RuntimeError) -> Vector? {
        func asDate(_ value: Vector) throws(RuntimeError) -> Vector? {
            guard case .constant(.string(let text)) = value else { return value }
            guard let day = CSVReader.parseDate(text) else {
                throw RuntimeError("'\(text)' is not a date; write dates as \"yyyy-mm-dd\"", at: range)
            }
            return .constant(.number(day, .date))
        }
        let leftIsDate = numeric(left)?.1 == .date, rightIsDate = numeric(right)?.1 == .date
        guard leftIsDate || rightIsDate else { return nil }
        guard let l = try asDate(left), let r = try asDate(right) else { return nil }
        return try binary(op, l, r, expr: Expr(.missing, range: range))
    }

    private func concatenate(_ left: Vector, _ right: Vector) -> Vector {
        var strings = [String?](repeating: nil, count: rowCount)
        let a = (0..<rowCount).lazy.map { cellText(left, row: $0) }
        let b = (0..<rowCount).lazy.map { cellText(right, row: $0) }
        for (i, (x, y)) in zip(a, b).enumerated() {
            if let x, let y { strings[i] = x + y }
        }
        let column = Column(name: "", type: .text, strings: strings)
        return .strings(codes: column.strings?.codes ?? [], dictionary: column.strings?.dictionary ?? [], .text)
    }

    func cellText(_ value: Vector, row: Int) -> String? {
        switch value {
        case .strings(let codes, let dictionary, _):
            return codes[row] < 0 ? nil : dictionary[Int(codes[row])]
        case .numbers(let values, let type):
            return values[row].isNaN ? nil : ValueText.format(values[row], type: type)
        case .constant(let scalar):
            switch scalar {
            case .string(let text): return text
            case .number(let v, let type): return ValueText.format(v, type: type)
            case .missing, .list: return nil
            }
        }
    }

    func isIn(_ value: Vector, items: [Expr], negated: Bool, at range: SourceRange) throws(RuntimeError) -> Vector {
        let scalars = items.compactMap(ExpressionEvaluator.scalar(of:))
        guard scalars.count == items.count else {
            throw RuntimeError("the list after 'in' must hold plain values such as \"admin.\" or 3", at: range)
        }
        let yes: Double = negated ? 0 : 1, no: Double = negated ? 1 : 0
        if let text = textOperand(value) {
            let wanted = Set(scalars.compactMap { if case .string(let s) = $0 { return s } else { return nil } })
            return .numbers(text.map(with: .scalar(nil), count: rowCount) { x, _ in
                guard let x else { return .nan }
                return wanted.contains(x) ? yes : no
            }, .boolean)
        }
        guard let (operand, _) = numeric(value) else { return .constant(.missing) }
        let wanted = Set(scalars.compactMap { if case .number(let n, _) = $0 { return n } else { return nil } })
        return .numbers(NumericOperand.map(operand, .scalar(0), count: rowCount) { x, _ in
            x.isNaN ? .nan : (wanted.contains(x) ? yes : no)
        }, .boolean)
    }
}

import MLMCore
import MLMSyntax

extension ExpressionEvaluator {
    private func requireText(_ value: Vector, _ expr: Expr, function: String) throws(RuntimeError) -> TextOperand {
        guard let text = textOperand(value) else {
            throw RuntimeError(ExpressionRules.argument(function, wanted: "text", found: value.kindDescription), at: expr.range)
        }
        return text
    }

    /// lower/upper/trim: applied once per distinct value. Text that trim leaves empty is
    /// missing, as an empty cell of a file is, and counted as lost.
    mutating func textMap(_ name: String, _ value: Vector, _ expr: Expr, at range: SourceRange) throws(RuntimeError) -> Vector {
        let transform: (String) -> String
        switch name {
        case "lower": transform = { $0.lowercased() }
        case "upper": transform = { $0.uppercased() }
        default: transform = { $0.trimmingSpaces() }
        }
        switch try requireText(value, expr, function: name) {
        case .scalar(let text):
            guard let text else { return .constant(.missing) }
            let changed = transform(text)
            guard changed.isEmpty, !text.isEmpty else { return .constant(.string(changed)) }
            for row in 0..<rowCount { lostCells.record(.emptyText, row: row, rowCount: rowCount, at: range) }
            return .constant(.missing)
        case .codes(let codes, let dictionary):
            // Distinct values may become equal ("UK", "uk" → "uk"): merge them in the dictionary
            // and remap the codes, so no per-row strings are made.
            var merged: [String] = []
            var position: [String: Int32] = [:]
            let remap = dictionary.map { text -> Int32 in
                let changed = transform(text)
                if changed.isEmpty, !text.isEmpty { return -1 }
                if let code = position[changed] { return code }
                position[changed] = Int32(merged.count)
                merged.append(changed)
                return Int32(merged.count - 1)
            }
            let type: ColumnType = { if case .strings(_, _, let t) = value { return t } else { return .category } }()
            var result = [Int32](repeating: -1, count: codes.count)
            for row in codes.indices where codes[row] >= 0 {
                result[row] = remap[Int(codes[row])]
                if result[row] < 0 { lostCells.record(.emptyText, row: row, rowCount: rowCount, at: range) }
            }
            return .strings(codes: result, dictionary: merged, type)
        }
    }

    func contains(_ text: Vector, _ part: Vector, _ arguments: [Expr]) throws(RuntimeError) -> Vector {
        let a = try requireText(text, arguments[0], function: "contains")
        let b = try requireText(part, arguments[1], function: "contains")
        return .numbers(a.map(with: b, count: rowCount) { x, y in
            guard let x, let y else { return .nan }
            return y.isEmpty || x.contains(y) ? 1 : 0
        }, .boolean)
    }

    func textLength(_ value: Vector, _ expr: Expr) throws(RuntimeError) -> Vector {
        let text = try requireText(value, expr, function: "length")
        return .numbers(text.map(with: .scalar(nil), count: rowCount) { x, _ in
            x.map { Double($0.count) } ?? .nan
        }, .integer)
    }

    func datePart(_ name: String, _ value: Vector, _ expr: Expr) throws(RuntimeError) -> Vector {
        let operand = try requireDate(value, expr, function: name)
        return .numbers(NumericOperand.map(operand, .scalar(0), count: rowCount) { day, _ in
            guard CivilDate.validDayNumbers.contains(day) else { return .nan }
            let whole = Int(day.rounded(.down))
            switch name {
            case "year": return Double(CivilDate(dayNumber: whole).year)
            case "month": return Double(CivilDate(dayNumber: whole).month)
            case "day": return Double(CivilDate(dayNumber: whole).day)
            default: return Double(CivilDate.weekday(dayNumber: whole))
            }
        }, .integer)
    }

    func daysBetween(_ first: Vector, _ second: Vector, _ arguments: [Expr]) throws(RuntimeError) -> Vector {
        let a = try requireDate(first, arguments[0], function: "days_between")
        let b = try requireDate(second, arguments[1], function: "days_between")
        let days = NumericOperand.map(a, b, count: rowCount) { x, y in y - x }
        let whole = days.allSatisfy { $0.isNaN || $0 == $0.rounded() }
        return .numbers(days, whole ? .integer : .number)
    }

    /// A date column, or a text constant that reads as a date ("2024-01-31").
    private func requireDate(_ value: Vector, _ expr: Expr, function: String) throws(RuntimeError) -> NumericOperand {
        if case .constant(.string(let text)) = value, let day = CSVReader.parseDate(text) { return .scalar(day) }
        if case .constant(.missing) = value { return .scalar(.nan) }
        guard let (operand, type) = numeric(value), type == .date else {
            throw RuntimeError(ExpressionRules.argument(function, wanted: "a date", found: value.kindDescription), at: expr.range)
        }
        return operand
    }
}

extension String {
    /// Trims spaces, tabs and line breaks at both ends.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

// One line of a `clean` block. Each operation starts with its keyword; `clip` starts both
// `clip NAMES at ...` and `clip outliers in ...`.

extension SyntaxParser {
    mutating func parseCleanOperation() throws(SyntaxError) -> CleanOperation {
        let first = current
        guard let keyword = Keyword(first), Keyword.cleanOperations.contains(keyword) else {
            throw failure(unknownOperationDiagnostic(first, block: .clean))
        }
        advance()
        let kind: CleanOperation.Kind
        switch keyword {
        case .drop: kind = try parseDropOrKeep(dropping: true)
        case .keep: kind = try parseDropOrKeep(dropping: false)
        case .replace: kind = try parseReplace()
        case .fill: kind = try parseFill()
        case .clip: kind = try parseClip()
        case .remove: kind = try parseRemoveOutliers()
        case .trim: kind = .text(.trim, columns: try parseNameList("a column name"))
        case .lower: kind = .text(.lower, columns: try parseNameList("a column name"))
        case .upper: kind = .text(.upper, columns: try parseNameList("a column name"))
        case .rename: kind = try parseRename()
        default: kind = try parseCast()
        }
        return CleanOperation(kind, range: range(from: first.range.start))
    }

    /// `drop duplicates [by NAMES]`, `drop|keep column(s) NAMES`, `drop|keep rows where EXPR`.
    private mutating func parseDropOrKeep(dropping: Bool) throws(SyntaxError) -> CleanOperation.Kind {
        let verb = dropping ? "drop" : "keep"
        if dropping, accept(.duplicates) != nil {
            let keys = try accept(.by) != nil ? parseNameList("a column name") : []
            return .dropDuplicates(keys: keys)
        }
        if acceptColumnWord() {
            let columns = try parseNameList("a column name")
            return dropping ? .dropColumns(columns) : .keepColumns(columns)
        }
        if accept(.rows) != nil {
            try expect(.where) { found in
                SyntaxMessages.expected("'where' and a condition after 'rows'", found: found,
                                        at: found.spot, help: "write: \(verb) rows where age < 18")
            }
            let condition = try parseExpression(expecting: "a condition")
            return dropping ? .dropRows(condition) : .keepRows(condition)
        }
        let choices = dropping ? "'duplicates', 'columns' or 'rows'" : "'columns' or 'rows'"
        throw failure(SyntaxMessages.expected("\(choices) after '\(verb)'", found: current, at: current.spot,
                                              help: "write: \(verb) columns a, b"))
    }

    /// `replace EXPR {, EXPR} with EXPR [in NAMES]`. Values are parsed above comparisons so
    /// `missing in job` reads as the replacement followed by the column list.
    private mutating func parseReplace() throws(SyntaxError) -> CleanOperation.Kind {
        var values = [try parseAdditiveExpression(expecting: "a value to replace")]
        while accept(.comma) != nil { values.append(try parseAdditiveExpression(expecting: "a value to replace")) }
        try expect(.with) { found in
            SyntaxMessages.expected("'with' and the new value", found: found, at: found.spot,
                                    help: "write: replace \"unknown\" with missing in job")
        }
        let replacement = try parseAdditiveExpression(expecting: "the new value, or missing")
        let columns = try accept(.in) != nil ? parseNameList("a column name") : []
        return .replace(values: values, replacement: replacement, columns: columns)
    }

    /// `fill NAMES with mean|median|mode|EXPR`
    private mutating func parseFill() throws(SyntaxError) -> CleanOperation.Kind {
        let columns = try parseNameList("a column name")
        try expect(.with) { found in
            SyntaxMessages.expected("'with' and a value such as mean, median, mode or a constant", found: found,
                                    at: found.spot, help: "write: fill balance with median")
        }
        let strategies: [(Keyword, FillStrategy)] = [(.mean, .mean), (.median, .median), (.mode, .mode)]
        for (word, strategy) in strategies where current.is(word) && peek().endsLine {
            advance()
            return .fill(columns: columns, strategy: strategy)
        }
        return .fill(columns: columns, strategy: .constant(try parseExpression(expecting: "mean, median, mode or a value")))
    }

    /// `clip NAMES at EXPR and EXPR` or `clip outliers in NAMES [by rule]`. Bounds are parsed
    /// above `and` so the word separates them.
    private mutating func parseClip() throws(SyntaxError) -> CleanOperation.Kind {
        if current.is(.outliers), peek().is(.in) {
            advance()
            advance()
            let columns = try parseNameList("a column name")
            return .clipOutliers(columns: columns, rule: try parseOutlierRule())
        }
        let columns = try parseNameList("a column name")
        try expect(.at) { found in
            SyntaxMessages.expected("'at' and two bounds", found: found, at: found.spot,
                                    help: "write: clip balance at 1% and 99%")
        }
        let lower = try parseAdditiveExpression(expecting: "a lower bound such as 1%")
        try expect(.and) { found in
            SyntaxMessages.expected("'and' and an upper bound after the lower bound", found: found,
                                    at: found.spot, help: "write: clip balance at 1% and 99%")
        }
        let upper = try parseAdditiveExpression(expecting: "an upper bound such as 99%")
        return .clip(columns: columns, lower: lower, upper: upper)
    }

    /// `remove outliers in NAMES [by (iqr|zscore) [NUMBER]]`
    private mutating func parseRemoveOutliers() throws(SyntaxError) -> CleanOperation.Kind {
        try expect(.outliers) { found in
            SyntaxMessages.expected("'outliers in' after 'remove'", found: found, at: found.spot,
                                    help: "write: remove outliers in balance")
        }
        try expect(.in) { found in
            SyntaxMessages.expected("'in' and column names after 'outliers'", found: found, at: found.spot,
                                    help: "write: remove outliers in balance")
        }
        let columns = try parseNameList("a column name")
        return .removeOutliers(columns: columns, rule: try parseOutlierRule())
    }

    /// `[by iqr [k] | by zscore [z]]`, defaulting to iqr 1.5 and zscore 3.
    private mutating func parseOutlierRule() throws(SyntaxError) -> OutlierRule {
        guard accept(.by) != nil else { return .iqr(factor: 1.5) }
        if accept(.iqr) != nil {
            return .iqr(factor: accept(.number)?.number ?? 1.5)
        }
        if accept(.zscore) != nil {
            return .zScore(limit: accept(.number)?.number ?? 3)
        }
        throw failure(SyntaxMessages.expected("'iqr' or 'zscore' after 'by'", found: current, at: current.spot,
                                              help: "write: remove outliers in balance by iqr 3"))
    }

    /// `rename NAME to NAME {, NAME to NAME}`
    private mutating func parseRename() throws(SyntaxError) -> CleanOperation.Kind {
        var pairs: [(from: Identifier, to: Identifier)] = []
        repeat {
            let from = try parseName("a column name")
            try expect(.to) { found in
                SyntaxMessages.expected("'to' and the new name", found: found, at: found.spot,
                                        help: "write: rename old_name to new_name")
            }
            pairs.append((from: from, to: try parseName("the new column name")))
        } while accept(.comma) != nil
        return .rename(pairs)
    }

    /// `cast NAMES to TYPE [STRING] [with OPTIONS]`
    private mutating func parseCast() throws(SyntaxError) -> CleanOperation.Kind {
        let columns = try parseNameList("a column name")
        try expect(.to) { found in
            SyntaxMessages.expected("'to' and a type", found: found, at: found.spot,
                                    help: "write: cast zip to text")
        }
        let type = try parseName("a type such as 'text' or 'number'")
        let format = acceptText()
        let options = accept(.with) != nil ? try parseOptionList() : []
        return .cast(CastOperation(columns: columns, type: type, format: format, options: options))
    }
}

// One-line steps that read, look at, divide and write tables:
// load, describe, show, split, sort, export.

extension SyntaxParser {
    /// `load STRING as NAME [with load_option {, load_option}]` or
    /// `load model STRING as NAME [with option {, option}]`.
    mutating func parseLoad() throws(SyntaxError) -> Statement.Kind {
        if current.is(.model), peek().kind == .string {
            advance()
            let path = try parsePath(help: SyntaxMessages.shapeOfLoadModel)
            try expectAsAndName("a model name", help: SyntaxMessages.shapeOfLoadModel)
            let name = try parseName("a model name")
            var options: [NamedOption] = []
            if accept(.with) != nil { options = try parseOptionList() }
            return .loadModel(LoadModelStatement(path: path, name: name, options: options))
        }
        let path = try parsePath(help: SyntaxMessages.shapeOfLoad)
        try expectAsAndName("a table name", help: SyntaxMessages.shapeOfLoad)
        let name = try parseName("a table name")
        var options: [NamedOption] = []
        var columnTypes: [ColumnTypeOverride] = []
        if accept(.with) != nil {
            repeat {
                if let override = try parseColumnTypeOverrideIfAny() {
                    columnTypes.append(override)
                } else {
                    options.append(try parseOption(stoppingAt: []))
                }
            } while accept(.comma) != nil
        }
        return .load(LoadStatement(path: path, name: name, options: options, columnTypes: columnTypes))
    }

    /// `as` must follow the file name; the message names both halves of what is missing.
    private mutating func expectAsAndName(_ what: String, help: String) throws(SyntaxError) {
        try expect(.as) { found in
            SyntaxMessages.expected("'as' and \(what) after the file name", found: found,
                                    at: found.spot, help: help)
        }
    }

    /// `column NAME as TYPE [STRING]` inside load options; nil when the next option is an ordinary one
    /// (an option may itself be called `column`).
    private mutating func parseColumnTypeOverrideIfAny() throws(SyntaxError) -> ColumnTypeOverride? {
        guard current.is(.column), peek().isName, peek(2).is(.as) else { return nil }
        advance()
        let column = try parseName("a column name")
        advance()
        let type = try parseName("a column type")
        return ColumnTypeOverride(column: column, type: type, format: acceptText())
    }

    /// `describe NAME [columns NAMES]`
    mutating func parseDescribe() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        var columns: [Identifier] = []
        if acceptColumnWord() { columns = try parseNameList("a column name") }
        return .describe(DescribeStatement(table: table, columns: columns))
    }

    /// `show NAME [columns NAMES] [where EXPR] [order by KEYS] [limit EXPR]`, clauses in this order.
    mutating func parseShow() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        var columns: [Identifier] = []
        var filter: Expr?
        var order: [OrderKey] = []
        var limit: Expr?
        if acceptColumnWord() { columns = try parseNameList("a column name") }
        if accept(.where) != nil { filter = try parseExpression(expecting: "a condition") }
        if accept(.order) != nil {
            try expect(.by) { found in
                SyntaxMessages.expected("'by' after 'order'", found: found, at: found.spot,
                                        help: SyntaxMessages.shapeOfOrderBy)
            }
            order = try parseOrderKeys()
        }
        if accept(.limit) != nil { limit = try parseAdditiveExpression(expecting: "a number of rows") }
        if [.columns, .column, .where, .order, .limit].contains(where: { current.is($0) }) {
            throw failure(SyntaxMessages.expectedEndOfLine(after: "show", found: current, at: current.range,
                                                          help: SyntaxParser.clauseOrder("show", "columns, where, order by, limit")))
        }
        return .show(ShowStatement(table: table, columns: columns, filter: filter, order: order, limit: limit))
    }

    /// `sort NAME by KEYS`
    mutating func parseSort() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        try expect(.by) { found in
            SyntaxMessages.expected("'by' and the columns to sort by after the table name", found: found,
                                    at: found.spot, help: SyntaxMessages.shapeOfSort)
        }
        return .sort(SortStatement(table: table, keys: try parseOrderKeys()))
    }

    /// `NAME [asc|desc] {, NAME [asc|desc]}` (`ascending` and `descending` spelt out work too).
    private mutating func parseOrderKeys() throws(SyntaxError) -> [OrderKey] {
        var keys: [OrderKey] = []
        repeat {
            let column = try parseName("a column name")
            var key = OrderKey(column: column, descending: false)
            if current.is(.asc) || current.is(.ascending) || current.is(.desc) || current.is(.descending) {
                key.descending = current.is(.desc) || current.is(.descending)
                let word = advance()
                key.direction = Identifier(word.text, range: word.range)
            }
            keys.append(key)
        } while accept(.comma) != nil
        return keys
    }

    /// `split NAME into NAME SHARE {, NAME SHARE} [stratify by NAME] [seed EXPR]`
    mutating func parseSplit() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        try expect(.into) { found in
            SyntaxMessages.expected("'into' after the table name", found: found, at: found.spot,
                                    help: SyntaxMessages.shapeOfSplit)
        }
        var parts: [SplitStatement.Part] = []
        repeat {
            let role = try parseName("a part name such as 'train'")
            let share = try parseAdditiveExpression(expecting: "a share such as 80%")
            parts.append(SplitStatement.Part(role: role, share: share))
        } while accept(.comma) != nil
        var stratifyBy: Identifier?
        var seed: Expr?
        if accept(.stratify) != nil {
            try expect(.by) { found in
                SyntaxMessages.expected("'by' after 'stratify'", found: found, at: found.spot)
            }
            stratifyBy = try parseName("a column name")
        }
        if accept(.seed) != nil { seed = try parseAdditiveExpression(expecting: "a number") }
        if current.is(.stratify) || current.is(.seed) {
            throw failure(SyntaxMessages.expectedEndOfLine(after: "split", found: current, at: current.range,
                                                          help: SyntaxParser.clauseOrder("split", "stratify by, seed")))
        }
        return .split(SplitStatement(table: table, parts: parts, stratifyBy: stratifyBy, seed: seed))
    }

    /// `export NAME to STRING [with option {, option}]`
    mutating func parseExport() throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        try expect(.to) { found in
            SyntaxMessages.expected("'to' and a file name after the table name", found: found,
                                    at: found.spot, help: SyntaxMessages.shapeOfExport)
        }
        let path = try parsePath(help: SyntaxMessages.shapeOfExport)
        var options: [NamedOption] = []
        if accept(.with) != nil { options = try parseOptionList() }
        return .export(ExportStatement(table: table, path: path, options: options))
    }

    static func clauseOrder(_ step: String, _ order: String) -> String {
        "the clauses of '\(step)' are each written at most once, in this order: \(order)"
    }
}

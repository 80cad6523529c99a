// The small pieces every step is made of: names, name lists, file paths and named options.

extension SyntaxParser {
    /// A table, column, model or type name: a bare word or a backticked name. `what` names
    /// the expected thing in the message ("a table name").
    mutating func parseName(_ what: String) throws(SyntaxError) -> Identifier {
        guard current.isName else {
            throw failure(SyntaxMessages.expected(what, after: previous, found: current, at: current.spot))
        }
        let token = advance()
        return Identifier(token.text, range: token.range)
    }

    /// `a, b, c`: one or more names separated by commas.
    mutating func parseNameList(_ what: String) throws(SyntaxError) -> [Identifier] {
        var names = [try parseName(what)]
        while accept(.comma) != nil {
            names.append(try parseName(what))
        }
        return names
    }

    /// A file path in quotes. `help` shows the step's shape, since a missing or unquoted path
    /// is the most common slip in a first script.
    mutating func parsePath(help: String) throws(SyntaxError) -> PathLiteral {
        guard current.kind == .string else {
            throw failure(SyntaxMessages.expected("a file name in quotes", after: previous, found: current,
                                                  at: current.spot, help: help))
        }
        let token = advance()
        return PathLiteral(token.text, range: token.range)
    }

    /// A string literal, when one comes next (a date format after a type).
    mutating func acceptText() -> TextLiteral? {
        guard current.kind == .string else { return nil }
        let token = advance()
        return TextLiteral(token.text, range: token.range)
    }

    /// `column` or `columns`, both accepted wherever a list of columns follows.
    mutating func acceptColumnWord() -> Bool {
        accept(.columns) != nil || accept(.column) != nil
    }

    // MARK: - Options

    /// `option {, option}` after `with`.
    mutating func parseOptionList() throws(SyntaxError) -> [NamedOption] {
        var options = [try parseOption(stoppingAt: [])]
        while accept(.comma) != nil {
            options.append(try parseOption(stoppingAt: []))
        }
        return options
    }

    /// Options written one after another without commas (`k 4 seed 7`), up to one of `stops`
    /// or the end of the line.
    mutating func parseOptionSequence(stoppingAt stops: [Keyword]) throws(SyntaxError) -> [NamedOption] {
        var options: [NamedOption] = []
        while current.isName, !stops.contains(where: { current.is($0) }) {
            options.append(try parseOption(stoppingAt: stops))
            _ = accept(.comma)
        }
        return options
    }

    /// `name value` or a bare `name` (a flag). A name followed by a comma, the end of the line
    /// or one of `stops` is a flag; otherwise a value follows.
    mutating func parseOption(stoppingAt stops: [Keyword]) throws(SyntaxError) -> NamedOption {
        let name = try parseName("an option name")
        let next = current
        if next.kind == .comma || next.endsLine || stops.contains(where: { next.is($0) }) {
            return NamedOption(name: name, value: nil, range: name.range)
        }
        let value = try parseOptionValue()
        return NamedOption(name: name, value: value, range: SourceRange.covering(name.range, value.range))
    }

    /// A unary-level expression, or a range `low..high`.
    mutating func parseOptionValue() throws(SyntaxError) -> Expr {
        let low = try parseUnaryExpression()
        guard accept(.dotDot) != nil else { return low }
        let high = try parseUnaryExpression()
        return Expr(.range(low, high), range: SourceRange.covering(low.range, high.range))
    }
}

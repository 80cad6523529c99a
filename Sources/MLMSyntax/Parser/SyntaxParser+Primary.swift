// The atoms of expressions: literals, names, calls, parenthesised expressions and lists.

extension SyntaxParser {
    /// A primary, or a call `name(args)` when a bare word is followed by `(`.
    mutating func parsePrimary() throws(SyntaxError) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expr(.number(token.number), range: token.range)
        case .percent:
            advance()
            return Expr(.percent(token.number), range: token.range)
        case .string:
            advance()
            return Expr(.string(token.text), range: token.range)
        case .quotedName:
            advance()
            return Expr(.name(token.text), range: token.range)
        case .leftParen:
            return try parseParenthesized()
        case .leftBracket:
            return try parseList()
        case .word:
            return try parseWordPrimary()
        default:
            throw failure(SyntaxMessages.expectedExpression(after: previous, found: token, at: token.spot))
        }
    }

    private mutating func parseWordPrimary() throws(SyntaxError) -> Expr {
        let token = current
        switch Keyword(token) {
        case .true?:
            advance()
            return Expr(.boolean(true), range: token.range)
        case .false?:
            advance()
            return Expr(.boolean(false), range: token.range)
        case .missing?:
            advance()
            return Expr(.missing, range: token.range)
        case .and?, .or?, .not?, .is?, .in?:
            throw failure(SyntaxMessages.expectedExpression(after: previous, found: token, at: token.range,
                                                            help: SyntaxMessages.reservedWordHelp(token.text)))
        default:
            advance()
            if current.kind == .leftParen { return try parseCall(name: token) }
            return Expr(.name(token.text), range: token.range)
        }
    }

    /// `name(arg, ...)`: the range runs from the name through `)`.
    private mutating func parseCall(name: Token) throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { leaveNesting() }
        var arguments: [Expr] = []
        while current.kind != .rightParen, !current.endsLine {
            arguments.append(try parseExpression())
            if accept(.comma) == nil { break }
        }
        let close = try expect(.rightParen) { found in
            SyntaxMessages.unclosed(open, found: found, at: open.range)
        }
        let function = Identifier(name.text, range: name.range)
        return Expr(.call(function, arguments), range: SourceRange.covering(name.range, close.range))
    }

    /// `( expr )`: the node keeps its kind but its range grows to include the parentheses.
    private mutating func parseParenthesized() throws(SyntaxError) -> Expr {
        let open = advance()
        var inner = try parseExpression()
        let close = try expect(.rightParen) { found in
            SyntaxMessages.unclosed(open, found: found, at: open.range)
        }
        inner.range = SourceRange.covering(open.range, close.range)
        return inner
    }

    /// `[a, b, c]`, possibly empty, with an optional trailing comma.
    mutating func parseList() throws(SyntaxError) -> Expr {
        let open = advance()
        try enterNesting()
        defer { leaveNesting() }
        var items: [Expr] = []
        while current.kind != .rightBracket, !current.endsLine {
            items.append(try parseExpression())
            if accept(.comma) == nil { break }
        }
        let close = try expect(.rightBracket) { found in
            SyntaxMessages.unclosed(open, found: found, at: open.range)
        }
        return Expr(.list(items), range: SourceRange.covering(open.range, close.range))
    }
}

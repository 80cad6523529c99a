// Expressions, by precedence from lowest to highest:
//   or; and; prefix not; comparison (non-associative: = == != <> < <= > >=, is [not] missing,
//   [not] in [list]); + -; * /; unary -; ^ (right-associative); call; primary.
// Every node's range covers exactly its text (parentheses included), because error messages
// put carets under them. Left-associative operators are read in a loop into one flat chain
// node, so `a + a + ... + a` of any length costs no stack here or in any later walk.

extension SyntaxParser {
    /// A full expression (lowest precedence: `or`).
    mutating func parseExpression() throws(SyntaxError) -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        let first = try parseAnd()
        var links: [ChainLink] = []
        while accept(.or) != nil { links.append(ChainLink(.or, try parseAnd())) }
        return try withinNestingLimit(chain(first, links))
    }

    private mutating func parseAnd() throws(SyntaxError) -> Expr {
        let first = try parseNot()
        var links: [ChainLink] = []
        while accept(.and) != nil { links.append(ChainLink(.and, try parseNot())) }
        return chain(first, links)
    }

    private mutating func parseNot() throws(SyntaxError) -> Expr {
        guard let word = accept(.not) else { return try parseComparison() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseNot()
        return Expr(.unary(.not, operand), range: SourceRange.covering(word.range, operand.range))
    }

    private mutating func parseComparison() throws(SyntaxError) -> Expr {
        let left = try parseAdditiveExpression()
        guard let compared = try parseComparisonTail(left) else { return left }
        if let extra = comparisonStart() {
            throw failure(SyntaxMessages.chainedComparison(extra, at: extra.range))
        }
        return compared
    }

    /// The rest of a comparison after its left side, or nil when none follows.
    private mutating func parseComparisonTail(_ left: Expr) throws(SyntaxError) -> Expr? {
        if let op = comparisonOperator(current.kind) {
            advance()
            return binary(op, left, try parseAdditiveExpression())
        }
        if accept(.is) != nil {
            let negated = accept(.not) != nil
            let word = try expect(.missing) { found in
                SyntaxMessages.expected("'missing' or 'not missing' after 'is'", found: found, at: found.spot,
                                        help: "write: balance is missing")
            }
            return Expr(.isMissing(left, negated: negated), range: SourceRange.covering(left.range, word.range))
        }
        if current.is(.not) {
            advance()
            try expect(.in) { found in
                SyntaxMessages.expected("'in' and a list after 'not'", found: found, at: found.spot,
                                        help: "write: job not in [\"admin.\", \"technician\"]")
            }
            return try parseMembership(left, negated: true)
        }
        if accept(.in) != nil { return try parseMembership(left, negated: false) }
        return nil
    }

    /// `[not] in [a, b]` after the left side; the list must be written out in brackets.
    private mutating func parseMembership(_ left: Expr, negated: Bool) throws(SyntaxError) -> Expr {
        guard current.kind == .leftBracket else {
            throw failure(SyntaxMessages.expected("a list in brackets after 'in'", after: nil, found: current,
                                                  at: current.spot, help: "write: job in [\"admin.\", \"technician\"]"))
        }
        let list = try parseList()
        guard case .list(let items) = list.kind else { return list }
        return Expr(.isIn(left, items, negated: negated), range: SourceRange.covering(left.range, list.range))
    }

    private func comparisonOperator(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equal, .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    /// The token starting a second comparison right after a first one, if any.
    private func comparisonStart() -> Token? {
        if comparisonOperator(current.kind) != nil || current.is(.is) || current.is(.in) { return current }
        if current.is(.not), peek().is(.in) { return current }
        return nil
    }

    /// `+` and `-` (left-associative). Also the level of clause values such as `limit 10`.
    mutating func parseAdditiveExpression() throws(SyntaxError) -> Expr {
        let first = try parseMultiplicative()
        var links: [ChainLink] = []
        while current.kind == .plus || current.kind == .minus {
            let symbol = advance()
            links.append(ChainLink(symbol.kind == .plus ? .add : .subtract, try parseMultiplicative()))
        }
        return try withinNestingLimit(chain(first, links))
    }

    private mutating func parseMultiplicative() throws(SyntaxError) -> Expr {
        let first = try parseUnaryExpression()
        var links: [ChainLink] = []
        while current.kind == .star || current.kind == .slash {
            let symbol = advance()
            links.append(ChainLink(symbol.kind == .star ? .multiply : .divide, try parseUnaryExpression()))
        }
        return chain(first, links)
    }

    /// Unary minus. A minus written before a number or percent folds into it (`-1` is the
    /// number -1), so option values and constants need no evaluation; `-2^2` stays -(2^2).
    mutating func parseUnaryExpression() throws(SyntaxError) -> Expr {
        guard current.kind == .minus else { return try withinNestingLimit(parsePower()) }
        let symbol = advance()
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseUnaryExpression()
        let range = SourceRange.covering(symbol.range, operand.range)
        switch operand.kind {
        case .number(let value): return Expr(.number(-value), range: range)
        case .percent(let value): return Expr(.percent(-value), range: range)
        default: return try withinNestingLimit(Expr(.unary(.negate, operand), range: range))
        }
    }

    /// `^` binds tighter than unary minus on its left and is right-associative; its right side
    /// may carry its own minus (`2^-1`).
    private mutating func parsePower() throws(SyntaxError) -> Expr {
        let base = try parsePrimary()
        guard current.kind == .caret else { return base }
        advance()
        try enterNesting()
        defer { leaveNesting() }
        let exponent = try parseUnaryExpression()
        return binary(.power, base, exponent)
    }

    // MARK: - Clause values

    /// A full expression where a clause needs one; when nothing that could start an
    /// expression follows, the message names what the clause wanted ("a condition").
    mutating func parseExpression(expecting what: String) throws(SyntaxError) -> Expr {
        try requireExpressionStart(what)
        return try parseExpression()
    }

    mutating func parseAdditiveExpression(expecting what: String) throws(SyntaxError) -> Expr {
        try requireExpressionStart(what)
        return try parseAdditiveExpression()
    }

    private func requireExpressionStart(_ what: String) throws(SyntaxError) {
        switch current.kind {
        case .number, .percent, .string, .quotedName, .word, .leftParen, .leftBracket, .minus: return
        default:
            throw failure(SyntaxMessages.expected(what, after: previous, found: current, at: current.spot))
        }
    }

    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr {
        Expr(.binary(op, left, right), range: SourceRange.covering(left.range, right.range))
    }

    /// `first` alone, or one flat node for `first op operand op operand ...` (left to right).
    private func chain(_ first: Expr, _ links: [ChainLink]) -> Expr {
        guard let last = links.last else { return first }
        return Expr(.chain(first, links), range: SourceRange.covering(first.range, last.operand.range))
    }

    /// The nesting counter bounds the parser's own recursion; this bounds the finished tree,
    /// which every later walk relies on (one limit: `Expr.maximumNesting`).
    private func withinNestingLimit(_ expr: Expr) throws(SyntaxError) -> Expr {
        guard expr.isWithinNestingLimit else { throw failure(SyntaxMessages.nestedTooDeeply(at: expr.range)) }
        return expr
    }
}

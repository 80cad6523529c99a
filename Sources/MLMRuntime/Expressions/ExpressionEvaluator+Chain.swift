import MLMSyntax

extension ExpressionEvaluator {
    /// `a + b - c ...` left to right in a loop: each link is one whole-column operation, exactly
    /// as the nested pair `(a + b) - c` would be, so a chain of any length costs no stack.
    mutating func chain(_ first: Expr, _ links: [ChainLink]) throws(RuntimeError) -> Vector {
        var value = try evaluate(first)
        for link in links {
            let right = try evaluate(link.operand)
            // Messages about a link point at the chain up to it, as they did at the nested pair.
            let pair = Expr(.missing, range: SourceRange.covering(first.range, link.operand.range))
            value = try binary(link.op, value, right, expr: pair)
        }
        return value
    }
}

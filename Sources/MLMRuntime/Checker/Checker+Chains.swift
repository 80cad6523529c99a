import MLMSyntax

extension Checker {
    /// Types `a + b - c ...` left to right in a loop, as `binaryType` would type the nested
    /// pairs, so a chain of any length costs no stack. After the first wrong pair the rest of
    /// the chain is not judged again: one long wrong line gives one message, not thousands.
    mutating func chainType(_ first: Expr, _ links: [ChainLink], in schema: Schema) -> ExpressionType {
        var result = type(of: first, in: schema)
        var failed = false
        for link in links {
            let right = type(of: link.operand, in: schema)
            guard !failed else { continue }
            let reported = diagnostics.count
            result = binaryType(link.op, result, right, at: SourceRange.covering(first.range, link.operand.range))
            failed = diagnostics.count > reported
        }
        guard failed else { return result }
        return links.contains { $0.op.isLogical } ? .boolean : .unknown
    }
}

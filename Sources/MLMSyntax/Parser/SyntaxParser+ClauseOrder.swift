// Clauses written in the wrong order. Most steps take their clauses in one fixed order
// (`rfm ... invoice ... reference ... as ...`, `show ... columns ... where ... limit ...`); a
// clause written after the one it must precede is otherwise reported as a leftover word, and
// "did you mean 'reference'?" about the word `reference` helps nobody. When putting the line's
// clauses in their order makes it parse, the error says where the clause belongs and gives the
// corrected line.

extension SyntaxParser {
    /// Each step's clauses in the order the grammar takes them; also the words "did you mean"
    /// offers for a leftover word at the end of a step.
    static let orderedClauses: [Keyword: [Keyword]] = [
        .load: [.as, .with], .describe: [.columns], .show: [.columns, .where, .order, .limit],
        .split: [.into, .stratify, .seed], .sort: [.by], .export: [.to, .with], .model: [.with], .evaluate: [.on, .at, .with],
        .rfm: [.invoice, .reference, .as], .profile: [.columns],
        .compare: [.by, .with, .as], .tune: [.over, .by, .with, .as], .explain: [.on], .set: [.with],
        .predict: [.as, .with],
    ]

    /// A sort direction ends a key inside a clause (`order by score desc`), so it is no clause
    /// of its own for the order above; a leftover word may still be a misspelt direction.
    static func directionWords(_ keyword: Keyword) -> [Keyword] {
        keyword == .show || keyword == .sort ? [.desc, .asc] : []
    }

    /// The error for a line of `keyword` starting at token `start` whose clauses are out of
    /// order, or nil when reordering them does not give a line that parses.
    func misplacedClause(_ keyword: Keyword, from start: Int) -> Diagnostic? {
        guard let order = Self.orderedClauses[keyword] else { return nil }
        var end = start
        while end < tokens.count, !tokens[end].endsLine { end += 1 }
        // Clause words outside brackets start a clause; it runs to the next one or the end.
        var starts: [(index: Int, clause: Int)] = []
        var depth = 0
        for position in start..<end {
            let token = tokens[position]
            switch token.kind {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket: depth = max(0, depth - 1)
            default:
                if depth == 0, position > start, let word = Keyword(token), let rank = order.firstIndex(of: word) {
                    starts.append((position, rank))
                }
            }
        }
        guard starts.count >= 2 else { return nil }
        let lineEnd = tokens[end - 1].range.end
        func text(_ from: Int, _ to: Int) -> String {
            String(source.text(of: SourceRange(start: tokens[from].range.start, end: to))
                .reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        let clauses = starts.indices.map { i in
            (rank: starts[i].clause, index: starts[i].index,
             text: text(starts[i].index, i + 1 < starts.count ? tokens[starts[i + 1].index].range.start : lineEnd))
        }
        let sorted = clauses.enumerated().sorted { a, b in
            a.element.rank != b.element.rank ? a.element.rank < b.element.rank : a.offset < b.offset
        }.map(\.element)
        guard sorted.map(\.index) != clauses.map(\.index) else { return nil }
        let corrected = ([text(start, tokens[starts[0].index].range.start)] + sorted.map(\.text)).joined(separator: " ")
        guard Parser.parse(SourceFile(name: "<corrected>", text: corrected + "\n")).diagnostics.isEmpty else { return nil }
        // The clause that moved: the first one written after a clause it must precede.
        guard let moved = clauses.indices.first(where: { i in clauses[..<i].contains { $0.rank > clauses[i].rank } }) else { return nil }
        // It precedes the clause after it in the corrected order (there is one: it moved forward).
        guard let place = sorted.firstIndex(where: { $0.index == clauses[moved].index }), place + 1 < sorted.count else { return nil }
        let word = order[clauses[moved].rank].rawValue
        let neighbour = "before '\(order[sorted[place + 1].rank].rawValue)'"
        return SyntaxMessages.misplacedClause(word, step: keyword.rawValue, belongs: neighbour, corrected: corrected,
                                              at: tokens[clauses[moved].index].range)
    }
}

/// Entry point of the parser and the vocabulary of the language.
public enum Parser {
    /// Parses a whole script. Never fails: syntax errors are returned as diagnostics and the
    /// parser recovers at the next statement (or the next line of a block), so one run reports
    /// every syntax error. At most one error is kept per line: a second one on the same line is
    /// almost always a consequence of the first.
    public static func parse(_ source: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        let tokens = lexer.tokenize()
        var parser = SyntaxParser(source: source, tokens: tokens)
        let program = parser.parseProgram()
        let diagnostics = oneErrorPerLine(lexer.diagnostics + parser.diagnostics, in: source)
        return (program, diagnostics)
    }

    /// The words that start a step, in the order a script usually uses them.
    public static let stepKeywords: [String] = Keyword.steps.map(\.rawValue)

    /// The words that start a line of a `clean` block.
    public static let cleanOperationKeywords: [String] = Keyword.cleanOperations.map(\.rawValue)

    /// The words that start a line of a `feature` block (besides `name = ...`).
    public static let featureOperationKeywords: [String] = Keyword.featureOperations.map(\.rawValue)

    /// The other words steps and operations are made of (`as`, `with`, `where`, `limit`, ...).
    /// All are contextual: they may still be used as table or column names.
    public static let clauseKeywords: [String] = Keyword.clauses.map(\.rawValue)

    /// Words reserved inside expressions; a column with such a name needs backticks there.
    public static let reservedWords: [String] = Keyword.reserved.map(\.rawValue)

    /// Keeps the first diagnostic of each line (by position), in source order.
    static func oneErrorPerLine(_ diagnostics: [Diagnostic], in source: SourceFile) -> [Diagnostic] {
        let ordered = diagnostics.enumerated().sorted { a, b in
            a.element.range.start != b.element.range.start
                ? a.element.range.start < b.element.range.start
                : a.offset < b.offset
        }
        var seenLines = Set<Int>()
        var kept: [Diagnostic] = []
        for (_, diagnostic) in ordered {
            let line = source.location(of: diagnostic.range.start).line
            if seenLines.insert(line).inserted { kept.append(diagnostic) }
        }
        return kept
    }

    // MARK: - REPL support

    /// True when `text` (the lines typed so far, joined with "\n", without a final line break)
    /// ends inside an open bracket, right after a block header's `:`, or on an indented line of
    /// a block that may continue. An empty last line ends a block, as in other REPLs. Strings
    /// and backtick names cannot span lines, so an unclosed one is an error to report at once,
    /// not a reason to wait.
    public static func needsMoreInput(_ text: String) -> Bool {
        let source = SourceFile(name: "<input>", text: text)
        var lexer = Lexer(source)
        let tokens = lexer.tokenize()
        if lexer.endsInsideBrackets { return true }
        let lastLine = lastPhysicalLine(of: source.bytes)
        if lastLine.isBlank, lastLine.start > 0 { return false }
        guard let lastToken = tokens.last(where: { !isLayout($0.kind) }) else { return false }
        if lastToken.kind == .colon { return true }
        return lexer.openLevelsAtEnd > 0 && !lastLine.isBlank && opensBlock(tokens)
    }

    /// True when some header (`...:` at the end of a line) is followed by an indented block;
    /// a stray indented line is an error to report, not a block to wait for.
    private static func opensBlock(_ tokens: [Token]) -> Bool {
        guard tokens.count >= 3 else { return false }
        return (2..<tokens.count).contains { index in
            tokens[index].kind == .indent && tokens[index - 1].kind == .newline && tokens[index - 2].kind == .colon
        }
    }

    private static func isLayout(_ kind: TokenKind) -> Bool {
        kind == .newline || kind == .indent || kind == .dedent || kind == .endOfFile
    }

    /// Where the last physical line starts, and whether it holds only spaces and tabs.
    private static func lastPhysicalLine(of bytes: [UInt8]) -> (start: Int, isBlank: Bool) {
        var start = bytes.count
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let isBlank = bytes[start...].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r")
        }
        return (start, isBlank)
    }
}

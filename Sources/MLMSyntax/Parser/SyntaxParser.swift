/// A syntax error that stops the current line. `diagnostic` is nil when the parser stopped at
/// an `invalid` token: the lexer has already explained that text, and a second message about
/// the same spot would only be noise.
struct SyntaxError: Error {
    /// One reference wide: every `try` in the recursive descent keeps a slot for a thrown
    /// error in its frame (debug builds do not share them), so a small error keeps each
    /// bracket level's stack small enough for `Expr.maximumNesting` on a 512 KB thread.
    private let box: Box?

    private final class Box: Sendable {
        let diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }

    init(diagnostic: Diagnostic?) { box = diagnostic.map(Box.init) }

    var diagnostic: Diagnostic? { box?.diagnostic }
}

/// The parser's state: a cursor over the tokens, the diagnostics so far, and the recovery
/// rules. The grammar itself lives in the extensions (statements, blocks, expressions...).
struct SyntaxParser {
    let source: SourceFile
    let tokens: [Token]
    private(set) var index = 0
    var diagnostics: [Diagnostic] = []
    /// End of the last consumed token that is not layout, for ranges that end "here".
    private(set) var previousEnd = 0
    /// The last consumed token that is not layout, for "after 'x'" in messages.
    private(set) var previous: Token?
    /// Current depth of nested expressions, bounded so deep input cannot exhaust the stack.
    var nesting = 0

    init(source: SourceFile, tokens: [Token]) {
        self.source = source
        // The lexer always ends with endOfFile; the guard keeps `current` total regardless.
        if tokens.last?.kind == .endOfFile {
            self.tokens = tokens
        } else {
            let end = SourceRange(start: source.bytes.count, end: source.bytes.count)
            self.tokens = tokens + [Token(.endOfFile, range: end)]
        }
    }

    // MARK: - Cursor

    var current: Token { token(at: index) }

    func peek(_ offset: Int = 1) -> Token { token(at: index + offset) }

    private func token(at position: Int) -> Token {
        tokens[max(0, min(position, tokens.count - 1))]
    }

    var atEnd: Bool { current.kind == .endOfFile }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        switch token.kind {
        case .newline, .indent, .dedent, .endOfFile: break
        default:
            previousEnd = token.range.end
            previous = token
        }
        return token
    }

    /// Consumes the keyword if it is next.
    mutating func accept(_ keyword: Keyword) -> Token? {
        current.is(keyword) ? advance() : nil
    }

    mutating func accept(_ kind: TokenKind) -> Token? {
        current.kind == kind ? advance() : nil
    }

    /// Consumes the keyword or stops the line with the diagnostic `orElse` builds from the
    /// token found instead.
    @discardableResult
    mutating func expect(_ keyword: Keyword, orElse message: (Token) -> Diagnostic) throws(SyntaxError) -> Token {
        if let token = accept(keyword) { return token }
        var diagnostic = message(current)
        if current.kind == .word, current.text.lowercased() == keyword.rawValue {
            diagnostic.help = "keywords are written in lowercase: '\(keyword.rawValue)'"
        }
        throw failure(diagnostic)
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, orElse message: (Token) -> Diagnostic) throws(SyntaxError) -> Token {
        if let token = accept(kind) { return token }
        throw failure(message(current))
    }

    /// The error to throw for a problem at the current token; silent at an `invalid` token.
    func failure(_ diagnostic: Diagnostic) -> SyntaxError {
        current.kind == .invalid ? SyntaxError(diagnostic: nil) : SyntaxError(diagnostic: diagnostic)
    }

    mutating func record(_ error: SyntaxError) {
        if let diagnostic = error.diagnostic { diagnostics.append(diagnostic) }
    }

    /// A range from `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    // MARK: - Recovery

    /// Skips to the start of the next line at indentation 0: the rest of this line and any
    /// indented lines under it (a block whose header was wrong is skipped whole, silently).
    mutating func skipToNextStatement() {
        var depth = 0
        while !atEnd {
            let token = advance()
            switch token.kind {
            case .indent: depth += 1
            case .dedent: depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, token.kind == .newline || token.kind == .dedent, current.kind != .indent {
                return
            }
        }
    }

    /// Inside a block: skips to the next line of the same block, or stops before the `dedent`
    /// that closes it.
    mutating func skipToNextBlockLine() {
        var depth = 0
        while !atEnd {
            if depth == 0, current.kind == .dedent { return }
            let token = advance()
            switch token.kind {
            case .indent: depth += 1
            case .dedent: depth -= 1
            default: break
            }
            if depth == 0, token.kind == .newline || token.kind == .dedent, current.kind != .indent {
                return
            }
        }
    }

    /// Reports a stray indented line and skips it along with anything indented under it.
    mutating func skipUnexpectedIndentation() {
        guard current.kind == .indent else { return }
        let stray = peek()
        diagnostics.append(SyntaxMessages.unexpectedIndentation(at: stray.range))
        var depth = 0
        while !atEnd {
            let token = advance()
            if token.kind == .indent { depth += 1 }
            if token.kind == .dedent {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    // MARK: - Nesting guard

    mutating func enterNesting() throws(SyntaxError) {
        nesting += 1
        if nesting > Expr.maximumNesting {
            throw failure(SyntaxMessages.nestedTooDeeply(at: current.range))
        }
    }

    mutating func leaveNesting() { nesting -= 1 }
}

extension Token {
    /// Where a "found ..." message points: the token, or the end of the line for layout.
    var spot: SourceRange {
        endsLine ? SourceRange(start: range.start, end: range.start) : range
    }
}

/// Turns a script into tokens, including the layout tokens `newline`, `indent` and `dedent`
/// that give blocks their shape. Never fails: unreadable text becomes an `invalid` token plus
/// a diagnostic, and lexing carries on.
public struct Lexer {
    let source: SourceFile
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []
    public internal(set) var diagnostics: [Diagnostic] = []
    /// True when the text ended before every `(` and `[` was closed (a REPL reads on).
    public private(set) var endsInsideBrackets = false
    /// Indentation levels still open at the end of the text (a REPL block may continue).
    public private(set) var openLevelsAtEnd = 0

    var indentation = IndentationStack()
    /// Open brackets of the current logical line; newlines inside them continue the line.
    var openBrackets = 0
    /// Indentation width of the physical line the current logical line started on.
    var logicalLineWidth = 0
    /// True once the current logical line has produced a token (so it needs a `newline`).
    var lineHasTokens = false

    public init(_ source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    /// Convenience for tools: all tokens of a text plus the lexing diagnostics.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        let tokens = lexer.tokenize()
        return (tokens, lexer.diagnostics)
    }

    /// All tokens of the source, always ending with `endOfFile`.
    public mutating func tokenize() -> [Token] {
        position = 0
        tokens = []
        diagnostics = []
        skipByteOrderMark()
        var atLineStart = true
        while position < bytes.count {
            if atLineStart {
                atLineStart = false
                if !beginLine() { atLineStart = true }
                continue
            }
            if lexLineBreakIfAny() {
                atLineStart = openBrackets == 0
                continue
            }
            lexToken()
        }
        finish()
        return tokens
    }

    // MARK: - Layout

    /// Measures a physical line's indentation and emits `indent`/`dedent`. Returns false when
    /// the line is blank or only a comment (it was skipped, so the next line starts now).
    private mutating func beginLine() -> Bool {
        let lineStart = position
        var spaces = 0, tabs = 0
        var lookalike: (Unicode.Scalar, start: Int)?
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .space || byte == .tab {
                if byte == .space { spaces += 1 } else { tabs += 1 }
                position += 1
                continue
            }
            // A pasted no-break or zero-width space: named once, then counted as what it looks
            // like, so the block structure (and every later message) stays right.
            guard byte >= 0x80, let (scalar, length) = decodeScalar(at: position),
                  InvisibleCharacters.looksLikeSpace(scalar) || scalar.properties.generalCategory == .format else { break }
            if lookalike == nil { lookalike = (scalar, position) }
            if InvisibleCharacters.looksLikeSpace(scalar) { spaces += 1 }
            position += length
        }
        if let (scalar, start) = lookalike, !restOfLineIsBlank() {
            diagnostics.append(SyntaxMessages.invisibleIndentation(scalar, at: SourceRange(start: start, end: position)))
        }
        if restOfLineIsBlank() {
            skipPastLineBreak()
            return false
        }
        let placement = indentation.place(spaces: spaces, tabs: tabs)
        let here = SourceRange(start: position, end: position)
        if let problem = placement.problem {
            let prefix = SourceRange(start: lineStart, end: position)
            diagnostics.append(SyntaxMessages.indentation(problem, at: prefix))
        }
        for _ in 0..<placement.dedents { tokens.append(Token(.dedent, range: here)) }
        for _ in 0..<placement.indents { tokens.append(Token(.indent, range: here)) }
        logicalLineWidth = spaces + tabs
        lineHasTokens = false
        return true
    }

    /// Handles a line break (`\n`, `\r\n` or `\r`) at the current position. Inside brackets the line usually
    /// continues, unless the next line looks like a new step or operation (see `continues`).
    private mutating func lexLineBreakIfAny() -> Bool {
        let breakLength = lineBreakLength(at: position)
        guard breakLength > 0 else { return false }
        let range = SourceRange(start: position, end: position + breakLength)
        if openBrackets > 0, continuesAfterLineBreak(at: position + breakLength) {
            position += breakLength
            skipBlankAndCommentLines()
            return true
        }
        openBrackets = 0
        if lineHasTokens { tokens.append(Token(.newline, range: range)) }
        lineHasTokens = false
        position += breakLength
        return true
    }

    /// Inside brackets, a following line continues the open list or call when it is indented
    /// deeper than the line that opened it, or does not start with a word (a closing bracket,
    /// a string, a number...). A line that starts with a word at the same or a lower
    /// indentation is a new step or operation: the bracket was left open by mistake, and
    /// ending the line here keeps that mistake from swallowing the rest of the script.
    private func continuesAfterLineBreak(at start: Int) -> Bool {
        var cursor = start
        while cursor < bytes.count {
            var width = 0
            while cursor < bytes.count, bytes[cursor] == .space || bytes[cursor] == .tab {
                width += 1
                cursor += 1
            }
            let length = lineBreakLength(at: cursor)
            if length > 0 { cursor += length; continue }
            if cursor < bytes.count, bytes[cursor] == .hash {
                while cursor < bytes.count, lineBreakLength(at: cursor) == 0 { cursor += 1 }
                continue
            }
            guard cursor < bytes.count else { return true }
            return width > logicalLineWidth || !startsWord(at: cursor)
        }
        // Nothing follows: the text ends inside the brackets (a REPL reads another line).
        return true
    }

    private mutating func skipBlankAndCommentLines() {
        while position < bytes.count {
            while position < bytes.count, bytes[position] == .space || bytes[position] == .tab {
                position += 1
            }
            guard position < bytes.count, restOfLineIsBlank() else { return }
            skipPastLineBreak()
        }
    }

    private mutating func finish() {
        let end = SourceRange(start: bytes.count, end: bytes.count)
        if lineHasTokens { tokens.append(Token(.newline, range: end)) }
        endsInsideBrackets = openBrackets > 0
        openLevelsAtEnd = indentation.depth
        for _ in 0..<indentation.closeAll() { tokens.append(Token(.dedent, range: end)) }
        tokens.append(Token(.endOfFile, range: end))
    }

    // MARK: - Byte helpers

    func byte(at index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// 1 for `\n`, 2 for `\r\n`, 1 for a lone `\r` (old Mac line endings, which some editors
    /// and exports still write), 0 otherwise. SourceFile numbers lines by the same rule.
    func lineBreakLength(at index: Int) -> Int {
        SourceFile.lineBreakLength(bytes, at: index)
    }

    /// True when only spaces, tabs and perhaps a comment remain on the current line.
    func restOfLineIsBlank() -> Bool {
        var cursor = position
        while cursor < bytes.count {
            let current = bytes[cursor]
            if current == .hash || lineBreakLength(at: cursor) > 0 { return true }
            if current != .space && current != .tab { return false }
            cursor += 1
        }
        return true
    }

    mutating func skipPastLineBreak() {
        while position < bytes.count {
            let length = lineBreakLength(at: position)
            if length > 0 { position += length; return }
            position += 1
        }
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    mutating func append(_ token: Token) {
        tokens.append(token)
        lineHasTokens = true
        switch token.kind {
        case .leftParen, .leftBracket: openBrackets += 1
        case .rightParen, .rightBracket: openBrackets = max(0, openBrackets - 1)
        default: break
        }
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let hash = UInt8(ascii: "#")
    static let dot = UInt8(ascii: ".")
    static let backslash = UInt8(ascii: "\\")
    static let backtick = UInt8(ascii: "`")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let percentSign = UInt8(ascii: "%")
    static let underscore = UInt8(ascii: "_")

    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIILetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }
}

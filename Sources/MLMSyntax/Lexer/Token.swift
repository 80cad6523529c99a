/// The kinds of token the lexer produces. Keywords are not separate kinds: every step,
/// operation and clause word is contextual, so the lexer emits `.word` and the parser decides.
public enum TokenKind: String, Sendable, Equatable, CaseIterable {
    /// A bare name or keyword: `[A-Za-z_][A-Za-z0-9_]*` (letters may be any Unicode letter).
    case word
    /// A name in backticks, for column names with spaces or symbols: `` `Annual Income (k$)` ``.
    case quotedName
    /// Text in "double" or 'single' quotes; `text` holds the decoded value.
    case string
    case number
    /// A number written immediately before `%`: `80%`. `number` holds 80.
    case percent

    case plus, minus, star, slash, caret
    /// `=` (equality in expressions, assignment after a feature's output name)
    case equal
    /// `==`
    case equalEqual
    /// `!=` or `<>`
    case notEqual
    case less, lessEqual, greater, greaterEqual
    case leftParen, rightParen, leftBracket, rightBracket
    case comma, colon, dotDot

    /// The end of a logical line (newlines inside brackets continue the line).
    case newline
    /// The following line is indented deeper than the previous one.
    case indent
    /// One indentation level closes.
    case dedent
    case endOfFile
    /// Text the lexer could not read; the lexer has already reported why.
    case invalid
}

/// One token with where it was written. Layout tokens (`newline`, `indent`, `dedent`,
/// `endOfFile`) have empty text.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var range: SourceRange
    /// Words: the word. Quoted names: the name without backticks. Strings: the decoded text.
    /// Numbers and percents: the digits as written (without `%`). Symbols: the symbol.
    public var text: String
    /// The value of a `number` or `percent` token, 0 otherwise.
    public var number: Double

    public init(_ kind: TokenKind, range: SourceRange, text: String = "", number: Double = 0) {
        self.kind = kind
        self.range = range
        self.text = text
        self.number = number
    }

    /// True for tokens that end a logical line as far as a statement is concerned.
    public var endsLine: Bool {
        kind == .newline || kind == .endOfFile || kind == .dedent || kind == .indent
    }

    /// True when this token is the bare word `word` (case-sensitive: keywords are lowercase).
    public func isWord(_ word: String) -> Bool {
        kind == .word && text == word
    }

    /// True for tokens that can name a table, column, model or option.
    public var isName: Bool { kind == .word || kind == .quotedName }

    /// How the token reads in a message: `'bank'`, `the text "x.csv"`, `'80%'`, `end of line`.
    public var description: String {
        switch kind {
        case .word, .quotedName: return "'\(Token.shortened(text))'"
        case .string: return "the text \"\(Token.shortened(text))\""
        case .number: return "'\(text)'"
        case .percent: return "'\(text)%'"
        case .newline, .endOfFile, .dedent: return "end of line"
        case .indent: return "an indented line"
        case .invalid: return "'\(Token.shortened(text))'"
        default: return "'\(text)'"
        }
    }

    /// Long user text is cut so a message stays on one line.
    static func shortened(_ text: String) -> String {
        text.count <= 30 ? text : String(text.prefix(27)) + "..."
    }
}

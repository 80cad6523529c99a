// Reading one token at the current position: words, numbers, symbols and unexpected text.
// Strings and backtick names are in Lexer+Quoted.swift.

extension Lexer {
    mutating func lexToken() {
        let current = bytes[position]
        switch current {
        case .space, .tab:
            position += 1
        case .hash:
            while position < bytes.count, lineBreakLength(at: position) == 0 { position += 1 }
        case .doubleQuote, .singleQuote:
            lexString(quote: current)
        case .backtick:
            lexQuotedName()
        case _ where current.isASCIIDigit:
            lexNumber()
        case .dot where byte(at: position + 1).isASCIIDigit:
            lexNumber()
        case _ where startsWord(at: position):
            lexWord()
        default:
            if !lexSymbol() { lexUnexpectedCharacter() }
        }
    }

    // MARK: - Words

    /// True when a word starts here: an ASCII letter, `_`, or a non-ASCII letter.
    func startsWord(at index: Int) -> Bool {
        let current = byte(at: index)
        if current.isASCIILetter || current == .underscore { return true }
        guard current >= 0x80, let (scalar, _) = decodeScalar(at: index) else { return false }
        return scalar.properties.isAlphabetic
    }

    private func continuesWord(at index: Int) -> Int {
        let current = byte(at: index)
        if current.isASCIILetter || current.isASCIIDigit || current == .underscore { return 1 }
        guard current >= 0x80, let (scalar, length) = decodeScalar(at: index) else { return 0 }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? length : 0
    }

    private mutating func lexWord() {
        let start = position
        while position < bytes.count {
            let length = continuesWord(at: position)
            if length == 0 { break }
            position += length
        }
        append(Token(.word, range: SourceRange(start: start, end: position), text: text(from: start)))
    }

    // MARK: - Numbers

    /// `42`, `3.14`, `1.`, `.5`, `1e-3`, `2.5E+4`, and `80%` as a percent token. A dot
    /// followed by another dot is left alone so `2..8` reads as a range.
    private mutating func lexNumber() {
        let start = position
        skipDigits()
        if byte(at: position) == .dot, byte(at: position + 1) != .dot {
            position += 1
            skipDigits()
        }
        skipExponentIfAny()
        let digits = text(from: start)
        let value = Double(digits) ?? .infinity
        var kind = TokenKind.number
        if byte(at: position) == .percentSign {
            position += 1
            kind = .percent
        }
        let range = SourceRange(start: start, end: position)
        guard value.isFinite else {
            diagnostics.append(SyntaxMessages.numberTooLarge(digits, at: range))
            append(Token(.invalid, range: range, text: digits))
            return
        }
        append(Token(kind, range: range, text: digits, number: value))
    }

    private mutating func skipDigits() {
        while byte(at: position).isASCIIDigit { position += 1 }
    }

    /// An exponent needs at least one digit; otherwise the `e` starts the next word.
    private mutating func skipExponentIfAny() {
        let marker = byte(at: position)
        guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return }
        var cursor = position + 1
        let sign = byte(at: cursor)
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { cursor += 1 }
        guard byte(at: cursor).isASCIIDigit else { return }
        position = cursor
        skipDigits()
    }

    // MARK: - Symbols

    /// Operators and punctuation, longest match first. Returns false for anything else.
    private mutating func lexSymbol() -> Bool {
        let first = byte(at: position), second = byte(at: position + 1)
        let pair: TokenKind? = switch (first, second) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")): .equalEqual
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: ">")): .notEqual
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): .greaterEqual
        case (.dot, .dot): .dotDot
        default: nil
        }
        if let pair {
            appendSymbol(pair, length: 2)
            return true
        }
        guard let single = Lexer.singleCharacterSymbols[first] else { return false }
        appendSymbol(single, length: 1)
        return true
    }

    private static let singleCharacterSymbols: [UInt8: TokenKind] = [
        UInt8(ascii: "+"): .plus, UInt8(ascii: "-"): .minus, UInt8(ascii: "*"): .star,
        UInt8(ascii: "/"): .slash, UInt8(ascii: "^"): .caret, UInt8(ascii: "="): .equal,
        UInt8(ascii: "<"): .less, UInt8(ascii: ">"): .greater, UInt8(ascii: "("): .leftParen,
        UInt8(ascii: ")"): .rightParen, UInt8(ascii: "["): .leftBracket,
        UInt8(ascii: "]"): .rightBracket, UInt8(ascii: ","): .comma, UInt8(ascii: ":"): .colon,
    ]

    private mutating func appendSymbol(_ kind: TokenKind, length: Int) {
        let start = position
        position += length
        append(Token(kind, range: SourceRange(start: start, end: position), text: text(from: start)))
    }

    // MARK: - Unexpected text

    /// One diagnostic per run of unreadable characters, so `$$$` is one error, not three.
    private mutating func lexUnexpectedCharacter() {
        let start = position
        let length = decodeScalar(at: position)?.1 ?? 1
        position += length
        let range = SourceRange(start: start, end: position)
        if let last = tokens.last, last.kind == .invalid, last.range.end == start,
           let previous = diagnostics.last, previous.range == last.range {
            let merged = SourceRange(start: last.range.start, end: position)
            let text = text(from: merged.start)
            tokens[tokens.count - 1] = Token(.invalid, range: merged, text: text)
            diagnostics[diagnostics.count - 1] = SyntaxMessages.unexpectedCharacters(text, at: merged)
            return
        }
        let character = text(from: start)
        diagnostics.append(SyntaxMessages.unexpectedCharacters(character, at: range))
        append(Token(.invalid, range: range, text: character))
    }

    // MARK: - Text helpers

    func text(from start: Int) -> String {
        let end = max(start, min(position, bytes.count))
        return String(decoding: bytes[max(0, min(start, end))..<end], as: UTF8.self)
    }

    /// The Unicode scalar starting at `index` and its length in bytes, nil when the bytes are
    /// not valid UTF-8 (cannot happen for text that came from a Swift string, but costs nothing).
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = byte(at: index)
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return Unicode.Scalar(UInt32(lead)).map { ($0, 1) }
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(continuation & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}

// Quoted text: strings in "..." or '...' with escapes, and column names in backticks.
// Both end at the end of their line: a forgotten closing quote then costs one error on one
// line instead of swallowing the rest of the script.

extension Lexer {
    /// Escapes a string may contain, by the byte after the backslash.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""),
        UInt8(ascii: "'"): UInt8(ascii: "'"),
        .backslash: .backslash,
        UInt8(ascii: "n"): .newline,
        UInt8(ascii: "t"): .tab,
    ]

    mutating func lexString(quote: UInt8) {
        let start = position
        position += 1
        var value: [UInt8] = []
        var badEscape: SourceRange?
        while true {
            guard position < bytes.count, lineBreakLength(at: position) == 0 else {
                reportUnterminated(from: start, quote: quote)
                return
            }
            let current = bytes[position]
            if current == quote {
                position += 1
                break
            }
            if current == .backslash, position + 1 < bytes.count, lineBreakLength(at: position + 1) == 0 {
                let escaped = bytes[position + 1]
                if let replacement = Lexer.escapes[escaped] {
                    value.append(replacement)
                } else {
                    // Kept as written so the text still reads sensibly; the error says why.
                    badEscape = badEscape ?? escapeRange(at: position)
                    value.append(contentsOf: [current, escaped])
                }
                position += 2
                continue
            }
            value.append(current)
            position += 1
        }
        let range = SourceRange(start: start, end: position)
        if let badEscape {
            diagnostics.append(SyntaxMessages.unknownEscape(source.text(of: badEscape), at: badEscape))
        }
        append(Token(.string, range: range, text: String(decoding: value, as: UTF8.self)))
    }

    /// A backslash and the whole character after it (which may take several bytes).
    private func escapeRange(at index: Int) -> SourceRange {
        let length = decodeScalar(at: index + 1)?.1 ?? 1
        return SourceRange(start: index, end: index + 1 + length)
    }

    private mutating func reportUnterminated(from start: Int, quote: UInt8) {
        let end = lineContentEnd(from: start)
        position = end
        let range = SourceRange(start: start, end: end)
        let quoteText = String(decoding: [quote], as: UTF8.self)
        diagnostics.append(SyntaxMessages.unterminatedString(quote: quoteText, at: range))
        append(Token(.invalid, range: range, text: text(from: start)))
    }

    /// Column names in backticks: no escapes, no line breaks, not empty.
    mutating func lexQuotedName() {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != .backtick, lineBreakLength(at: position) == 0 {
            position += 1
        }
        guard byte(at: position) == .backtick else {
            position = lineContentEnd(from: start)
            let range = SourceRange(start: start, end: position)
            diagnostics.append(SyntaxMessages.unterminatedBacktickName(at: range))
            append(Token(.invalid, range: range, text: text(from: start)))
            return
        }
        let name = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        position += 1
        let range = SourceRange(start: start, end: position)
        if name.isEmpty {
            diagnostics.append(SyntaxMessages.emptyBacktickName(at: range))
            append(Token(.invalid, range: range, text: "``"))
            return
        }
        append(Token(.quotedName, range: range, text: name))
    }

    /// Where the current line's text ends (before `\r\n`, `\n` or the end of input).
    private func lineContentEnd(from start: Int) -> Int {
        var cursor = start
        while cursor < bytes.count, lineBreakLength(at: cursor) == 0 { cursor += 1 }
        return cursor
    }
}

/// Cuts the text before the cursor into the pieces completion reasons about: the finished
/// tokens, and the unfinished word (or quoted path, or backtick name) being typed.
///
/// The language's lexer is not used here on purpose: it reports an unclosed string as an error
/// and forgets where it began, while completion needs exactly that unfinished piece.
struct CompletionScanner {
    enum Piece: Equatable {
        case word(String)
        case string(String)
        case number(String)
        case symbol(String)

        var word: String? {
            if case .word(let text) = self { return text }
            return nil
        }
    }

    /// What is being typed at the cursor.
    enum Partial: Equatable {
        /// A plain word (possibly empty, after a space or at the start).
        case word(String)
        /// The inside of an unclosed `"...` or `'...`: a file path.
        case quoted(String)
        /// An unclosed backtick name, including its opening backtick.
        case backtick(String)
    }

    private(set) var pieces: [Piece] = []
    private(set) var partial: Partial = .word("")

    init(_ text: String) {
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "#" { break }
            if char == " " || char == "\t" || char == "\n" {
                index += 1
            } else if char == "\"" || char == "'" {
                index = scanQuoted(chars, from: index)
            } else if char == "`" {
                index = scanBacktick(chars, from: index)
            } else if CompletionScanner.isWordCharacter(char) {
                index = scanWord(chars, from: index)
            } else {
                pieces.append(.symbol(String(char)))
                index += 1
            }
        }
        // A word that touches the cursor is still being typed.
        if case .word = partial, let lastChar = chars.last, CompletionScanner.isWordCharacter(lastChar) {
            switch pieces.last {
            case .word(let text)?, .number(let text)?:
                pieces.removeLast()
                partial = .word(text)
            default:
                break
            }
        }
    }

    static func isWordCharacter(_ char: Character) -> Bool {
        char.isLetter || char.isNumber || char == "_" || char == "." || char == "%"
    }

    private mutating func scanQuoted(_ chars: [Character], from start: Int) -> Int {
        let quote = chars[start]
        var index = start + 1
        var text = ""
        while index < chars.count, chars[index] != quote {
            if chars[index] == "\\", index + 1 < chars.count { index += 1 }
            text.append(chars[index])
            index += 1
        }
        if index >= chars.count {
            partial = .quoted(text)
            return index
        }
        pieces.append(.string(text))
        return index + 1
    }

    private mutating func scanBacktick(_ chars: [Character], from start: Int) -> Int {
        var index = start + 1
        while index < chars.count, chars[index] != "`" { index += 1 }
        if index >= chars.count {
            partial = .backtick(String(chars[start...]))
            return index
        }
        pieces.append(.word(String(chars[(start + 1)..<index])))
        return index + 1
    }

    private mutating func scanWord(_ chars: [Character], from start: Int) -> Int {
        var index = start
        while index < chars.count, CompletionScanner.isWordCharacter(chars[index]) { index += 1 }
        let text = String(chars[start..<index])
        let isNumber = text.first.map { $0.isNumber || $0 == "." } ?? false
        pieces.append(isNumber ? .number(text) : .word(text))
        return index
    }
}

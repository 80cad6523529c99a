import MLMSyntax

/// Gathers the lines of one entry: a single line, a block (`clean bank:` then its operations,
/// ended by an empty line), or a line with an open bracket and its continuation. The parser
/// decides when an entry is complete, so the REPL and scripts agree on what a step is.
struct EntryBuilder {
    private(set) var lines: [String] = []

    /// The indentation given to a block line typed without any, so `clean bank:` followed by
    /// `drop duplicates` does what was meant.
    static let blockIndent = "    "

    var isEmpty: Bool { lines.isEmpty }

    var text: String { lines.joined(separator: "\n") }

    /// Adds a typed line; returns true when the entry is complete.
    mutating func add(_ line: String) -> Bool {
        // A block recalled from the history arrives as one line with line breaks in it: it is
        // a whole entry, so it runs on Enter without waiting for the closing empty line.
        if lines.isEmpty, line.contains("\n") {
            lines = [line]
            if Parser.needsMoreInput(text), !isInsideBrackets { lines.append("") }
            return !Parser.needsMoreInput(text)
        }
        var line = line
        if let header = lines.first, EntryBuilder.endsWithColon(header), !isInsideBrackets,
           let first = line.first, first != " ", first != "\t" {
            line = EntryBuilder.blockIndent + line
        }
        lines.append(line)
        if lines.count == 1, line.drop(while: { $0 == " " }).hasPrefix(":") { return true }
        return !Parser.needsMoreInput(text)
    }

    mutating func reset() { lines = [] }

    private var isInsideBrackets: Bool {
        var lexer = Lexer(SourceFile(name: "<input>", text: text))
        _ = lexer.tokenize()
        return lexer.endsInsideBrackets
    }

    /// A block header: the line's last token (comments aside) is a colon.
    static func endsWithColon(_ line: String) -> Bool {
        CompletionScanner(line + "\n").pieces.last == .symbol(":")
    }
}

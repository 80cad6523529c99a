import MLMCore

/// Text built to misbehave on a terminal: escape sequences that retitle the window, clear the
/// screen, hide text or open links, bells, backspaces, carriage returns, C1 controls and
/// bidirectional overrides, mixed with ordinary and non-ASCII letters. Seeded and bounded.
struct HostileTextGenerator {
    static let hostilePieces = [
        "\u{1B}", "\u{1B}]0;owned\u{07}", "\u{1B}]8;;https://example.invalid\u{1B}\\", "\u{1B}[2J", "\u{1B}[H",
        "\u{1B}[8m", "\u{1B}[31m", "\u{1B}[1m", "\u{1B}[0m", "\u{07}", "\u{08}", "\r", "\t", "\n", "\r\n", "\u{7F}",
        "\u{85}", "\u{9B}2J", "\u{9D}0;x\u{9C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200F}", "\u{061C}", "\u{2028}", "\u{01}", "\u{1F}",
    ]
    static let pieces = hostilePieces + ["abc", "Zoë", "日本", "x", "1", " "]

    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// One hostile piece and up to `count - 1` more of any kind.
    mutating func text(pieces count: Int = 4) -> String {
        var text = HostileTextGenerator.hostilePieces[random.nextInt(below: HostileTextGenerator.hostilePieces.count)]
        for _ in 0..<random.nextInt(below: max(1, count)) {
            text += HostileTextGenerator.pieces[random.nextInt(below: HostileTextGenerator.pieces.count)]
        }
        return text
    }

    mutating func nextInt(below bound: Int) -> Int { random.nextInt(below: bound) }

    /// A CSV table with hostile column names (first the plain `id`) and hostile cell values,
    /// quoted as CSV requires, and the column names.
    mutating func csv(rows: Int, columns: Int) -> (text: String, names: [String]) {
        // `plan` is plain so a script can name it (the lexer refuses control characters in
        // backtick names); the others are hostile.
        var names = ["id", "plan"]
        for column in 1...columns { names.append("c\(column)" + text(pieces: 3)) }
        var lines = [names.map(Self.quoted).joined(separator: ",")]
        for row in 0..<rows {
            var cells = [String(row + 1)]
            for _ in 0...columns { cells.append(random.nextInt(below: 5) == 0 ? "" : text()) }
            lines.append(cells.map(Self.quoted).joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", names)
    }

    static func quoted(_ cell: String) -> String {
        "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

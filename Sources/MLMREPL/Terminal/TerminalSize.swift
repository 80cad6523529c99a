import Foundation

/// The size of the terminal the REPL writes to, read again for every step so a resized
/// window is used at once.
enum TerminalSize {
    /// Used when output is not a terminal or the size cannot be read.
    static let fallbackColumns = 100

    static func columns() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return fallbackColumns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return fallbackColumns }
        return Int(size.ws_col)
    }
}

/// Completion candidates laid out in columns, as shells list them.
enum CandidateListing {
    /// At most this many are listed; a note gives the count of the rest.
    static let limit = 200

    static func format(_ candidates: [String], width: Int) -> String {
        let shown = Array(candidates.prefix(limit))
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perLine = max(1, width / max(cell, 1))
        var lines: [String] = []
        var index = 0
        while index < shown.count {
            let row = shown[index..<min(index + perLine, shown.count)]
            lines.append(row.map { $0.padding(toLength: cell, withPad: " ", startingAt: 0) }.joined()
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            index += perLine
        }
        if candidates.count > shown.count { lines.append("(\(candidates.count - shown.count) more)") }
        return lines.joined(separator: "\n")
    }
}

import CLibEdit
import Foundation

/// Where the REPL's lines come from: libedit on a terminal (editing, history), plain standard
/// input otherwise, so `mlm repl < steps.mlm` works without prompts.
protocol LineReader {
    /// The next line without its line break, or nil at end of input (Ctrl-D).
    mutating func readLine(prompt: String) -> String?
    mutating func remember(_ entry: String)
}

/// Wraps libedit's readline interface; the only type that touches its C pointers.
struct EditLineReader: LineReader {
    private let historyPath: String?

    init(historyPath: String?) {
        self.historyPath = historyPath
        stifle_history(1000)
        if let historyPath { read_history(historyPath) }
    }

    mutating func readLine(prompt: String) -> String? {
        guard let raw = CLibEdit.readline(prompt) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    mutating func remember(_ entry: String) {
        add_history(entry)
        if let historyPath { write_history(historyPath) }
    }
}

struct PipedLineReader: LineReader {
    mutating func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
    mutating func remember(_ entry: String) {}
}

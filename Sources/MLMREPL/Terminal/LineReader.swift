import Foundation

/// What one read of a line gave.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: the line (and any unfinished block) is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
}

/// Where the REPL's lines come from: libedit on a terminal (editing, history, completion),
/// plain standard input otherwise, so `mlm repl < steps.mlm` works without prompts.
protocol LineReader: AnyObject {
    /// The next line without its line break. `pending` holds the lines of the entry typed so
    /// far (a block header and its lines), which completion needs to know the table.
    func readLine(prompt: String, pending: [String]) -> LineInput
    /// Adds a finished entry to the history.
    func remember(_ entry: String)
    /// The history, oldest first.
    var history: [String] { get }
}

/// Standard input that is not a terminal: no prompt, no editing; history lasts for the run.
final class PipedLineReader: LineReader {
    private(set) var history: [String] = []

    func readLine(prompt: String, pending: [String]) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }

    func remember(_ entry: String) { history.append(entry) }
}

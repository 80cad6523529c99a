import Foundation
import MLMCore
import MLMReport
import MLMRuntime
import MLMSyntax

/// The interactive prompt. Every statement goes through the same parser, checker and interpreter
/// as a script; only input and meta-commands (`:help`, `:tables`, ...) are the REPL's own.
public final class REPL {
    public struct Options: Sendable {
        public var color: Bool
        public init(color: Bool) { self.color = color }
    }

    static let prompt = "mlm> "
    static let continuationPrompt = "...> "

    let options: Options
    let interactive: Bool
    var session = Session()
    /// The source of every step that ran without error, in order: what `:save` writes.
    var steps: [String] = []
    /// Their results, numbered by their lines in the saved script: what `:report` shows.
    var outputs: [StepOutput] = []
    let reader: any LineReader
    /// Entries that failed (piped input reports them in its exit status, as a script would).
    var failures = 0

    public init(options: Options) {
        self.options = options
        let editor = isatty(STDIN_FILENO) == 1 ? EditLineReader(historyPath: REPL.historyPath()) : nil
        self.interactive = editor != nil
        self.reader = editor ?? PipedLineReader()
        // Completion sees the session as it is when Tab is pressed (`:reset` replaces it).
        editor?.makeCompleter = { [unowned self] in Completer(context: CompletionContext(session: self.session)) }
    }

    /// Runs until end of input or `:quit`; returns the process exit status.
    public func start() -> Int32 {
        StepInterrupts.install(interactive: interactive)
        if interactive {
            write("mlm \(MLMRuntimeVersion.version) — type :help for help, Tab to complete, Ctrl-D to leave\n")
        }
        var entry = EntryBuilder()
        while true {
            let input = reader.readLine(prompt: entry.isEmpty ? REPL.prompt : REPL.continuationPrompt, pending: entry.lines)
            switch input {
            case .interrupted:
                entry.reset()
            case .end:
                if !entry.isEmpty { _ = handle(entry.text) }
                if interactive { write("\n") }
                return exitStatus
            case .line(let line):
                guard entry.add(line) else { continue }
                let text = entry.text
                entry.reset()
                guard handle(text) else { return exitStatus }
            }
        }
    }

    private var exitStatus: Int32 {
        // Piped input: a failing step makes the whole run fail, as a script would.
        !interactive && failures > 0 ? 70 : 0
    }

    /// Runs one entry; returns false when the REPL should stop (`:quit`).
    private func handle(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return true }
        // Stored without the empty line that closed a block, so a recalled block looks as typed.
        reader.remember(text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        if trimmed.hasPrefix(":") { return runMetaCommand(trimmed) }
        if !evaluate(text, sourceName: "<repl>", echoSource: !interactive) { failures += 1 }
        return true
    }

    static func historyPath() -> String? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".mlm_history")
    }

    /// Like the command line, the REPL writes only through `TerminalText.output`.
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.output(text).utf8))
    }

    func writeError(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.output(text).utf8))
    }
}

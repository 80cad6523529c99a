import Foundation
import MLMReport
import MLMRuntime
import MLMSyntax

/// The interactive prompt. Every statement goes through the same parser, checker and interpreter
/// as a script; only input and meta-commands (`:help`, `:tables`, ...) are the REPL's own.
public struct REPL {
    public struct Options: Sendable {
        public var color: Bool
        public init(color: Bool) { self.color = color }
    }

    let options: Options
    let session = Session()
    let interactive: Bool

    public init(options: Options) {
        self.options = options
        self.interactive = isatty(STDIN_FILENO) == 1
    }

    /// Runs until end of input or `:quit`; returns the process exit status.
    public func start() -> Int32 {
        var reader: any LineReader = interactive
            ? EditLineReader(historyPath: REPL.historyPath()) : PipedLineReader()
        if interactive { print("mlm \(MLMRuntimeVersion.version) — type :help for help, :quit to leave") }
        var failures = 0
        while let entry = readEntry(&reader) {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            reader.remember(entry)
            if trimmed.hasPrefix(":") {
                guard runMetaCommand(trimmed) else { break }
                continue
            }
            if !evaluate(entry) { failures += 1 }
        }
        // Piped input: a failing step makes the whole run fail, as a script would.
        return !interactive && failures > 0 ? 70 : 0
    }

    /// Reads one complete entry: a line, or a block header and its indented lines up to an
    /// empty line, or an unfinished string/bracket and its continuation.
    private func readEntry(_ reader: inout any LineReader) -> String? {
        guard var text = reader.readLine(prompt: "mlm> ") else { return nil }
        while Parser.needsMoreInput(text) || opensBlock(text) {
            guard let next = reader.readLine(prompt: "...> ") else { break }
            if next.trimmingCharacters(in: .whitespaces).isEmpty, opensBlock(text) || isInBlock(text) { break }
            text += "\n" + next
        }
        return text
    }

    private func opensBlock(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        return lines.count == 1 && text.trimmingCharacters(in: .whitespaces).hasSuffix(":")
    }

    private func isInBlock(_ text: String) -> Bool {
        text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces).hasSuffix(":") } ?? false
    }

    /// Parses, checks and runs one entry; prints results or errors. Returns false on an error.
    func evaluate(_ text: String) -> Bool {
        let source = SourceFile(name: "<repl>", text: text)
        let formatter = DiagnosticFormatter(source: source, style: TerminalStyle(enabled: options.color))
        let (program, syntaxErrors) = Parser.parse(source)
        let problems = syntaxErrors.isEmpty ? Checker.check(program, session: session).diagnostics : syntaxErrors
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((formatter.format(problems) + "\n").utf8))
            return false
        }
        let renderer = TerminalRenderer(color: options.color, width: 100)
        let interpreter = Interpreter(session: session, source: source)
        let failure = interpreter.run(program) { output in print(renderer.render(output)) }
        if let failure {
            FileHandle.standardError.write(Data((formatter.format(failure.diagnostic) + "\n").utf8))
            return false
        }
        return true
    }

    static func historyPath() -> String? {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".mlm_history")
    }
}

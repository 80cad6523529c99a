import Foundation
import MLMCore
import MLMReport
import MLMRuntime
import MLMSyntax

/// `mlm run` and `mlm check`: read, parse, check, and (for run) execute a script, printing
/// results to standard output and diagnostics to standard error.
struct ScriptRunner {
    let color: Bool
    let width: Int
    /// `--report`: the report to write after the run (also after a failing step).
    var report: ReportRequest?

    func run(path: String, execute: Bool) -> ExitStatus {
        guard let text = readScript(path) else { return .unreadableInput }
        let source = SourceFile(name: path, text: text)
        let formatter = DiagnosticFormatter(source: source, style: TerminalStyle(enabled: color))
        let (program, syntaxErrors) = Parser.parse(source)
        if !syntaxErrors.isEmpty {
            Terminal.writeError(formatter.format(syntaxErrors) + "\n" + summary(syntaxErrors.count))
            return .scriptError
        }
        let directory = (((path as NSString).expandingTildeInPath as NSString).deletingLastPathComponent)
        let session = Session(baseDirectory: directory.isEmpty ? FileManager.default.currentDirectoryPath
                                                              : (directory as NSString).standardizingPath.absolutePath)
        session.scriptPath = path.absolutePath
        let checked = Checker.check(program, session: session)
        if !checked.diagnostics.isEmpty {
            Terminal.writeError(formatter.format(checked.diagnostics) + "\n" + summary(checked.diagnostics.count))
            return checked.hasMissingFile ? .unreadableInput : .scriptError
        }
        if let report, let refusal = OutputTargets.refusal(writing: report.path.absolutePath, written: report.path,
                                                           step: .report, protected: checked.protectedFiles) {
            Terminal.writeError("mlm: --report \(refusal.message)\n  = help: \(refusal.help); nothing was run\n")
            return .usage
        }
        guard execute else {
            Terminal.write("\(path): no problems found in \(ValueText.counted(program.statements.count, "step"))\n")
            return .ok
        }
        let renderer = TerminalRenderer(color: color, width: width)
        let interpreter = Interpreter(session: session, source: source)
        let recorder = ReportRecorder(scriptName: path, source: source, session: session, timings: report?.timings ?? false)
        recorder.install(program: program)
        let failure = interpreter.run(program) { output in
            recorder.record(output)
            Terminal.write(renderer.render(output) + "\n")
        }
        if let failure { Terminal.writeError(formatter.format(failure.diagnostic) + "\n") }
        if let report, let problem = recorder.write(recorder.document(program: program, failure: failure), format: report.format,
                                                    to: report.path.absolutePath) {
            Terminal.writeError(problem + "\n")
            if failure == nil { return .outputError }
        }
        guard let failure else { return .ok }
        switch failure.kind {
        case .unreadableInput: return .unreadableInput
        case .failedStep, .cancelled: return .runtimeError
        case .outputFailed: return .outputError
        }
    }

    private func readScript(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
            Terminal.writeError("mlm: cannot open '\(path)': \(reason)\n")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Terminal.writeError("mlm: '\(path)' is not a UTF-8 text file\n")
            return nil
        }
        return text
    }

    private func summary(_ count: Int) -> String {
        "\(ValueText.counted(count, "error")) found before running; nothing was run\n"
    }
}

extension String {
    var absolutePath: String {
        hasPrefix("/") ? self : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(self)
    }
}

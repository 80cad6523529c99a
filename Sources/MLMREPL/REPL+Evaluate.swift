import Foundation
import MLMCore
import MLMReport
import MLMRuntime
import MLMSyntax

extension REPL {
    /// Parses, checks and runs an entry or a script's text, printing each step's result as
    /// it finishes. Returns false on the first error. Steps that ran stay in the session and
    /// in `steps` (for `:save`); a failing step leaves the session as it was before it.
    ///
    /// - Parameter echoSource: print each step's source above its result, as `mlm run` does
    ///   (piped input and `:run`); typed entries are already on the screen.
    func evaluate(_ text: String, sourceName: String, echoSource: Bool) -> Bool {
        let source = SourceFile(name: sourceName, text: text)
        let formatter = DiagnosticFormatter(source: source, style: TerminalStyle(enabled: options.color))
        let (program, syntaxErrors) = Parser.parse(source)
        let problems = syntaxErrors.isEmpty ? Checker.check(program, session: session).diagnostics : syntaxErrors
        if !problems.isEmpty {
            writeError(formatter.format(problems) + "\n")
            return false
        }
        let renderer = TerminalRenderer(color: options.color, width: TerminalSize.columns())
        let interpreter = Interpreter(session: session, source: source)
        Cancellation.reset()
        for statement in program.statements {
            do throws(RuntimeError) {
                if Cancellation.isRequested { throw RuntimeError.cancelled(at: statement.keyword.range) }
                let output = try interpreter.execute(statement)
                remember(output, source: source.text(of: statement.range))
                let rendered = renderer.render(output)
                // A blank line after each result, as `mlm run` separates its steps.
                write((echoSource ? rendered : REPL.resultsOnly(rendered, of: output)) + "\n")
            } catch {
                report(error, formatter: formatter)
                return false
            }
        }
        return true
    }

    /// Keeps a step that worked for `:save` and `:report`, its output renumbered to the line
    /// where the step starts in the saved script.
    private func remember(_ output: StepOutput, source: String) {
        let line = REPL.savedScript(steps).split(separator: "\n", omittingEmptySubsequences: false).count
        steps.append(source)
        outputs.append(StepOutput(source: output.source, line: line, results: output.results, warnings: output.warnings))
    }

    private func report(_ error: RuntimeError, formatter: DiagnosticFormatter) {
        if error.kind == .cancelled {
            // A stop the user asked for is not an error: one line, no caret.
            writeError(TerminalStyle(enabled: options.color).severity(Cancellation.message, .warning) + "\n")
        } else {
            writeError(formatter.format(error.diagnostic) + "\n")
        }
    }

    /// The rendering without its heading rule and echoed source (the rule, one line per
    /// source line, and a blank line), which the renderer always puts first.
    static func resultsOnly(_ rendered: String, of output: StepOutput) -> String {
        let sourceLines = output.source.split(separator: "\n", omittingEmptySubsequences: false).count
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(sourceLines + 2).joined(separator: "\n")
    }
}

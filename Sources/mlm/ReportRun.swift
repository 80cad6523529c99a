import Foundation
import MLMReport
import MLMRuntime
import MLMSyntax

/// What `--report` asked for.
struct ReportRequest {
    let path: String
    let format: ReportFormat
    /// Step times and the date in the report (off by default so reports are reproducible).
    let timings: Bool
}

/// Collects each step's output while a script runs, so a report of the steps so far can be
/// written by a `report` statement or, with `--report`, at the end of the run (also when a
/// step failed: the report then shows the error in place).
final class ReportRecorder {
    let scriptName: String
    let source: SourceFile
    let session: Session
    let timings: Bool
    private(set) var outputs: [StepOutput] = []
    private var seconds: [Double] = []
    private let started = Date()
    private var lastStep = Date()

    init(scriptName: String, source: SourceFile, session: Session, timings: Bool) {
        self.scriptName = scriptName
        self.source = source
        self.session = session
        self.timings = timings
    }

    func record(_ output: StepOutput) {
        outputs.append(output)
        let now = Date()
        seconds.append(now.timeIntervalSince(lastStep))
        lastStep = now
    }

    /// The report of the steps recorded so far, and of the failing step when there is one.
    func document(program: Program, failure: RuntimeError?) -> ReportDocument {
        var reportFailure: ReportFailure?
        var notRun = 0
        if let failure, outputs.count < program.statements.count {
            let statement = program.statements[outputs.count]
            let help = failure.diagnostic.help.map { "\nhelp: \($0)" } ?? ""
            reportFailure = ReportFailure(source: source.text(of: statement.range),
                                          line: source.location(of: statement.range.start).line,
                                          message: failure.diagnostic.message + help)
            notRun = program.statements.count - outputs.count - 1
        }
        var document = ReportBuilder.document(scriptName: scriptName, scriptText: source.text, outputs: outputs,
                                              failure: reportFailure, stepsNotRun: notRun, session: session,
                                              seconds: timings ? seconds : nil)
        if timings {
            document.audit.generatedAt = ISO8601DateFormatter().string(from: Date())
            document.audit.totalSeconds = Date().timeIntervalSince(started)
        }
        return document
    }

    /// Writes a report; the message to print on failure. Never over the script or a file it read.
    func write(_ document: ReportDocument, format: ReportFormat, to path: String) -> String? {
        do {
            try ReportFile.write(document, format: format, to: path, protected: session.protectedFiles)
            return nil
        } catch {
            return "mlm: \(error.message)"
        }
    }

    /// Lets `report "file"` steps write the report of the steps before them.
    func install(program: Program) {
        session.reportWriter = { [unowned self] path in
            let format = ReportFormat(path: path) ?? .html
            try ReportFile.write(self.document(program: program, failure: nil), format: format, to: path,
                                 protected: self.session.protectedFiles)
        }
    }
}

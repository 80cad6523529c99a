import Foundation
import MLMReport
import MLMRuntime
import MLMSyntax

/// Runs a script in process the way `mlm run` does and builds its report document.
enum ReportPipeline {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func document(scriptAt path: String) throws -> ReportDocument {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let source = SourceFile(name: path, text: text)
        let (program, syntaxErrors) = Parser.parse(source)
        guard syntaxErrors.isEmpty else { throw Failure(description: "syntax: \(syntaxErrors.map(\.message))") }
        let session = Session(baseDirectory: (path as NSString).deletingLastPathComponent)
        let checked = Checker.check(program, session: session)
        guard checked.diagnostics.isEmpty else { throw Failure(description: "check: \(checked.diagnostics.map(\.message))") }
        var outputs: [StepOutput] = []
        // A `report "file"` step writes the report of the steps before it, as `mlm run` does.
        session.reportWriter = { [unowned session] reportPath in
            let document = ReportBuilder.document(scriptName: path, scriptText: text, outputs: outputs, failure: nil,
                                                  stepsNotRun: 0, session: session)
            try ReportFile.write(document, format: ReportFormat(path: reportPath) ?? .html, to: reportPath,
                                 protected: session.protectedFiles)
        }
        let failure = Interpreter(session: session, source: source).run(program) { outputs.append($0) }
        var reportFailure: ReportFailure?
        if let failure {
            let statement = program.statements[outputs.count]
            reportFailure = ReportFailure(source: source.text(of: statement.range),
                                          line: source.location(of: statement.range.start).line,
                                          message: failure.diagnostic.message)
        }
        return ReportBuilder.document(scriptName: path, scriptText: text, outputs: outputs, failure: reportFailure,
                                      stepsNotRun: failure == nil ? 0 : program.statements.count - outputs.count - 1,
                                      session: session)
    }

    static func example(_ name: String) throws -> ReportDocument {
        try document(scriptAt: repositoryRoot.appendingPathComponent("examples/\(name).mlm").path)
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares with a checked-in file, or (re)writes it when MLM_RECORD=1 or it is missing.
    static func compare(_ actual: String, withFile url: URL) throws -> String? {
        let record = ProcessInfo.processInfo.environment["MLM_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return record ? nil : "recorded missing expected file \(url.lastPathComponent); run again"
        }
        guard expected != actual else { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var first = 0
        while first < e.count, first < a.count, e[first] == a[first] { first += 1 }
        let was: String = first < e.count ? e[first] : ""
        let now: String = first < a.count ? a[first] : ""
        return "\(url.lastPathComponent) differs from line \(first + 1):\n– \(was)\n+ \(now)"
    }
}

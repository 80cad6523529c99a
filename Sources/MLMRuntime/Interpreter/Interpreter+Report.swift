import Foundation
import MLMSyntax

/// Writes the report of the steps run so far. The runtime does not render reports itself:
/// whoever runs the script (`mlm run`) installs a writer on the session.
public typealias ReportWriter = (_ path: String) throws -> Void

/// The `report "file"` step's rules, shared by the checker and the interpreter.
enum ReportStep {
    static let extensions: Set<String> = ["html", "htm", "md", "markdown", "json"]
}

extension Interpreter {
    func runReport(_ report: ReportStatement, into output: inout StepOutput) throws(RuntimeError) {
        let path = session.resolve(report.path.value)
        try refuseOutput(path, report.path, step: .report)
        guard let writer = session.reportWriter else {
            throw RuntimeError("'report' writes the report of a script run with mlm run", at: report.path.range,
                               help: "save the steps with :save churn.mlm, then: mlm run churn.mlm --report churn.html")
        }
        do {
            try writer(path)
        } catch {
            throw RuntimeError(.outputFailed, "\(error)", at: report.path.range)
        }
        output.results.append(.reportWritten(path: session.shownPath(report.path.value)))
    }
}

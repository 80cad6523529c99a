import Foundation
import MLMSyntax

extension Checker {
    /// The report's format comes from its extension, so an unknown one is caught before running.
    mutating func checkReport(_ report: ReportStatement) {
        checkOutput(report.path, step: .report)
        let ext = (report.path.value as NSString).pathExtension.lowercased()
        guard ReportStep.extensions.contains(ext) else {
            self.report("cannot tell the report format of '\(report.path.value)'", at: report.path.range,
                        help: "end the file name in .html, .md or .json, as in: report \"churn.html\"")
            return
        }
    }
}

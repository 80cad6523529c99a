import MLMRuntime

/// The step that stopped a run, for the report to show in place.
public struct ReportFailure: Sendable {
    public let source: String
    public let line: Int
    /// The error message, with its help line when there is one.
    public let message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }
}

/// Builds the report of a script run: the steps that ran, in order, then the failing step if
/// the run stopped.
public enum ReportBuilder {
    public static func document(scriptName: String, scriptText: String, outputs: [StepOutput],
                                failure: ReportFailure? = nil, stepsNotRun: Int = 0,
                                session: Session, seconds: [Double]? = nil) -> ReportDocument {
        let comments = ScriptComments(text: scriptText)
        let introEnd = introductionEnd(comments)
        var cells: [ReportCell] = []
        var previousEnd = introEnd
        func prose(before line: Int) -> [String] { comments.paragraphs(from: previousEnd + 1, to: line - 1) }
        for (index, output) in outputs.enumerated() {
            var cell = ReportCell(line: output.line, source: output.source, prose: prose(before: output.line),
                                  results: output.results, warnings: output.warnings, error: nil)
            if let seconds, index < seconds.count { cell.seconds = seconds[index] }
            cells.append(cell)
            previousEnd = output.line + output.source.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        if let failure {
            cells.append(ReportCell(line: failure.line, source: failure.source, prose: prose(before: failure.line),
                                    results: [], warnings: [], error: failure.message))
        }
        let fileName = scriptName.split(separator: "/").last.map(String.init) ?? scriptName
        return ReportDocument(
            title: comments.title ?? fileName, scriptName: fileName,
            introduction: comments.paragraphs(from: 1, to: introEnd), cells: cells,
            stepsNotRun: stepsNotRun, audit: AuditTrail.make(outputs: outputs, session: session))
    }

    /// The last line of the comment block that holds the title (0 when there is no title):
    /// the rest of that block introduces the whole report rather than the first step.
    private static func introductionEnd(_ comments: ScriptComments) -> Int {
        guard let titleLine = comments.titleLine else { return 0 }
        var end = titleLine
        while end < comments.lines.count, ScriptComments.commentText(comments.lines[end]) != nil { end += 1 }
        return end
    }
}

/// Decorates parts of a rendered diagnostic (for example with terminal colours). The formatter
/// itself only lays out text.
public protocol DiagnosticStyle {
    func severity(_ text: String, _ severity: Severity) -> String
    func emphasis(_ text: String) -> String
    func caret(_ text: String, _ severity: Severity) -> String
    func gutter(_ text: String) -> String
}

/// No decoration: plain text for pipes, files and tests.
public struct PlainDiagnosticStyle: DiagnosticStyle {
    public init() {}
    public func severity(_ text: String, _ severity: Severity) -> String { text }
    public func emphasis(_ text: String) -> String { text }
    public func caret(_ text: String, _ severity: Severity) -> String { text }
    public func gutter(_ text: String) -> String { text }
}

/// Renders diagnostics as:
///
///     churn.mlm:12:10: error: there is no column 'revenu'
///        |
///     12 |     fill revenu with median
///        |          ^~~~~~
///        = help: did you mean 'revenue'?
public struct DiagnosticFormatter {
    public let source: SourceFile
    public let style: any DiagnosticStyle

    public init(source: SourceFile, style: any DiagnosticStyle = PlainDiagnosticStyle()) {
        self.source = source
        self.style = style
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let start = source.location(of: diagnostic.range.start)
        let header = "\(TerminalText.visible(source.name)):\(start.line):\(start.column): "
            + style.severity("\(diagnostic.severity.rawValue):", diagnostic.severity)
            + " " + style.emphasis(TerminalText.visible(diagnostic.message))
        let lineNumber = String(start.line)
        let pad = String(repeating: " ", count: lineNumber.count)
        // Each character as shown: control characters are escaped (several columns wide), so
        // the caret is placed by what is shown, not by the characters of the source.
        let shown = source.lineText(start.line).map { TerminalText.sourceLine(String($0)) }
        var lines = [header, style.gutter("\(pad) |"), style.gutter("\(lineNumber) |") + " " + shown.joined()]
        lines.append(style.gutter("\(pad) |") + " " + caretLine(diagnostic, start: start, shown: shown))
        for note in diagnostic.notes { lines.append(style.gutter("\(pad) =") + " note: " + TerminalText.visible(note)) }
        if let help = diagnostic.help { lines.append(style.gutter("\(pad) =") + " help: " + TerminalText.visible(help)) }
        return lines.joined(separator: "\n")
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n\n")
    }

    /// `^~~~` under the range, clipped to the first line of the range.
    private func caretLine(_ diagnostic: Diagnostic, start: SourceFile.Location, shown: [String]) -> String {
        let end = source.location(of: diagnostic.range.end)
        let lineLength = shown.count
        let firstColumn = min(start.column, lineLength + 1)
        var width = end.line == start.line ? end.column - start.column : lineLength - start.column + 1
        width = max(1, min(width, max(1, lineLength + 1 - firstColumn)))
        let lead = shown[..<(firstColumn - 1)].reduce(0) { $0 + $1.count }
        let covered = shown[(firstColumn - 1)..<min(lineLength, firstColumn - 1 + width)].reduce(0) { $0 + $1.count }
        let marks = "^" + String(repeating: "~", count: max(1, covered) - 1)
        return String(repeating: " ", count: lead) + style.caret(marks, diagnostic.severity)
    }
}

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
        let (lineText, caret) = sourceAndCaret(diagnostic, start: start)
        var lines = [header, style.gutter("\(pad) |"), style.gutter("\(lineNumber) |") + " " + lineText]
        lines.append(style.gutter("\(pad) |") + " " + caret)
        for note in diagnostic.notes { lines.append(style.gutter("\(pad) =") + " note: " + TerminalText.visible(note)) }
        if let help = diagnostic.help { lines.append(style.gutter("\(pad) =") + " help: " + TerminalText.visible(help)) }
        return lines.joined(separator: "\n")
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n\n")
    }

    /// Lines wider than this (in columns as shown) are cut to a window around the caret, with
    /// "…" where text is left out: one expression can be a line of 100,000 characters.
    static let widestLine = 400

    /// The line as shown and `^~~~` under the range, clipped to the first line of the range.
    /// Each character is taken as shown: a control character is escaped and several columns
    /// wide, so the caret is placed by what is shown, not by the characters of the source.
    private func sourceAndCaret(_ diagnostic: Diagnostic, start: SourceFile.Location) -> (String, String) {
        let shown = source.lineText(start.line).map { TerminalText.sourceLine(String($0)) }
        let end = source.location(of: diagnostic.range.end)
        let lineLength = shown.count
        let caretAt = min(start.column, lineLength + 1) - 1
        var width = end.line == start.line ? end.column - start.column : lineLength - start.column + 1
        width = max(1, min(width, max(1, lineLength - caretAt)))
        var from = 0, to = lineLength
        if shown.reduce(0, { $0 + $1.count }) > Self.widestLine {
            from = caretAt
            var before = 0
            while from > 0, before + shown[from - 1].count <= Self.widestLine / 4 {
                from -= 1
                before += shown[from].count
            }
            to = from
            var used = 0
            while to < lineLength, used + shown[to].count <= Self.widestLine {
                used += shown[to].count
                to += 1
            }
        }
        let cutBefore = from > 0 ? "…" : "", cutAfter = to < lineLength ? "…" : ""
        let lead = cutBefore.count + shown[from..<caretAt].reduce(0) { $0 + $1.count }
        let caretEnd = max(caretAt, min(to, caretAt + width))
        let covered = shown[caretAt..<caretEnd].reduce(0) { $0 + $1.count }
        let marks = "^" + String(repeating: "~", count: max(1, covered) - 1)
        return (cutBefore + shown[from..<to].joined() + cutAfter,
                String(repeating: " ", count: lead) + style.caret(marks, diagnostic.severity))
    }
}

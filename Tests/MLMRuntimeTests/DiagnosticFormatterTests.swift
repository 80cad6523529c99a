import MLMSyntax
import Testing

/// The one rendering of errors: file:line:col, the source line, a caret under the range, help.
@Suite struct DiagnosticFormatterTests {
    @Test func rendersLocationLineCaretAndHelp() {
        let source = SourceFile(name: "churn.mlm", text: "load \"a.csv\" as a\nclean a:\n    fill revenu with median\n")
        let offset = Array(source.text.utf8).firstIndex(of: UInt8(ascii: "r"))!
        let diagnostic = Diagnostic(.error, "there is no column 'revenu'",
                                    at: SourceRange(start: offset, end: offset + 6), help: "did you mean 'revenue'?")
        let expected = """
            churn.mlm:3:10: error: there is no column 'revenu'
              |
            3 |     fill revenu with median
              |          ^~~~~~
              = help: did you mean 'revenue'?
            """
        #expect(DiagnosticFormatter(source: source).format(diagnostic) == expected)
    }

    @Test func caretAtEndOfLineForMissingTokens() {
        let source = SourceFile(name: "s.mlm", text: "show t limit\n")
        let diagnostic = Diagnostic(.error, "expected a number after 'limit', found end of line",
                                    at: SourceRange(start: 12, end: 12))
        let lines = DiagnosticFormatter(source: source).format(diagnostic).split(separator: "\n")
        #expect(lines[0] == "s.mlm:1:13: error: expected a number after 'limit', found end of line")
        #expect(lines[3] == "  |             ^")
    }
}

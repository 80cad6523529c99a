import Foundation
import MLMCore
import MLMReport
import MLMRuntime
import MLMSyntax
import Testing

/// Hostile names and cell values go through every terminal path (step results, tables,
/// diagnostics with their source line): nothing that a terminal would obey may come out.
@Suite struct TerminalSafetyTests {
    /// Every scalar a terminal could act on, other than the line break between lines.
    static func unsafeScalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A: return false
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    struct Run {
        var outputs: [StepOutput] = []
        var diagnostics: [Diagnostic] = []
        var source: SourceFile
    }

    static func run(_ script: String, files: [String: String]) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let source = SourceFile(name: "hostile\u{1B}]0;x\u{07}.mlm", text: script)
        var run = Run(source: source)
        let (program, syntax) = Parser.parse(source)
        guard syntax.isEmpty else { run.diagnostics = syntax; return run }
        let session = Session(baseDirectory: folder.path)
        run.diagnostics = Checker.check(program, session: session).diagnostics
        guard run.diagnostics.isEmpty else { return run }
        if let failure = Interpreter(session: session, source: source).run(program, onStep: { run.outputs.append($0) }) {
            run.diagnostics = [failure.diagnostic]
        }
        return run
    }

    /// Everything the terminal would show for a run, plain and in colour.
    static func rendered(_ run: Run, colour: Bool) -> [String] {
        let renderer = TerminalRenderer(color: colour, width: 60)
        let formatter = DiagnosticFormatter(source: run.source, style: TerminalStyle(enabled: colour))
        return run.outputs.map { renderer.render($0) } + [formatter.format(run.diagnostics)]
    }

    /// Coloured output without mlm's own colour codes.
    static func uncoloured(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func hostileTablesRenderOnlyVisibleText() throws {
        var generator = HostileTextGenerator(seed: 4)
        var checked = 0
        for _ in 0..<12 {
            let (csv, _) = generator.csv(rows: 2 + generator.nextInt(below: 10), columns: 1 + generator.nextInt(below: 4))
            // A string literal in the script may hold any of it but line ends, quotes and `\`.
            let literal = String(generator.text().unicodeScalars.filter { !"\n\r\u{85}\u{2028}\u{2029}\"\\".unicodeScalars.contains($0) })
            let script = """
                load "h.csv" as h
                describe h
                show h
                show h where id > 1 limit 3
                clean h:
                    drop duplicates
                    fill plan with "\(literal)"
                split h into train 50%, test 50% seed 1
                clean h:
                    cast plan to number
                """
            let run = try Self.run(script, files: ["h.csv": csv])
            #expect(run.outputs.count >= 2, "\(run.diagnostics.map(\.message))")
            let plain = Self.rendered(run, colour: false)
            for text in plain {
                let unsafe = Self.unsafeScalars(text)
                #expect(unsafe.isEmpty, "\(unsafe.map { String($0.value, radix: 16) }) in \(text.debugDescription.prefix(400))")
                checked += 1
            }
            // In colour, the same text plus mlm's own codes only: a colour code from the data
            // would survive the stripping and make the two differ.
            #expect(Self.rendered(run, colour: true).map(Self.uncoloured) == plain)
        }
        #expect(checked > 60)
    }

    @Test func hostileScriptTextInErrorsIsShownWithTheCaretInPlace() throws {
        var generator = HostileTextGenerator(seed: 9)
        for _ in 0..<40 {
            let junk = generator.text().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
                .replacingOccurrences(of: "\u{2028}", with: "").replacingOccurrences(of: "\"", with: "")
            // Sometimes a line far wider than the terminal: it is shown cut around the caret.
            let long = String(repeating: "a + ", count: generator.nextInt(below: 2) * 300)
            let text = "show t where a = \(long)\"\(junk)\" and nope > 1\n"
            let source = SourceFile(name: "s.mlm", text: text)
            let start = text.utf8.count - "nope > 1\n".utf8.count
            let diagnostic = Diagnostic(.error, "there is no column '\(junk)'", at: SourceRange(start: start, end: start + 4))
            let formatted = DiagnosticFormatter(source: source).format(diagnostic)
            #expect(Self.unsafeScalars(formatted).isEmpty, "\(formatted.debugDescription)")
            let lines = formatted.components(separatedBy: "\n")
            // "1 | <line>" and "  | ^~~~": the caret sits under the shown "nope".
            let shown = try #require(lines.first { $0.hasPrefix("1 |") })
            let carets = try #require(lines.last { $0.contains("^") })
            let nope = try #require(shown.range(of: "nope"))
            let caret = try #require(carets.firstIndex(of: "^"))
            #expect(shown.distance(from: shown.startIndex, to: nope.lowerBound) == carets.distance(from: carets.startIndex, to: caret),
                    "\(formatted)")
            #expect(carets.hasSuffix("^~~~"))
            #expect(shown.count < 420)
        }
    }

    @Test func escapesAreVisibleAndStable() {
        #expect(TerminalText.visible("a\u{1B}]0;t\u{07}b") == "a\\x1b]0;t\\x07b")
        #expect(TerminalText.visible("x\ty\nz\r") == "x\\ty\\nz\\r")
        #expect(TerminalText.visible("\u{202E}evil\u{85}") == "\\u{202e}evil\\u{85}")
        #expect(TerminalText.visible("Zoë 日本 `a` \\x") == "Zoë 日本 `a` \\x")
        let once = TerminalText.visible("\u{1B}[2J\u{9B}")
        #expect(TerminalText.visible(once) == once)
        // Only mlm's own colour codes pass the output filter, and only whole.
        #expect(TerminalText.output("\u{1B}[1;31merror:\u{1B}[0m\n") == "\u{1B}[1;31merror:\u{1B}[0m\n")
        #expect(TerminalText.output("\u{1B}[8mhidden\u{1B}[2J") == "\\x1b[8mhidden\\x1b[2J")
        #expect(TerminalText.outputLine("a\nb") == "a\\nb")
    }
}

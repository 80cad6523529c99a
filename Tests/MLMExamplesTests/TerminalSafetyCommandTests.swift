import Foundation
import Testing

/// `mlm run`, `mlm check` and `mlm repl` on a CSV file whose names and cells hold escape
/// sequences and other control characters: what reaches the terminal holds none of them.
@Suite struct TerminalSafetyCommandTests {
    /// The same kinds of hostile text as Tests/MLMReportTests/HostileTextGenerator.swift (this
    /// target links only the binary, so it keeps its own short list and seeded picker).
    static let hostile = ["\u{1B}]0;owned\u{07}", "\u{1B}[2J", "\u{1B}[8m", "\u{1B}[31m", "\u{07}", "\u{08}", "\r", "\t", "\n",
                          "\u{7F}", "\u{85}", "\u{9B}2J", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{01}"]

    struct Picker {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text() -> String {
            (0...next(3)).map { _ in TerminalSafetyCommandTests.hostile[next(TerminalSafetyCommandTests.hostile.count)] + "ab" }.joined()
        }
    }

    static func quoted(_ cell: String) -> String { "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Scalars a terminal could act on, other than the line break between lines.
    static func unsafe(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { value in
            value != 0x0A && (value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
                || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value))
        }
    }

    @Test func hostileCellsAndNamesReachTheTerminalEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var picker = Picker(state: 14)
        // `plan` is plain so the script can name it; the other names are hostile.
        let names = ["id", "plan", "note" + picker.text(), "kind" + picker.text()]
        var csv = [names.map(Self.quoted).joined(separator: ",")]
        for row in 1...8 { csv.append(["\(row)", picker.text(), picker.text(), picker.text()].map(Self.quoted).joined(separator: ",")) }
        try (csv.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("h.csv"), atomically: true, encoding: .utf8)
        let script = """
            load "h.csv" as h
            describe h
            show h
            split h into train 50%, test 50% seed 2
            show h where plan = "x\u{1B}]0;t\u{07}"
            show h where nope\u{1B}[2J > 1
            """
        try script.write(to: folder.appendingPathComponent("h.mlm"), atomically: true, encoding: .utf8)
        let fine = script.components(separatedBy: "\n").dropLast().joined(separator: "\n") + "\n"
        try fine.write(to: folder.appendingPathComponent("fine.mlm"), atomically: true, encoding: .utf8)

        let run = try CommandRunner.run(["run", "fine.mlm"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("h: showing 8 of 8 rows"))
        #expect(run.stdout.contains("\\x1b[") && run.stdout.contains("\\u{"))
        let check = try CommandRunner.run(["check", "h.mlm"], in: folder)
        #expect(check.status == 65)
        #expect(check.stderr.contains("nope\\x1b[2J"))
        let repl = try CommandRunner.run(["repl"], in: folder, stdin: script + "\n:schema h\n:tables\n")
        #expect(repl.stdout.contains("h: showing 8 of 8 rows"))
        for (name, result) in [("run", run), ("check", check), ("repl", repl)] {
            #expect(Self.unsafe(result.stdout).isEmpty, "\(name) stdout: \(Self.unsafe(result.stdout))")
            #expect(Self.unsafe(result.stderr).isEmpty, "\(name) stderr: \(Self.unsafe(result.stderr))")
        }
        // In colour too, only mlm's own colour codes.
        let coloured = try CommandRunner.run(["run", "fine.mlm", "--color"], in: folder)
        let stripped = coloured.stdout.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == run.stdout)
    }

    /// Usage errors echo what was typed: they are escaped like everything else.
    @Test func commandLineUsageErrorsAreEscaped() throws {
        let result = try CommandRunner.run(["run", "x.mlm", "--\u{1B}]0;owned\u{07}bad"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--\\x1b]0;owned\\x07bad'"), "\(result.stderr)")
        #expect(Self.unsafe(result.stderr).isEmpty)
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("OVERVIEW:"))
    }
}

import Foundation
import Testing

/// `mlm run --report`: the file is written atomically in the chosen format, a failing step
/// still gets its partial report (exit status unchanged), and inputs are never overwritten.
@Suite struct ReportCommandTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-report-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "id,amount,flag\n1,10,7\n2,20,7\n3,30,7\n".write(to: url.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func failingStepWritesPartialReportAndExitsNonZero() throws {
        let dir = try folder()
        let script = "# Sales\nload \"sales.csv\" as sales\ndescribe sales\nfeature sales:\n    standardize flag\nshow sales\n"
        try script.write(to: dir.appendingPathComponent("fails.mlm"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "fails.mlm", "--report", "fails.html"], in: dir)
        #expect(result.status == 70, "\(result.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("fails.html"), encoding: .utf8)
        #expect(html.contains("id=\"line-3\""))
        #expect(html.contains("class=\"error\""))
        #expect(html.contains("1 later step was not run"))
        let json = try CommandRunner.run(["run", "fails.mlm", "--report", "fails.json"], in: dir)
        #expect(json.status == 70)
        let text = try String(contentsOf: dir.appendingPathComponent("fails.json"), encoding: .utf8)
        #expect(text.contains("\"failed\": true"))
    }

    @Test func cellsTurnedMissingAreCountedInEveryReportFormat() throws {
        let dir = try folder()
        let rows = (1...2_400).map { "\($0),\($0 % 2 == 0 ? "n/a" : "ok"),\($0 % 3)" }.joined(separator: "\n")
        try ("id,status,visits\n" + rows + "\n").write(to: dir.appendingPathComponent("visits.csv"), atomically: true, encoding: .utf8)
        let script = "load \"visits.csv\" as v\nclean v:\n    replace \"n/a\" with missing in status\nfeature v:\n    per_visit = id / visits\n"
        try script.write(to: dir.appendingPathComponent("lost.mlm"), atomically: true, encoding: .utf8)
        let notes = ["1,200 present values of 'status' became missing", "800 rows of 'per_visit' were divided by zero and are missing"]
        for format in ["html", "json", "md"] {
            let result = try CommandRunner.run(["run", "lost.mlm", "--report", "lost.\(format)"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            for note in notes { #expect(result.stdout.contains("note: " + note)) }
            let report = try String(contentsOf: dir.appendingPathComponent("lost.\(format)"), encoding: .utf8)
            for note in notes {
                // Each format escapes as it must: ' in HTML, _ in Markdown.
                let written = format == "html" ? note.replacingOccurrences(of: "'", with: "&#39;")
                    : format == "md" ? note.replacingOccurrences(of: "_", with: "\\_") : note
                #expect(report.contains(written), "\(format) report lacks: \(note)")
            }
        }
    }

    @Test func formatFollowsTheExtensionOrTheFlag() throws {
        let dir = try folder()
        try "load \"sales.csv\" as sales\ndescribe sales\n".write(to: dir.appendingPathComponent("ok.mlm"), atomically: true, encoding: .utf8)
        let markdown = try CommandRunner.run(["run", "ok.mlm", "--report", "out/ok.md"], in: dir)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("out/ok.md"), encoding: .utf8)
        #expect(text.hasPrefix("# ok.mlm"))
        #expect(text.contains("](ok_files/line-2-spread.svg)"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/ok_files/line-2-spread.svg").path))
        let flagged = try CommandRunner.run(["run", "ok.mlm", "--report", "report.txt", "--format", "json"], in: dir)
        #expect(flagged.status == 0)
        let json = try String(contentsOf: dir.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(json.contains("\"format\": \"mlm-report\""))
        let unknown = try CommandRunner.run(["run", "ok.mlm", "--report", "report.txt"], in: dir)
        #expect(unknown.status == 64)
    }

    @Test func reportStepWritesTheStepsBeforeIt() throws {
        let dir = try folder()
        // A data file whose name ends in .md, to show that a report never replaces an input.
        try "id,amount\n1,10\n".write(to: dir.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let script = "load \"sales.csv\" as sales\nreport \"out/mid.md\"\ndescribe sales\nload \"notes.md\" as notes\n"
        try script.write(to: dir.appendingPathComponent("steps.mlm"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "steps.mlm"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote the report of the steps before this one to out/mid.md"))
        let markdown = try String(contentsOf: dir.appendingPathComponent("out/mid.md"), encoding: .utf8)
        #expect(markdown.contains("## Line 1: load"))
        #expect(!markdown.contains("describe sales"))
        // A report step over a loaded data file is refused before anything runs, and the data is intact.
        try (script + "report \"notes.md\"\n").write(to: dir.appendingPathComponent("steps.mlm"), atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["run", "steps.mlm"], in: dir)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'notes.md' is the file table 'notes' was loaded from; the report would overwrite it"))
        let notes = try String(contentsOf: dir.appendingPathComponent("notes.md"), encoding: .utf8)
        #expect(notes.hasPrefix("id,amount"))
    }

    @Test func neverOverwritesAnInputFile() throws {
        let dir = try folder()
        try "load \"sales.csv\" as sales\n".write(to: dir.appendingPathComponent("ok.mlm"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["run", "ok.mlm", "--report", "sales.csv", "--format", "html"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr.contains("'sales.csv' is the file table 'sales' was loaded from"))
        let csv = try String(contentsOf: dir.appendingPathComponent("sales.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id,amount"))
        let script = try CommandRunner.run(["run", "ok.mlm", "--report", "ok.mlm", "--format", "json"], in: dir)
        #expect(script.status == 64)
        #expect(script.stderr.contains("'ok.mlm' is the script being run"))
    }
}

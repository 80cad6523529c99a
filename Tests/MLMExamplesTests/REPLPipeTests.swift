import Foundation
import Testing

/// `mlm repl` reading from a pipe runs statements like a script, without prompts, and keeps
/// going after an error (but reports it in its exit status).
@Suite struct REPLPipeTests {
    let directory = CommandRunner.repositoryRoot.appendingPathComponent("Tests/MLMExamplesTests/Cases")

    @Test func pipedStatementsRunWithBlocksAndErrors() throws {
        let input = """
            load "data/customers.csv" as customers
            clean customers:
                fill revenue with 0
                drop rows where visits = 0

            describe custmers
            show customers columns customer_id, revenue limit 2
            :tables
            """
        let result = try CommandRunner.run(["repl"], in: directory, stdin: input + "\n")
        #expect(result.stdout.contains("filled 1 cell in 'revenue' with 0"))
        #expect(result.stdout.contains("removed 1 row, 5 left"))
        #expect(result.stderr.contains("there is no table 'custmers'"))
        #expect(result.stderr.contains("did you mean 'customers'?"))
        #expect(result.stdout.contains("showing 2 of 5 rows"))
        #expect(result.stdout.contains("customers: 5 rows"))
        #expect(!result.stdout.contains("mlm>"))
        #expect(result.status == 70)
    }

    @Test func reportWritesTheStepsThatWorkedAndNeverAnInputFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-repl-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A CSV file named like a report: loading it makes it an input the report must not replace.
        let data = folder.appendingPathComponent("customers.json").path
        try FileManager.default.copyItem(atPath: directory.appendingPathComponent("data/customers.csv").path, toPath: data)
        let original = try Data(contentsOf: URL(fileURLWithPath: data))
        let input = """
            load "customers.json" as customers
            describe custmers
            describe customers
            :report session.md
            :report customers.json
            :report session.txt
            """
        let result = try CommandRunner.run(["repl"], in: folder, stdin: input + "\n")
        #expect(result.stdout.contains("wrote the report of 2 steps to session.md"))
        let markdown = try String(contentsOfFile: folder.appendingPathComponent("session.md").path, encoding: .utf8)
        #expect(markdown.contains("describe customers"))
        #expect(!markdown.contains("custmers"))
        #expect(result.stderr.contains("'customers.json' is the file table 'customers' was loaded from; the report would overwrite it"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: data)) == original)
        #expect(result.stderr.contains("'session.txt' needs the extension .html, .md or .json"))
    }

    @Test func cleanInputExitsWithZero() throws {
        let result = try CommandRunner.run(["repl"], in: directory, stdin: "load \"data/customers.csv\" as c\n:quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("c: 6 rows, 6 columns"))
    }
}

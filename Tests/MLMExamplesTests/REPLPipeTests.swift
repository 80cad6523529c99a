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

    @Test func cleanInputExitsWithZero() throws {
        let result = try CommandRunner.run(["repl"], in: directory, stdin: "load \"data/customers.csv\" as c\n:quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("c: 6 rows, 6 columns"))
    }
}

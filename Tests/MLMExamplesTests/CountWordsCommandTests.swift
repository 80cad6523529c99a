import Foundation
import Testing

/// Counted nouns agree with their count in the command's own lines ("1 step", "1 error").
@Suite struct CountWordsCommandTests {
    private func folder(_ script: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-count-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "id,amount\n1,10\n2,20\n".write(to: url.appendingPathComponent("sales.csv"), atomically: true, encoding: .utf8)
        try script.write(to: url.appendingPathComponent("s.mlm"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func checkCountsStepsAndErrors() throws {
        let one = try CommandRunner.run(["check", "s.mlm"], in: folder("load \"sales.csv\" as sales\n"))
        #expect(one.status == 0)
        #expect(one.stdout == "s.mlm: no problems found in 1 step\n")
        let two = try CommandRunner.run(["check", "s.mlm"], in: folder("load \"sales.csv\" as sales\ndescribe sales\n"))
        #expect(two.stdout == "s.mlm: no problems found in 2 steps\n")
        let failing = try CommandRunner.run(["check", "s.mlm"], in: folder("load \"sales.csv\" as sales\ndescribe salez\n"))
        #expect(failing.status == 65)
        #expect(failing.stderr.contains("1 error found before running; nothing was run"), "\(failing.stderr)")
    }
}

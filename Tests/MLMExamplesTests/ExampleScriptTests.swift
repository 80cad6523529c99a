import Foundation
import Testing

/// Every script in examples/ runs end to end and prints exactly its checked-in `.out` file.
/// Set MLM_RECORD=1 to rewrite the expected files after an intended change.
@Suite(.serialized) struct ExampleScriptTests {
    static let examples: [String] = {
        let directory = CommandRunner.repositoryRoot.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".mlm") }.sorted()
    }()

    @Test func examplesExist() {
        #expect(ExampleScriptTests.examples.count >= 2)
    }

    @Test(arguments: ExampleScriptTests.examples)
    func exampleOutputMatches(_ name: String) throws {
        let result = try CommandRunner.run(["run", "examples/\(name)"])
        let expectedFile = CommandRunner.repositoryRoot
            .appendingPathComponent("examples").appendingPathComponent(name.replacingOccurrences(of: ".mlm", with: ".out"))
        #expect(result.status == 0, "\(name) failed:\n\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(name) wrote to stderr:\n\(result.stderr)")
        if let difference = try CommandRunner.compare(result.stdout, withFile: expectedFile) {
            Issue.record("output of \(name) differs from \(expectedFile.lastPathComponent):\n\(difference)")
        }
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = try CommandRunner.run(["run", "examples/bank_marketing.mlm"])
        let second = try CommandRunner.run(["run", "examples/bank_marketing.mlm"])
        #expect(first == second)
        let exported = CommandRunner.repositoryRoot.appendingPathComponent("examples/out/bank_prepared.csv")
        #expect(FileManager.default.fileExists(atPath: exported.path))
    }

    @Test func checkAcceptsEveryExample() throws {
        for name in ExampleScriptTests.examples {
            let result = try CommandRunner.run(["check", "examples/\(name)"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
    }
}

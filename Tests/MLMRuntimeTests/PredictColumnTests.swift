import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// `predict ... as name` never silently replaces a column; re-scoring under the same name does,
/// and says so. The checker and the interpreter apply the same rule.
@Suite struct PredictColumnTests {
    static let data = "id,x,visits,y\n1,2,3,yes\n2,3,1,no\n3,4,0,yes\n4,5,2,no\n5,1,1,yes\n6,2,4,no\n7,6,3,no\n8,1,2,yes\n"
    static let train = "load \"d.csv\" as t\nmodel m = train decision_tree on t target y = \"yes\"\n"

    /// The interpreter alone (no checker first), as the REPL's library path could reach it.
    private func run(_ steps: String) throws -> (error: String?, outputs: [StepOutput], table: DataFrame?) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-predict-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try PredictColumnTests.data.write(toFile: directory + "/d.csv", atomically: true, encoding: .utf8)
        let source = SourceFile(name: "s.mlm", text: PredictColumnTests.train + steps)
        let session = Session(baseDirectory: directory)
        var outputs: [StepOutput] = []
        let error = Interpreter(session: session, source: source).run(Parser.parse(source).program) { outputs.append($0) }
        return (error?.diagnostic.message, outputs, session.table("t"))
    }

    @Test func theModelsOwnInputIsNotReplaced() throws {
        let result = try run("predict m on t as x\n")
        #expect(result.error == "table 't' already has a column 'x'; predict would replace it")
        #expect(result.table?.column(named: "x")?.number(at: 0) == 2, "the input is untouched")
        let checked = try runScript(PredictColumnTests.train + "predict m on t as x\n", files: ["d.csv": PredictColumnTests.data])
        #expect(checked.check.map(\.message) == ["table 't' already has a column 'x'; predict would replace it"])
        #expect(checked.check.first?.help == "write the predictions under another name, such as: ... as score")
    }

    @Test func aUsersColumnNamedLikeALabelIsNotReplaced() throws {
        let result = try run("feature t:\n    score_label = \"mine\"\npredict m on t as score\n")
        #expect(result.error == "table 't' already has a column 'score_label'; predict would replace it")
    }

    @Test func reScoringUnderTheSameNameReplacesAndSaysSo() throws {
        let again = try run("predict m on t as score\npredict m on t as score\n")
        #expect(again.error == nil)
        #expect(again.outputs.last?.warnings.contains("replaced 'score', 'score_label' from the earlier predict ... as score") == true,
                "\(again.outputs.last?.warnings ?? [])")
        // Another name whose columns collide with the earlier ones is still refused.
        let other = try run("predict m on t as score\npredict m on t as score_label\n")
        #expect(other.error == "table 't' already has a column 'score_label' (written by an earlier step ... as score); predict would replace it")
        let checked = try runScript(PredictColumnTests.train + "predict m on t as score\npredict m on t as score\n",
                                    files: ["d.csv": PredictColumnTests.data])
        #expect(checked.check.isEmpty && checked.error == nil)
    }

    @Test func segmentFollowsTheSameRule() throws {
        let replacing = try run("segment t with kmeans k 2 on x, visits as x seed 1\n")
        #expect(replacing.error == "table 't' already has a column 'x'; segment would replace it")
        #expect(replacing.table?.column(named: "x")?.number(at: 0) == 2, "the input is untouched")
        let checked = try runScript(PredictColumnTests.train + "segment t with kmeans k 2 on x, visits as x seed 1\n",
                                    files: ["d.csv": PredictColumnTests.data])
        #expect(checked.check.map(\.message) == ["table 't' already has a column 'x'; segment would replace it"])
        #expect(checked.check.first?.help == "write the segments under another name, such as: ... as segment")
        let again = try run("segment t with kmeans k 2 on x, visits as s seed 1\nsegment t with kmeans k 3 on x, visits as s seed 1\n")
        #expect(again.error == nil)
        #expect(again.outputs.last?.warnings.contains("replaced 's' from the earlier segment ... as s") == true,
                "\(again.outputs.last?.warnings ?? [])")
    }
}

/// In the REPL each entry is checked against the session so far: re-scoring in a later entry is
/// still allowed, replacing an input still refused.
@Suite struct PredictColumnSessionTests {
    @Test func aLaterEntryMayReScoreButNotReplaceAnInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-predict-repl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try PredictColumnTests.data.write(toFile: directory + "/d.csv", atomically: true, encoding: .utf8)
        let session = Session(baseDirectory: directory)
        func entry(_ text: String) -> [String] {
            let source = SourceFile(name: "<repl>", text: text)
            let program = Parser.parse(source).program
            let problems = Checker.check(program, session: session).diagnostics.map(\.message)
            guard problems.isEmpty else { return problems }
            return Interpreter(session: session, source: source).run(program) { _ in }.map { [$0.diagnostic.message] } ?? []
        }
        #expect(entry(PredictColumnTests.train + "predict m on t as score\n").isEmpty)
        #expect(entry("predict m on t as score\n").isEmpty)
        #expect(entry("predict m on t as visits\n") == ["table 't' already has a column 'visits'; predict would replace it"])
    }
}

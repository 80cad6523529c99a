import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// `load model` refuses a file changed after saving unless `with trust_edits`, says so in the
/// output when it trusts one, and notes files without a digest.
@Suite struct ModelFileTrustTests {
    static let train = """
        load "customers.csv" as customers
        model m = train logistic on customers target bought = "yes"
        save m to "m.mlmodel"
        """

    func savedDirectory() throws -> String {
        let run = try runScript(Self.train, files: ["customers.csv": ModelWorkflowTests.csv])
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        return run.directory
    }

    func load(_ options: String, in directory: String) throws -> (error: RuntimeError?, notes: [String]) {
        let script = "load \"customers.csv\" as c\nload model \"m.mlmodel\" as again\(options)\npredict again on c as s\n"
        try script.write(toFile: "\(directory)/load.mlm", atomically: true, encoding: .utf8)
        let source = SourceFile(name: "load.mlm", text: script)
        let (program, _) = Parser.parse(source)
        let session = Session(baseDirectory: directory)
        #expect(Checker.check(program, session: session).diagnostics.isEmpty)
        var notes: [String] = []
        let error = Interpreter(session: session, source: source).run(program) { notes += $0.warnings }
        return (error, notes)
    }

    @Test func anEditedFileNeedsTrustEditsAndTheOutputSaysSo() throws {
        let directory = try savedDirectory()
        let path = "\(directory)/m.mlmodel"
        let untouched = try load("", in: directory)
        #expect(untouched.error == nil && !untouched.notes.contains { $0.contains("m.mlmodel") })
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"threshold\" : 0.5", with: "\"threshold\" : 0.3")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try load("", in: directory)
        #expect(refused.error?.kind == .unreadableInput)
        #expect(refused.error?.diagnostic.message == "cannot use 'm.mlmodel': this model file was changed after mlm saved it")
        #expect(refused.error?.diagnostic.help?.contains("load model \"m.mlmodel\" as again with trust_edits") == true)
        let trusted = try load(" with trust_edits", in: directory)
        #expect(trusted.error == nil)
        #expect(trusted.notes.contains("'m.mlmodel' was changed after mlm saved it; loaded because of trust_edits, after checking every field"))
        // Trusted, but still checked: a threshold `set threshold` would refuse is refused.
        try text.replacingOccurrences(of: "\"threshold\" : 0.5", with: "\"threshold\" : 2")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let invalid = try load(" with trust_edits", in: directory)
        #expect(invalid.error?.kind == .unreadableInput)
        #expect(invalid.error?.diagnostic.message == "cannot use 'm.mlmodel': the model file is damaged: 'threshold' is 2.0; a threshold is a probability from 0 to 1")
    }

    @Test func aFileWithoutADigestLoadsWithANote() throws {
        let directory = try savedDirectory()
        let path = "\(directory)/m.mlmodel"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try lines.filter { !$0.contains("\"digest\"") }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try load("", in: directory)
        #expect(loaded.error == nil)
        #expect(loaded.notes.contains { $0.hasPrefix("'m.mlmodel' has no digest") })
    }

    @Test func theCheckerKnowsTheOption() throws {
        let run = try runScript("load model \"m.mlmodel\" as m with trust_edit\n", files: ["m.mlmodel": "{}"])
        #expect(run.check.map(\.message) == ["'load model' has no option 'trust_edit'"])
        #expect(run.check.first?.help == "did you mean 'trust_edits'?")
    }
}

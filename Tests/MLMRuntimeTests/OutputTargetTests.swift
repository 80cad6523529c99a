import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// A folder with the files, a script saved in it as script.mlm, and a session whose script is it.
private func folder(_ files: [String: String], script: String) throws -> (path: String, session: Session, program: Program, source: SourceFile) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-outputs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, content) in files { try content.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
    try script.write(toFile: directory + "/script.mlm", atomically: true, encoding: .utf8)
    let source = SourceFile(name: "script.mlm", text: script)
    let session = Session(baseDirectory: directory)
    session.scriptPath = directory + "/script.mlm"
    return (directory, session, Parser.parse(source).program, source)
}

private let data = "id,amount,y\n1,10,yes\n2,20,no\n3,15,yes\n4,5,no\n5,30,yes\n6,8,no\n7,12,no\n8,40,yes\n"

/// What the checker says (exit 65 before running).
private func checkMessages(_ script: String, files: [String: String] = ["d.csv": data]) throws -> [String] {
    let setup = try folder(files, script: script)
    defer { try? FileManager.default.removeItem(atPath: setup.path) }
    return Checker.check(setup.program, session: setup.session).diagnostics.map(\.message)
}

/// What the interpreter says when run without the checker (the REPL and library path; exit 70),
/// and whether the protected file is unchanged afterwards.
private func runMessage(_ script: String, protecting file: String, files: [String: String] = ["d.csv": data],
                        prepare: (String) throws -> Void = { _ in }) throws -> (message: String?, kind: RuntimeError.Kind?, unchanged: Bool) {
    let setup = try folder(files, script: script)
    defer { try? FileManager.default.removeItem(atPath: setup.path) }
    try prepare(setup.path)
    let before = FileManager.default.contents(atPath: setup.path + "/" + file)
    let error = Interpreter(session: setup.session, source: setup.source).run(setup.program) { _ in }
    let after = FileManager.default.contents(atPath: setup.path + "/" + file)
    return (error?.diagnostic.message, error?.kind, before == after)
}

@Suite struct OutputTargetTests {
    @Test func theRunningScriptIsNeverOverwritten() throws {
        for step in ["export t to \"script.mlm\"", "export t to \"./script.mlm\" with force", "report \"script.mlm\""] {
            let script = "load \"d.csv\" as t\n\(step)\n"
            let checked = try checkMessages(script)
            #expect(checked.contains { $0.contains("is the script being run") }, "\(step): \(checked)")
            // (A report step without `mlm run` has no writer, but its target is refused first.)
            let run = try runMessage(script, protecting: "script.mlm")
            #expect(run.message?.contains("is the script being run") == true, "\(step): \(run)")
            #expect(run.kind == .failedStep && run.unchanged, "\(step)")
        }
        let save = "load \"d.csv\" as t\nmodel m = train decision_tree on t target y\nsave m to \"script.mlm\"\n"
        #expect(try checkMessages(save).contains { $0.contains("is the script being run; saving would overwrite it") })
        let run = try runMessage(save, protecting: "script.mlm")
        #expect(run.message == "'script.mlm' is the script being run; saving would overwrite it" && run.unchanged)
    }

    @Test func loadedFilesAreComparedAsFilesOnDisk() throws {
        let script = "load \"d.csv\" as t\nexport t to \"link.csv\"\n"
        let makeLink: (String) throws -> Void = { try FileManager.default.createSymbolicLink(atPath: $0 + "/link.csv", withDestinationPath: "d.csv") }
        let run = try runMessage(script, protecting: "d.csv", prepare: makeLink)
        #expect(run.message == "'link.csv' is the file table 't' was loaded from; exporting would overwrite it")
        #expect(run.unchanged)
        let viaDot = try runMessage("load \"./d.csv\" as t\nexport t to \"sub/../d.csv\"\n", protecting: "d.csv",
                                    prepare: { try FileManager.default.createDirectory(atPath: $0 + "/sub", withIntermediateDirectories: true) })
        #expect(viaDot.message?.contains("is the file table 't' was loaded from") == true && viaDot.unchanged)
        // `with force` may overwrite a data file on purpose.
        let forced = try runMessage("load \"d.csv\" as t\nexport t to \"d.csv\" with force\n", protecting: "d.csv")
        #expect(forced.message == nil)
    }

    @Test func aLoadedModelFileIsNeverOverwritten() throws {
        let script = """
            load "d.csv" as t
            model m = train decision_tree on t target y
            save m to "m.mlmodel"
            load model "m.mlmodel" as m2
            save m2 to "m.mlmodel"
            export t to "m.mlmodel" with force

            """
        let checked = try checkMessages(script)
        #expect(checked == ["'m.mlmodel' is the file model 'm2' was loaded from; saving would overwrite it",
                            "'m.mlmodel' is the file model 'm2' was loaded from; exporting would overwrite it"])
        let run = try runMessage(script, protecting: "m.mlmodel")
        #expect(run.message == "'m.mlmodel' is the file model 'm2' was loaded from; saving would overwrite it")
    }

    @Test func specialFilesAreRefusedEvenWithForce() throws {
        let makePipe: (String) throws -> Void = { #expect(mkfifo($0 + "/pipe.csv", 0o644) == 0) }
        let script = "load \"d.csv\" as t\nexport t to \"pipe.csv\" with force\n"
        let run = try runMessage(script, protecting: "d.csv", prepare: makePipe)
        #expect(run.message == "'pipe.csv' is a named pipe (FIFO), not a regular file; mlm never writes over it")
        let checked = try checkMessages("load \"d.csv\" as t\nexport t to \"/dev/full\"\nsave t to \"/dev/null\"\nreport \"/tmp\"\n")
        #expect(checked.contains("'/dev/full' is a device, not a regular file; mlm never writes over it"))
        #expect(checked.contains("'/tmp' is a folder, not a regular file; mlm never writes over it"))
    }

    @Test func aFileLoadedOnlyLaterMayBeWrittenFirst() throws {
        #expect(try checkMessages("load \"d.csv\" as t\nexport t to \"copy.csv\"\nload \"d.csv\" as u\n").isEmpty)
        // Loading the same file again under another name still protects it.
        let messages = try checkMessages("load \"d.csv\" as t\nload \"d.csv\" as u\nexport t to \"d.csv\"\n")
        #expect(messages.count == 1)
    }
}

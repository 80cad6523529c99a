import Foundation
import Testing

/// The real binary never writes over its own script, a file the script loaded, or a special
/// file: `mlm check` and `mlm run` refuse before running (65), `--report` too (64).
@Suite struct OutputRefusalCommandTests {
    static let data = "id,amount,y\n1,10,yes\n2,20,no\n3,15,yes\n4,5,no\n"

    private func scratch(script: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-refusals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try OutputRefusalCommandTests.data.write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try script.write(to: folder.appendingPathComponent("self.mlm"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aScriptThatExportsOverItselfIsRefusedAndKept() throws {
        for step in ["export t to \"self.mlm\"", "export t to \"./self.mlm\" with force", "report \"self.mlm\""] {
            let script = "load \"d.csv\" as t\n\(step)\n"
            let folder = try scratch(script: script)
            defer { try? FileManager.default.removeItem(at: folder) }
            for command in ["check", "run"] {
                let result = try CommandRunner.run([command, "self.mlm"], in: folder)
                #expect(result.status == 65, "\(command) \(step): \(result.stderr)")
                #expect(result.stderr.contains("'") && result.stderr.contains("is the script being run"), "\(result.stderr)")
            }
            #expect(try String(contentsOf: folder.appendingPathComponent("self.mlm"), encoding: .utf8) == script)
        }
    }

    @Test func theReportOptionIsRefusedBeforeRunning() throws {
        let script = "load \"d.csv\" as t\nexport t to \"copy.csv\"\n"
        let folder = try scratch(script: script)
        defer { try? FileManager.default.removeItem(at: folder) }
        let overScript = try CommandRunner.run(["run", "self.mlm", "--report", "self.mlm", "--format", "html"], in: folder)
        #expect(overScript.status == 64)
        #expect(overScript.stderr == "mlm: --report 'self.mlm' is the script being run; the report would overwrite it\n  = help: write the report to another file; nothing was run\n")
        let overData = try CommandRunner.run(["run", "self.mlm", "--report", "./d.csv", "--format", "json"], in: folder)
        #expect(overData.status == 64)
        #expect(overData.stderr.contains("is the file table 't' was loaded from"))
        let overFolder = try CommandRunner.run(["run", "self.mlm", "--report", "/tmp", "--format", "md"], in: folder)
        #expect(overFolder.status == 64 && overFolder.stderr.contains("is a folder"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("copy.csv").path), "nothing ran")
        #expect(try String(contentsOf: folder.appendingPathComponent("self.mlm"), encoding: .utf8) == script)
        #expect(try String(contentsOf: folder.appendingPathComponent("d.csv"), encoding: .utf8) == OutputRefusalCommandTests.data)
    }

    @Test func aPipeIsNeverReplaced() throws {
        let folder = try scratch(script: "load \"d.csv\" as t\nexport t to \"pipe.csv\" with force\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        let result = try CommandRunner.run(["run", "self.mlm"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("'pipe.csv' is a named pipe (FIFO), not a regular file; mlm never writes over it"))
        var info = stat()
        #expect(lstat(folder.appendingPathComponent("pipe.csv").path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}

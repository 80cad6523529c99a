import Foundation
import Testing
@testable import MLMCore

private func scratchFolder() throws -> String {
    let path = NSTemporaryDirectory() + "atomic-writer-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func leftovers(in folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
}

@Suite(.serialized) struct AtomicFileWriterTests {
    @Test func replacesAFileAndLeavesNoTempFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        try AtomicFileWriter.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try leftovers(in: folder).isEmpty)
        #expect(InterruptedWrites.registeredPaths.isEmpty)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600, "the replaced file keeps its permissions")
    }

    @Test func neverReplacesAPipeOrAFolder() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write("x\n", to: pipe) }
        #expect(FileKind.at(pipe) == .pipe, "the pipe is still a pipe")
        let inner = folder + "/inner"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
        do {
            try AtomicFileWriter.write("x\n", to: inner)
            Issue.record("wrote over a folder")
        } catch {
            #expect(error.message == "'\(inner)' is a folder, not a regular file; mlm never writes over it")
        }
        #expect(FileKind.at(inner) == .folder)
        #expect(try leftovers(in: folder).isEmpty)
        #expect(FileKind.at("/dev/null") == .device)
    }

    @Test func writesThroughALinkAndKeepsTheLink() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/real.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "real.csv")
        try AtomicFileWriter.write("new\n", to: folder + "/link.csv")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
        #expect(try String(contentsOfFile: folder + "/real.csv", encoding: .utf8) == "new\n")
        #expect(isSameFile(folder + "/link.csv", folder + "/./real.csv"))
    }

    @Test func aFailedWriteRemovesItsTempFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write("x\n", to: folder + "/missing/out.csv") }
        #expect(try leftovers(in: folder).isEmpty)
        #expect(InterruptedWrites.registeredPaths.isEmpty)
    }

    @Test func theSignalPathRemovesRegisteredTempFiles() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let temporary = folder + "/" + AtomicFileWriter.temporaryPrefix(for: "out.csv") + "1-2"
        let token = InterruptedWrites.register(temporary)
        #expect(token != nil)
        try "partial".write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(InterruptedWrites.registeredPaths == [temporary])
        InterruptedWrites.removeRegisteredFiles()
        #expect(!FileManager.default.fileExists(atPath: temporary))
        InterruptedWrites.unregister(token)
        #expect(InterruptedWrites.registeredPaths.isEmpty)
    }

    @Test func longNamesStillGetAHiddenTempName() {
        let prefix = AtomicFileWriter.temporaryPrefix(for: String(repeating: "é", count: 200) + ".csv")
        #expect(prefix.hasPrefix(".") && prefix.hasSuffix(".tmp-"))
        #expect(prefix.utf8.count <= 210)
    }
}

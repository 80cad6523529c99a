import Foundation

/// Runs the built `mlm` executable the way a user would, capturing everything it prints.
struct CommandResult: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The form stored in expected-output files.
    var transcript: String {
        "exit: \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

enum CommandRunner {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `mlm` binary built next to the test bundle.
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("mlm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("mlm")
    }

    static func run(_ arguments: [String], in directory: URL = repositoryRoot,
                    stdin: String? = nil, environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: stdoutData, as: UTF8.self),
                             stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Compares with an expected file, or (re)writes it when MLM_RECORD=1 or it is missing.
    static func compare(_ actual: String, withFile url: URL) throws -> String? {
        let record = ProcessInfo.processInfo.environment["MLM_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return record ? nil : "recorded missing expected file \(url.lastPathComponent); run again"
        }
        return expected == actual ? nil : lineDiff(expected: expected, actual: actual)
    }

    static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : nil, r = i < a.count ? a[i] : nil
            if l != r {
                out.append("line \(i + 1):")
                if let l { out.append("– \(l)") }
                if let r { out.append("+ \(r)") }
            }
            if out.count > 30 { break }
        }
        return out.joined(separator: "\n")
    }
}

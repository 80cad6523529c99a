// The pseudo-terminal helper uses Linux's pty ioctls; these tests run where CI runs (Linux).
#if os(Linux)
import Foundation

/// An `mlm repl` started on a pseudo-terminal in a fresh folder that is also its home (so the
/// history file is the test's own).
final class REPLProcess {
    let terminal: PseudoTerminal
    let directory: URL

    init(files: [String: String], directory: URL? = nil, arguments: [String] = ["repl"], columns: UInt16 = 100) throws {
        let folder = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("mlm-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        self.directory = folder
        terminal = try PseudoTerminal(executable: REPLProcess.executable.path, arguments: arguments,
                                      directory: folder.path, environment: REPLProcess.environment(home: folder),
                                      columns: columns)
        try terminal.expect("mlm> ")
    }

    /// Types a line (or several, separated by "\n") at the prompt and presses Enter.
    func type(_ text: String, enter: Bool = true) throws {
        try terminal.waitForRawMode()
        terminal.send(text + (enter ? "\r" : ""))
    }

    /// Presses a key at the prompt: "\u{03}" Ctrl-C, "\u{04}" Ctrl-D, "\t" Tab.
    func press(_ key: String) throws {
        try terminal.waitForRawMode()
        terminal.send(key)
    }

    /// Presses Ctrl-C while a step runs until `message` shows (a few tries: a request that
    /// arrives between two of the step's safe points waits for the next one). Whether it showed.
    func interrupt(until message: String, within seconds: Double) -> Bool {
        for _ in 0..<5 {
            terminal.send("\u{03}")
            if terminal.sees(message, within: seconds) { return true }
        }
        return false
    }

    static func environment(home: URL) -> [String: String] {
        ["HOME": home.path, "TERM": "xterm", "NO_COLOR": "1", "LANG": "C.UTF-8",
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    /// `mlm run script` in `directory`, as a pipe (stdout and stderr together).
    static func runScript(_ script: String, in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", script]
        process.currentDirectoryURL = directory
        process.environment = environment(home: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The `mlm` binary built next to the test bundle.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("mlm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.appendingPathComponent("mlm")
    }
}
#endif

// The pseudo-terminal helper uses Linux's pty ioctls; these tests run where CI runs (Linux).
#if os(Linux)
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct TerminalTimeout: Error, CustomStringConvertible {
    let waitingFor: String
    let screen: String
    var description: String { "timed out waiting for \(waitingFor.debugDescription); output so far:\n\(screen)" }
}

/// Runs a program on a pseudo-terminal, as a user at a real terminal would: its own session
/// with the terminal as controlling terminal, so Ctrl-C becomes SIGINT and libedit edits lines.
/// Tests type with `send` and wait for output with `expect` (never fixed sleeps).
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    /// Everything the program printed, with escape sequences and carriage returns removed.
    private(set) var screen = ""
    /// Where the next `expect` starts looking.
    private var searchStart: String.Index
    private var pending: [UInt8] = []
    private(set) var exitStatus: Int32?

    init(executable: String, arguments: [String], directory: String, environment: [String: String],
         columns: UInt16 = 100, rows: UInt16 = 40) throws {
        // posix_openpt, unlockpt and ptsname are not visible from Swift; these are what they do
        // on Linux (grantpt has nothing to do with devpts).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, PseudoTerminal.setLock, &unlock) == 0,
              ioctl(master, PseudoTerminal.getNumber, &number) == 0 else {
            throw POSIXError(.EIO)
        }
        let name = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        pid = try PseudoTerminal.spawn(executable, arguments, directory: directory, environment: environment,
                                       terminal: name)
        searchStart = screen.startIndex
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    // Linux ioctl numbers (the C macros are not imported): TIOCSPTLCK, TIOCGPTN.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430
    /// POSIX_SPAWN_SETSID from <spawn.h>.
    private static let spawnNewSession: Int32 = 0x80

    private static func spawn(_ executable: String, _ arguments: [String], directory: String,
                              environment: [String: String], terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A session leader opening a terminal gets it as its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(spawnNewSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // The shell changes folder, then becomes the program (same process, same session).
        let shell = ["/bin/sh", "-c", #"cd "$1" && shift && exec "$@""#, "sh", directory, executable] + arguments
        let argv = shell.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    /// Types text as keys: "\r" is Enter, "\t" Tab, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Waits until `text` appears after the previous match; returns the output up to and
    /// including it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var open = true
        while true {
            if let range = screen.range(of: text, range: searchStart..<screen.endIndex) {
                let seen = String(screen[searchStart..<range.upperBound])
                searchStart = range.upperBound
                return seen
            }
            guard open, deadline.timeIntervalSinceNow > 0 else { throw TerminalTimeout(waitingFor: text, screen: screen) }
            open = readOutput(waitingMilliseconds: 100)
        }
    }

    /// Waits until the program reads keys one at a time. libedit prints its prompt first and
    /// only then switches the terminal to raw mode; a Ctrl-C or Ctrl-D sent in between would be
    /// taken by the terminal's line discipline (as a signal or an end of file), not by libedit.
    func waitForRawMode(timeout: Double = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var settings = termios()
            if tcgetattr(master, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) == 0 { return }
            guard deadline.timeIntervalSinceNow > 0 else { throw TerminalTimeout(waitingFor: "raw mode", screen: screen) }
            _ = readOutput(waitingMilliseconds: 5)
        }
    }

    /// Whether `text` shows up within `timeout` (for retries), without failing.
    func sees(_ text: String, within timeout: Double) -> Bool {
        (try? expect(text, timeout: timeout)) != nil
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            _ = readOutput(waitingMilliseconds: 50)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                return exitStatus!
            }
        }
        throw TerminalTimeout(waitingFor: "exit", screen: screen)
    }

    /// Reads what is available within the wait; false when nothing more can come.
    private func readOutput(waitingMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        pending += buffer[0..<count]
        // Keep an incomplete UTF-8 sequence for the next read.
        var cut = pending.count
        while cut > 0, pending.count - cut < 3, pending[cut - 1] & 0xC0 == 0x80 { cut -= 1 }
        if cut > 0, pending[cut - 1] & 0xC0 == 0xC0 { cut -= 1 } else { cut = pending.count }
        let text = String(decoding: pending[0..<cut], as: UTF8.self)
        pending.removeFirst(cut)
        let offset = screen.distance(from: screen.startIndex, to: searchStart)
        screen += PseudoTerminal.plain(text)
        searchStart = screen.index(screen.startIndex, offsetBy: offset)
        return true
    }

    /// Drops terminal control: escape sequences, carriage returns, bells.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[ -/]*[@-~]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}[()][0-9A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}[=>]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
            .replacingOccurrences(of: "\u{07}", with: "")
    }
}
#endif

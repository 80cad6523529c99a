import Foundation
import MLMSyntax

/// Facts about the terminal the tool writes to.
enum Terminal {
    /// Colour when forced, else when stdout is a terminal and NO_COLOR is not set.
    static func colorEnabled(forced: Bool?) -> Bool {
        if let forced { return forced }
        let environment = ProcessInfo.processInfo.environment
        if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The terminal's width, or 100 when output goes to a pipe or file (so output is stable).
    static func width() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return 100 }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }
        return Int(size.ws_col)
    }

    /// Everything mlm prints passes `TerminalText.output`: a control character from a script,
    /// a data file or a path is shown, never obeyed by the terminal.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.output(text).utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.output(text).utf8))
    }
}

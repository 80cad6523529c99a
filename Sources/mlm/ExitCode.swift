/// Documented exit codes (sysexits), shared by every subcommand.
enum ExitStatus: Int32 {
    case ok = 0
    /// Wrong command-line usage.
    case usage = 64
    /// The script has errors found before running (syntax or check).
    case scriptError = 65
    /// A script or data file could not be read.
    case unreadableInput = 66
    /// A step failed while running.
    case runtimeError = 70
    /// An output file could not be written.
    case outputError = 74
}

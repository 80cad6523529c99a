import MLMCore
import MLMSyntax

/// Why a run stopped. Carries a diagnostic anchored in the script, and the kind of failure so
/// the CLI can pick the documented exit code.
public struct RuntimeError: Error, Sendable {
    public enum Kind: Sendable {
        /// A data file could not be found, opened or parsed (exit 66).
        case unreadableInput
        /// Anything else that went wrong while running a step (exit 70).
        case failedStep
        /// Writing an output file failed (exit 74).
        case outputFailed
        /// The step was stopped on request (Ctrl-C in the REPL); nothing from it was kept.
        case cancelled
    }

    public let kind: Kind
    public let diagnostic: Diagnostic

    public init(_ kind: Kind, _ message: String, at range: SourceRange,
                help: String? = nil, notes: [String] = []) {
        self.kind = kind
        self.diagnostic = Diagnostic(.error, message, at: range, help: help, notes: notes)
    }

    /// A step stopped on request, at the step's keyword.
    public static func cancelled(at range: SourceRange) -> RuntimeError {
        RuntimeError(.cancelled, Cancellation.message, at: range)
    }

    /// A step that failed while running (exit 70).
    public init(_ message: String, at range: SourceRange, help: String? = nil, notes: [String] = []) {
        self.init(.failedStep, message, at: range, help: help, notes: notes)
    }
}

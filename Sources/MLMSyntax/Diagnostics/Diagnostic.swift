public enum Severity: String, Sendable {
    case error
    case warning
    case note
}

/// One problem found in a script, anchored at a source range. Detection produces these values;
/// `DiagnosticFormatter` alone turns them into text.
public struct Diagnostic: Sendable, Equatable, Error {
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// A suggestion such as "did you mean 'revenue'?" shown as a `help:` line.
    public var help: String?
    /// Extra context shown as `note:` lines.
    public var notes: [String]

    public init(
        _ severity: Severity = .error, _ message: String, at range: SourceRange,
        help: String? = nil, notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.range = range
        self.help = help
        self.notes = notes
    }
}

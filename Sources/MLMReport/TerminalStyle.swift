import MLMSyntax

/// ANSI colours for a terminal; identity when colour is off (pipes, files, NO_COLOR).
public struct TerminalStyle: DiagnosticStyle, Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Styled text is escaped first (TerminalText), so a name or value inside it can never
    /// carry escape sequences of its own; the codes used here are TerminalText.styleParameters.
    private func wrap(_ text: String, _ code: String) -> String {
        let shown = TerminalText.visible(text)
        return enabled ? "\u{1B}[\(code)m\(shown)\u{1B}[0m" : shown
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func green(_ text: String) -> String { wrap(text, "32") }

    public func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: return wrap(text, "1;31")
        case .warning: return wrap(text, "1;33")
        case .note: return wrap(text, "1;36")
        }
    }

    public func emphasis(_ text: String) -> String { bold(text) }
    public func caret(_ text: String, _ severity: Severity) -> String { self.severity(text, severity) }
    public func gutter(_ text: String) -> String { wrap(text, "34") }
}

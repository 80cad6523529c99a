/// Entry point of the parser (implementation in progress).
public enum Parser {
    /// Parses a whole script. Never fails: syntax errors are returned as diagnostics and the
    /// parser recovers at the next statement, so one run reports every syntax error.
    public static func parse(_ source: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
        (Program(statements: []), [])
    }
}

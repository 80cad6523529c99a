import MLMSyntax

extension Checker {
    /// The files a step may not write over, as far as the script text tells: the script itself,
    /// the files the session already read (in the REPL) and the files loaded by the steps before
    /// this one (a file loaded only later may be written first).
    var protectedFiles: [ProtectedFile] { session.protectedFiles + loadedFiles }

    /// The `OutputTargets` rule before running (exit 65), the same one the interpreter applies.
    mutating func checkOutput(_ path: PathLiteral, step: OutputStep, force: Bool = false) {
        if let refusal = OutputTargets.refusal(writing: session.resolve(path.value), written: path.value, step: step,
                                               protected: protectedFiles, force: force) {
            report(refusal.message, at: path.range, help: refusal.help)
        }
    }
}

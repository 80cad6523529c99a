import Foundation
import MLMCore
import MLMReport
import MLMRuntime

/// `:save` and `:run`: the bridge between exploring and a versioned script.
extension REPL {
    /// Writes the steps that ran without error, in order, as a script `mlm run` replays.
    /// Never replaces a data file a table was loaded from; replaces another existing file only
    /// with `:save!`. The write is atomic: a crash leaves the old file or the new one.
    func saveScript(to argument: String, replacing: Bool) {
        var path = REPL.unquoted(argument)
        guard !path.isEmpty else { return fail("usage: :save <file.mlm> (or :save! <file.mlm> to replace it)") }
        if (path as NSString).pathExtension.isEmpty { path += ".mlm" }
        guard !steps.isEmpty else { return fail("nothing to save yet: no step has run without error") }
        let target = session.resolve(path)
        if let table = loadedTable(from: target) {
            return fail("'\(path)' is the data file table '\(table)' was loaded from; choose another name")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return fail("'\(path)' is a folder; give a file name") }
            if !replacing { return fail("'\(path)' already exists; use :save! \(path) to replace it") }
        }
        let script = REPL.savedScript(steps)
        do {
            try AtomicFileWriter.write(script, to: target)
        } catch {
            return fail(error.message)
        }
        write("saved \(REPL.plural(steps.count, "step")) to \(path); run it with: mlm run \(path)\n")
        let folder = (target as NSString).deletingLastPathComponent
        if folder != session.baseDirectory {
            write("note: file paths in the steps are relative to \(session.baseDirectory), "
                  + "but mlm run reads them relative to the script's folder\n")
        }
    }

    /// The script `:save` writes: a comment line, then one step after another.
    static func savedScript(_ steps: [String]) -> String {
        "# Saved by mlm repl: the steps that ran without error, in order.\n" + steps.map { $0 + "\n" }.joined()
    }

    /// Writes the report of the steps that worked so far, as `mlm run <saved script> --report`
    /// would (format by the file's extension); never over a data file a table was loaded from.
    func writeReport(to argument: String) {
        let path = REPL.unquoted(argument)
        guard !path.isEmpty else { return fail("usage: :report <file.html|file.md|file.json>") }
        guard let format = ReportFormat(path: path) else {
            return fail("'\(path)' needs the extension .html, .md or .json to choose the report's format")
        }
        guard !outputs.isEmpty else { return fail("nothing to report yet: no step has run without error") }
        let document = ReportBuilder.document(scriptName: "mlm repl session", scriptText: REPL.savedScript(steps),
                                              outputs: outputs, session: session)
        do throws(ReportWriteError) {
            try ReportFile.write(document, format: format, to: session.resolve(path), written: path,
                                 protected: session.protectedFiles)
        } catch {
            return fail(error.message)
        }
        write("wrote the report of \(REPL.plural(outputs.count, "step")) to \(path)\n")
    }

    /// Runs a script's steps in this session, printing each like `mlm run`. Relative paths in
    /// the script are read from the REPL's folder, like everything typed at the prompt.
    func runScript(_ argument: String) {
        let path = REPL.unquoted(argument)
        guard !path.isEmpty else { return fail("usage: :run <file.mlm>") }
        let absolute = session.resolve(path)
        guard let data = FileManager.default.contents(atPath: absolute) else {
            let reason = FileManager.default.fileExists(atPath: absolute) ? "it cannot be read" : "there is no such file"
            return fail("cannot open '\(path)': \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else { return fail("'\(path)' is not a UTF-8 text file") }
        let before = steps.count
        if evaluate(text, sourceName: path, echoSource: true) {
            write("ran \(REPL.plural(steps.count - before, "step")) from \(path)\n")
        } else {
            failures += 1
        }
    }

    private func loadedTable(from path: String) -> String? {
        let target = (path as NSString).resolvingSymlinksInPath
        return session.inputFiles.first { ($0.value as NSString).resolvingSymlinksInPath == target }?.key
    }

    private func fail(_ message: String) {
        writeError(message + "\n")
        failures += 1
    }

    /// A path typed with or without quotes.
    static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for quote in ["\"", "'"] where trimmed.count >= 2 && trimmed.hasPrefix(quote) && trimmed.hasSuffix(quote) {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}

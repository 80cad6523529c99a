import CLibEdit
import Foundation
import MLMSyntax

/// Reads lines on a terminal through libedit: emacs-style editing, history with Up/Down and
/// Ctrl-R search, Tab completion from `Completer`, Ctrl-C to drop the line. The only type that
/// touches libedit's C pointers.
final class EditLineReader: LineReader {
    /// libedit calls back through C function pointers, which cannot capture; they find the
    /// reader here. There is one REPL per process.
    nonisolated(unsafe) private static var current: EditLineReader?
    nonisolated(unsafe) private static var promptText: UnsafeMutablePointer<CChar> = strdup("mlm> ")

    static let historySize: Int32 = 1000

    private let editor: OpaquePointer
    private let historyHandle: OpaquePointer
    private let historyPath: String?
    /// Called on each Tab, so completion sees the session as it is then.
    var makeCompleter: () -> Completer = { Completer(context: CompletionContext()) }
    private var pending: [String] = []
    private var interrupted = false

    /// nil when libedit cannot start on this terminal.
    init?(historyPath: String?) {
        setlocale(LC_CTYPE, "")
        guard let editor = mlm_el_init(CommandLine.arguments.first ?? "mlm") else { return nil }
        guard let historyHandle = mlm_history_init(EditLineReader.historySize) else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.historyHandle = historyHandle
        self.historyPath = historyPath
        EditLineReader.current = self
        configure()
        if let historyPath { _ = mlm_history_load(historyHandle, historyPath) }
    }

    deinit {
        el_end(editor)
        history_end(historyHandle)
        if EditLineReader.current === self { EditLineReader.current = nil }
    }

    private func configure() {
        _ = mlm_el_set_editor(editor, "emacs")
        _ = mlm_el_set_signal(editor, 1)
        _ = mlm_el_set_history(editor, historyHandle)
        _ = mlm_el_set_prompt(editor) { _ in EditLineReader.promptText }
        _ = mlm_el_add_function(editor, "mlm-complete", "complete the word at the cursor") { editor, _ in
            guard let editor, let reader = EditLineReader.current else { return UInt8(CC_ERROR) }
            return reader.complete(editor)
        }
        _ = mlm_el_add_function(editor, "mlm-interrupt", "drop the line") { editor, _ in
            guard let editor, let reader = EditLineReader.current else { return UInt8(CC_ERROR) }
            return reader.interrupt(editor)
        }
        // The user's ~/.editrc first, then the bindings mlm relies on.
        _ = el_source(editor, nil)
        parse(["bind", "^I", "mlm-complete"])
        parse(["bind", "^C", "mlm-interrupt"])
        parse(["bind", "^R", "em-inc-search-prev"])
        // Ctrl-C reaches the editor as a key instead of a signal while a line is edited; the
        // terminal's own settings (and so Ctrl-C as a signal) come back while a step runs.
        parse(["setty", "-d", "-isig"])
    }

    private func parse(_ words: [String]) {
        var arguments = words.map { UnsafePointer<CChar>(strdup($0)) }
        defer { arguments.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        _ = arguments.withUnsafeMutableBufferPointer { buffer in
            el_parse(editor, Int32(buffer.count), buffer.baseAddress)
        }
    }

    func readLine(prompt: String, pending: [String]) -> LineInput {
        free(EditLineReader.promptText)
        EditLineReader.promptText = strdup(prompt)
        self.pending = pending
        interrupted = false
        var count: Int32 = 0
        _ = mlm_el_prepare_terminal(editor)
        guard let raw = el_gets(editor, &count) else { return interrupted ? .interrupted : .end }
        if interrupted { return .interrupted }
        guard count > 0 else { return .end }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    func remember(_ entry: String) {
        _ = mlm_history_enter(historyHandle, entry)
        guard let historyPath else { return }
        // Saved after every entry so a crash or a closed terminal loses nothing; only the owner
        // may read it (it can name files and customers).
        if mlm_history_save(historyHandle, historyPath) >= 0 { chmod(historyPath, 0o600) }
    }

    var history: [String] {
        var entries: [String] = []
        var text = mlm_history_step(historyHandle, H_LAST)
        while let current = text {
            entries.append(String(cString: current))
            text = mlm_history_step(historyHandle, H_PREV)
        }
        return entries
    }

    // MARK: - Key functions

    private func complete(_ editor: OpaquePointer) -> UInt8 {
        guard let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
        let typed = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: info.cursor - info.buffer), as: UTF8.self)
        let completion = makeCompleter().complete(typed, after: pending)
        switch completion.candidates.count {
        case 0:
            return UInt8(CC_REFRESH_BEEP)
        case 1:
            replace(completion.prefix, with: completion.candidates[0].text + completion.candidates[0].terminator)
            return UInt8(CC_REFRESH)
        default:
            let common = completion.commonPrefix
            if common.count > completion.prefix.count {
                replace(completion.prefix, with: common)
                return UInt8(CC_REFRESH)
            }
            // Candidates can be column names from a data file: listed as shown (TerminalText).
            let listing = CandidateListing.format(completion.texts.map(TerminalText.visible), width: TerminalSize.columns())
            FileHandle.standardOutput.write(Data(("\n" + listing + "\n").utf8))
            return UInt8(CC_REDISPLAY)
        }
    }

    private func replace(_ prefix: String, with text: String) {
        el_deletestr(editor, Int32(prefix.unicodeScalars.count))
        _ = el_insertstr(editor, text)
    }

    /// Ctrl-C: shows ^C at the end of the line and ends the read; the line is then dropped.
    private func interrupt(_ editor: OpaquePointer) -> UInt8 {
        if let info = el_line(editor)?.pointee {
            let after = String(decoding: UnsafeRawBufferPointer(start: info.cursor, count: info.lastchar - info.cursor), as: UTF8.self)
            _ = el_cursor(editor, Int32(after.unicodeScalars.count))
        }
        _ = el_insertstr(editor, "^C")
        interrupted = true
        el_push(editor, "\n")
        return UInt8(CC_REFRESH)
    }
}

import Foundation

/// Completes a path being typed: folders (to go deeper) and the files a step can use.
struct FileCompletion {
    enum Kind: Equatable {
        /// Data files for `load`: .csv, .tsv, .txt.
        case data
        /// Model files for `load model`.
        case model
        /// Scripts for `:run`.
        case script
        /// Anything: an output path (`export`, `save`, `:save`).
        case any

        init(forStatement step: String?, pieces: [CompletionScanner.Piece]) {
            if step == "load" {
                self = pieces.count > 1 && pieces[1] == .word("model") ? .model : .data
            } else {
                self = .any
            }
        }

        func accepts(_ name: String) -> Bool {
            let ext = (name as NSString).pathExtension.lowercased()
            switch self {
            case .data: return ["csv", "tsv", "txt", "tab"].contains(ext)
            case .model: return ext == "mlmodel"
            case .script: return ext == "mlm"
            case .any: return true
            }
        }
    }

    let context: CompletionContext
    let kind: Kind
    /// What follows a completed file name (a closing quote and a space inside a string).
    let terminator: String

    func complete(_ typed: String) -> Completion {
        let slash = typed.lastIndex(of: "/")
        let folderPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        guard let entries = context.listDirectory(directory(for: folderPart)) else {
            return Completion(prefix: typed, candidates: [])
        }
        let showHidden = namePart.hasPrefix(".")
        let candidates = entries
            .filter { (showHidden || !$0.name.hasPrefix(".")) && ($0.isDirectory || kind.accepts($0.name)) }
            .sorted { $0.name < $1.name }
            .map { entry in
                entry.isDirectory
                    ? Completion.Candidate(folderPart + entry.name + "/", terminator: "")
                    : Completion.Candidate(folderPart + entry.name, terminator: terminator)
            }
        return Completer.filter(candidates, typed: typed) { $0 }
    }

    /// The absolute folder to list for what was typed before the last slash.
    private func directory(for folderPart: String) -> String {
        var expanded = (folderPart as NSString).expandingTildeInPath
        while expanded.count > 1, expanded.hasSuffix("/") { expanded.removeLast() }
        if expanded.hasPrefix("/") { return expanded }
        return expanded.isEmpty ? context.baseDirectory
            : (context.baseDirectory as NSString).appendingPathComponent(expanded)
    }
}

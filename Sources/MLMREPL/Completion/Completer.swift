import MLMSyntax

/// The words that may replace the one being typed, and what to type after each.
public struct Completion: Equatable, Sendable {
    public struct Candidate: Equatable, Sendable {
        public var text: String
        /// Typed after the candidate when it is the only one: a space after a word, a closing
        /// quote after a file, nothing after a folder (so its contents can be completed next).
        public var terminator: String

        public init(_ text: String, terminator: String = " ") {
            self.text = text
            self.terminator = terminator
        }
    }

    /// The part of the word already typed, which a chosen candidate replaces.
    public var prefix: String
    public var candidates: [Candidate]

    public var texts: [String] { candidates.map(\.text) }

    /// The longest text every candidate starts with (what a first Tab can insert safely).
    public var commonPrefix: String {
        guard var common = candidates.first?.text else { return prefix }
        for candidate in candidates.dropFirst() {
            common = String(common.commonPrefix(with: candidate.text))
        }
        return common
    }
}

/// Tab completion for the REPL: from the text before the cursor (and the lines already typed
/// for this entry) to the candidates for the word at the cursor. A pure function of its inputs
/// and the context, so every rule is tested without a terminal.
public struct Completer {
    let context: CompletionContext

    public init(context: CompletionContext) {
        self.context = context
    }

    /// - Parameters:
    ///   - line: the current line up to the cursor.
    ///   - previousLines: lines of the same entry already entered (a block header and its lines).
    public func complete(_ line: String, after previousLines: [String] = []) -> Completion {
        if previousLines.isEmpty, line.drop(while: { $0 == " " }).hasPrefix(":") {
            return MetaCommandCompletion(context: context).complete(line)
        }
        let scanner = CompletionScanner(line)
        let statement = StatementContext(line: scanner.pieces, previousLines: previousLines)
        switch scanner.partial {
        case .quoted(let path):
            let kind = FileCompletion.Kind(forStatement: statement.step, pieces: statement.pieces)
            return FileCompletion(context: context, kind: kind, terminator: "\" ").complete(path)
        case .backtick(let typed):
            let names = context.columns(of: statement.table)
            return Completer.filter(names.map { Completion.Candidate("`\($0)`") }, typed: typed, key: { $0 })
        case .word(let typed):
            let rules = CompletionRules(context: context, statement: statement)
            return Completer.filter(rules.candidates(), typed: typed) { text in
                text.hasPrefix("`") && text.hasSuffix("`") && text.count > 1 ? String(text.dropFirst().dropLast()) : text
            }
        }
    }

    /// Keeps the candidates that start with what was typed: exact case first, any case if none
    /// does. `key` is what is compared (a backticked name is matched without its backticks).
    static func filter(_ candidates: [Completion.Candidate], typed: String,
                       key: (String) -> String) -> Completion {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0.text).inserted }
        var kept = unique.filter { key($0.text).hasPrefix(typed) || $0.text.hasPrefix(typed) }
        if kept.isEmpty {
            let lowered = typed.lowercased()
            kept = unique.filter { key($0.text).lowercased().hasPrefix(lowered) }
        }
        return Completion(prefix: typed, candidates: kept)
    }
}

/// Where the word being completed sits: which step, which table it is about, and the tokens
/// of the statement before it (for a block line, the tokens of that line).
struct StatementContext {
    /// The step keyword (`load`, `show`, ...), or `clean`/`feature` inside a block.
    var step: String?
    /// True for a line of a clean or feature block (after the header's colon).
    var inBlock = false
    /// The table the step is about, when known.
    var table: String?
    /// The tokens before the word being completed: a line step's, or a block operation's.
    var pieces: [CompletionScanner.Piece]

    init(line: [CompletionScanner.Piece], previousLines: [String]) {
        if let header = previousLines.first {
            let headerPieces = CompletionScanner(header + "\n").pieces
            step = headerPieces.first?.word
            table = headerPieces.count > 1 ? headerPieces[1].word : nil
            inBlock = step == "clean" || step == "feature"
            pieces = line
            return
        }
        step = line.first?.word
        pieces = line
        if (step == "clean" || step == "feature"), line.count >= 3, line[2] == .symbol(":") {
            table = line[1].word
            inBlock = true
            pieces = Array(line.dropFirst(3))
            return
        }
        table = StatementContext.table(of: step, in: line)
    }

    private static func table(of step: String?, in pieces: [CompletionScanner.Piece]) -> String? {
        switch step {
        case "describe", "show", "split", "sort", "export", "segment", "clean", "feature", "rfm", "profile":
            return pieces.count > 1 ? pieces[1].word : nil
        case "model", "predict", "compare", "tune":
            return word(after: "on", in: pieces)
        case "select":
            return word(after: "of", in: pieces)
        default:
            return nil
        }
    }

    private static func word(after keyword: String, in pieces: [CompletionScanner.Piece]) -> String? {
        guard let index = pieces.firstIndex(of: .word(keyword)), index + 1 < pieces.count else { return nil }
        return pieces[index + 1].word
    }
}

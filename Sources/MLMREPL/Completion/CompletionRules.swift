import MLMRuntime
import MLMSyntax

/// The grammar, read backwards from the cursor: the nearest keyword or symbol (the anchor) and
/// whether a value has been typed since decide what may come next. Coarse on purpose: it
/// offers what is plausible at a position, and the checker still judges what was typed.
struct CompletionRules {
    typealias Candidate = Completion.Candidate
    typealias Piece = CompletionScanner.Piece

    let context: CompletionContext
    let statement: StatementContext
    /// The nearest keyword or symbol before the cursor, with its position in the pieces.
    let anchor: (text: String, index: Int)?
    /// True when a value (name, number, string) follows the anchor and the cursor comes after it,
    /// so the next word continues the step rather than filling the anchor's slot.
    let afterItem: Bool

    init(context: CompletionContext, statement: StatementContext) {
        self.context = context
        self.statement = statement
        let pieces = statement.pieces
        let isAnchor = { (index: Int) in CompletionRules.isAnchor(pieces, at: index, step: statement.step) }
        var index = pieces.count - 1
        while index >= 0, !isAnchor(index) { index -= 1 }
        anchor = index >= 0 ? (CompletionRules.text(of: pieces[index]), index) : nil
        afterItem = !pieces.isEmpty && !isAnchor(pieces.count - 1) && pieces.last != .symbol(",")
    }

    static let keywords: Set<String> = Set(Parser.stepKeywords + Parser.cleanOperationKeywords
        + Parser.featureOperationKeywords + Parser.clauseKeywords + Parser.reservedWords)

    /// Words after which a keyword is read as a column name (`columns date, amount`).
    static let nameListOpeners: Set<String> = ["columns", "column", "by", "for", "target", "from"]

    /// Whether the piece at `index` shapes what follows (a keyword or symbol) rather than being
    /// a value. Step words count only first on a line; a keyword right after a comma or a
    /// word that opens a list of names is a name; in a split, `train` names a part.
    static func isAnchor(_ pieces: [Piece], at index: Int, step: String?) -> Bool {
        switch pieces[index] {
        case .string, .number: return false
        case .symbol(let symbol): return symbol != ","
        case .word(let word):
            guard keywords.contains(word) else { return false }
            if index == 0 { return true }
            if Parser.stepKeywords.contains(word), !Parser.clauseKeywords.contains(word) { return false }
            if step == "split", word == "train" { return false }
            // Common column names that are keywords only in an rfm step.
            if step != "rfm", ["date", "amount", "invoice", "reference"].contains(word) { return false }
            let before = pieces[index - 1]
            return before != .symbol(",") && !nameListOpeners.contains(before.word ?? "")
        }
    }

    static func text(of piece: Piece) -> String {
        switch piece {
        case .word(let text), .symbol(let text), .string(let text), .number(let text): return text
        }
    }

    func candidates() -> [Candidate] {
        guard let anchor else { return start() }
        if anchor.index == 0, !statement.inBlock { return stepSubject(anchor.text) }
        return afterItem ? next(after: anchor.text) : slot(of: anchor.text)
    }

    // MARK: - The first words

    /// The first word of a line, or what follows a step or operation keyword's value.
    private func start() -> [Candidate] {
        if statement.inBlock {
            if statement.pieces.isEmpty {
                return words(statement.step == "feature" ? Parser.featureOperationKeywords : Parser.cleanOperationKeywords)
            }
            return []
        }
        return statement.pieces.isEmpty ? words(Parser.stepKeywords) : []
    }

    /// Right after a step keyword (`describe |`, `describe bank |`).
    private func stepSubject(_ step: String) -> [Candidate] {
        if afterItem {
            let follow: [String: [String]] = [
                "describe": ["columns"], "show": ["columns", "where", "order", "limit"], "split": ["into"], "sort": ["by"],
                "export": ["to"], "segment": ["with"], "evaluate": ["on", "at", "with"], "predict": ["on"],
                "save": ["to"], "load": ["as"], "explain": ["on"], "rfm": ["by"], "profile": ["by"],
                "tune": ["on"],
            ]
            if step == "compare" { return words(["on"]) }
            return statement.pieces.count == 2 ? words(follow[step] ?? []) : []
        }
        switch step {
        case "describe", "show", "clean", "feature", "split", "sort", "export", "segment", "rfm", "profile": return tables
        case "evaluate", "predict", "save", "explain": return models
        case "compare", "tune": return words(context.algorithms.map(\.name))
        case "load": return words(["model"])
        case "select": return words(["features"])
        case "set": return words(["threshold"])
        default: return []
        }
    }

    // MARK: - The slot an anchor opens

    /// What fills the place right after `word` (or after a comma in its list).
    private func slot(of word: String) -> [Candidate] {
        switch word {
        case "columns", "fill", "trim", "lower", "upper", "onehot", "standardize", "normalize",
             "log", "rename", "cast", "from", "bin", "target":
            return columns
        case "column": return statement.step == "load" ? [] : columns
        case "clip": return columns + words(["outliers"])
        case "by": return byClause()
        case "in": return statement.inBlock ? columns : []
        case "into": return statement.step == "split" ? words(["train", "validation", "test"]) : []
        case "on": return onClause()
        case "with": return withClause()
        case "train": return words(context.algorithms.map(\.name))
        case "to":
            if statement.step == "set" { return thresholds + words(["best_profit"]) }
            return statement.step == "clean" && statement.pieces.first?.word == "cast" ? words(columnTypes) : []
        case "as": return statement.step == "load" && statement.pieces.contains(.word("column")) ? words(columnTypes) : []
        case "at": return statement.step == "evaluate" ? words(["threshold"]) : []
        case "threshold": return statement.step == "set" ? words(["of"]) : thresholds
        case "features": return words(["of"])
        case "of": return statement.step == "set" ? models : tables
        case "for", "date", "amount", "invoice": return columns
        case "over": return words(context.settings(of: algorithm).map(\.name))
        case "drop": return statement.inBlock ? words(["duplicates", "column", "columns", "rows"]) : []
        case "keep": return words(["columns", "rows"])
        case "rows": return words(["where"])
        case "stratify", "order": return words(["by"])
        case "asc", "desc", "ascending", "descending": return directionSlot()
        case "duplicates": return words(["by"])
        case "remove": return words(["outliers"])
        case "outliers": return words(["in"])
        case "extract": return words(["year", "month", "day", "weekday"])
        case "=": return equalsSlot()
        case "(" where statement.step == "compare":
            // compare logistic, random_forest(trees 200, ...): that algorithm's settings.
            guard let anchor, anchor.index > 0 else { return [] }
            return words(context.settings(of: statement.pieces[anchor.index - 1].word).map(\.name))
        case "where", "and", "or", "not", "(", "<", ">", "+", "-", "*", "/", "^", "!":
            return expressionStart
        default: return []
        }
    }

    private func byClause() -> [Candidate] {
        switch statement.step {
        case "rfm", "profile", "sort": return columns
        case "select": return words(["importance", "mutual_information"])
        case "compare", "tune": return []
        default: break
        }
        guard let anchor, anchor.index > 0 else { return [] }
        let before = statement.pieces[anchor.index - 1].word
        return ["stratify", "duplicates", "order"].contains(before) ? columns : words(["iqr", "zscore"])
    }

    /// Right after a key's direction: another key after a comma, else (in show) the limit.
    private func directionSlot() -> [Candidate] {
        if statement.pieces.last == .symbol(",") { return columns }
        return statement.step == "show" ? words(["limit"]) : []
    }

    /// `sort t by …` and `show t … order by …`, whose keys may each take a direction.
    private var orderingStep: Bool {
        statement.step == "sort" || (statement.step == "show" && statement.pieces.contains(.word("order")))
    }

    private func onClause() -> [Candidate] {
        switch statement.step {
        case "model", "predict": return tables
        case "evaluate", "explain": return words(["test", "validation", "train"]) + tables
        case "compare", "tune": return tables
        case "segment": return columns
        default: return []
        }
    }

    private func withClause() -> [Candidate] {
        switch statement.step {
        case "model": return words(context.settings(of: algorithm).map(\.name))
        case "load": return words(["sep", "decimal", "encoding", "skip_bad_rows", "column"])
        case "export": return words(["force"])
        case "segment": return words(["kmeans", "dbscan"])
        case "clean" where statement.pieces.first?.word == "fill": return words(["mean", "median", "mode", "missing"])
        case "clean" where statement.pieces.first?.word == "replace": return words(["missing"])
        case "clean" where statement.pieces.first?.word == "cast": return words(StepOptions.cast.map(\.name))
        default: return []
        }
    }

    private func equalsSlot() -> [Candidate] {
        if statement.step == "model" { return statement.pieces.count == 3 ? words(["train"]) : [] }
        return statement.inBlock && statement.step == "feature" ? expressionStart + words(["bin"]) : expressionStart
    }

    // MARK: - After a value

    /// What may follow a value typed after `word` (`fill age |` → with).
    private func next(after word: String) -> [Candidate] {
        if word == "with", statement.step == "model" { return settingChoices() }
        if let number = statement.pieces.last, case .number = number, word == "into" {
            return words(["stratify", "seed"])
        }
        let follow: [String: [String]] = [
            "fill": ["with"], "clip": ["at"], "cast": ["to"], "rename": ["to"], "extract": ["from"],
            "in": statement.inBlock ? ["by"] : [], "bin": ["at", "into"], "replace": ["with"],
            "train": ["on"], "target": ["with"], "as": statement.step == "load" ? ["with"] : [],
            "by": orderingStep ? ["asc", "desc"] + (statement.step == "show" ? ["limit"] : []) : statement.step == "split" ? ["seed"] : [],
            "where": statement.step == "show" ? ["and", "or", "order", "limit"] : ["and", "or"],
            "asc": ["asc", "desc"], "desc": ["asc", "desc"], "ascending": ["asc", "desc"], "descending": ["asc", "desc"],
        ]
        if word == "target", statement.step == "tune" { return words(["over"]) }
        if word == "target", statement.step == "compare" { return words(["by", "with", "as"]) }
        if let words = follow[word] { return self.words(words) }
        switch (statement.step, word) {
        case ("show", "columns"): return words(["where", "order", "limit"])
        case ("model", "on"): return words(["target"])
        case ("evaluate", "on"): return words(["at"])
        case ("predict", "on"): return words(["as"])
        case ("segment", "on"): return words(["as"])
        case ("export", "to"): return words(["with"])
        case ("clean", "to") where statement.pieces.first?.word == "cast":
            // cast signup to date |: a format (the common ones), or with coerce.
            let formats = statement.pieces.last == .word("date") ? CompletionRules.dateFormats.map { "\"\($0)\"" } : []
            return words(formats + ["with"])
        case ("compare", "on"), ("tune", "on"): return words(["target"])
        case ("select", "of"): return words(["for"])
        case ("select", "for"): return words(["top"])
        case ("set", "of"): return words(["to"])
        case ("rfm", "by"): return words(["date"])
        case ("rfm", "date"): return words(["amount"])
        case ("rfm", "amount"): return words(["invoice", "reference", "as"])
        case ("profile", "by"): return words(["columns"])
        case ("model", "="): return statement.pieces.count > 3 ? words(["with"]) : []
        case (_, "with") where statement.pieces.first?.word == "replace": return words(["in"])
        default: return []
        }
    }

    /// After `with name` in a train step: the words that setting accepts.
    private func settingChoices() -> [Candidate] {
        guard let last = statement.pieces.last?.word, let before = statement.pieces.dropLast().last,
              before == .word("with") || before == .symbol(",") else { return [] }
        return words(context.settings(of: algorithm).first { $0.name == last }?.choices ?? [])
    }

    // MARK: - Vocabulary

    /// The algorithm a train or tune step names.
    private var algorithm: String? {
        if statement.step == "tune" { return statement.pieces.count > 1 ? statement.pieces[1].word : nil }
        guard let train = statement.pieces.firstIndex(of: .word("train")), train + 1 < statement.pieces.count else { return nil }
        return statement.pieces[train + 1].word
    }

    private var thresholds: [Candidate] { words(["best_f1"]) + [Candidate("recall(", terminator: "")] }

    private var tables: [Candidate] { words(context.tables.keys.sorted()) }

    private var models: [Candidate] { words(context.models) }

    private var columns: [Candidate] {
        context.columns(of: statement.table).map { Candidate(CompletionRules.quotedIfNeeded($0)) }
    }

    private var expressionStart: [Candidate] {
        columns + FunctionRegistry.functions.map { Candidate($0.name + "(", terminator: "") } + words(["not"])
    }

    private let columnTypes = ["integer", "number", "boolean", "date", "category", "text"]

    /// The date formats offered after `cast c to date` (any other can be typed; README lists the letters).
    static let dateFormats = ["dd/mm/yyyy", "mm/dd/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "yyyy/mm/dd", "yyyymmdd",
                              "dd-Mon-yyyy", "Mon dd, yyyy", "excel"]

    private func words(_ list: [String]) -> [Candidate] { list.map { Candidate($0) } }

    /// A column name as it must be written: in backticks unless it is a plain word that is not
    /// reserved in expressions.
    static func quotedIfNeeded(_ name: String) -> String {
        let plain = name.first.map { $0.isLetter || $0 == "_" } ?? false
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return plain && !Parser.reservedWords.contains(name) ? name : "`\(name)`"
    }
}

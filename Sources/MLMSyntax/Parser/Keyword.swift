/// Every word the parser gives a meaning to. The parser only recognises words through this
/// enum, so the public keyword lists (and the grammar test built on them) cannot drift from
/// what the parser actually accepts. All keywords are contextual except `reserved` ones, which
/// cannot be bare column names inside expressions.
enum Keyword: String, CaseIterable, Sendable {
    // Steps
    case load, describe, show, clean, feature, split, sort, export
    case model, evaluate, predict, save, segment, rfm, profile, name, report
    case compare, tune, select, explain, set
    // Clean operations
    case drop, keep, replace, fill, clip, remove, trim, lower, upper, rename, cast
    // Feature operations
    case onehot, standardize, normalize, log, extract
    // Clause words
    case `as`, with, column, columns, `where`, limit, into, stratify, by, seed, to
    case duplicates, rows, mean, median, mode, at, outliers, iqr, zscore
    case bin, quantiles, from, train, on, target, threshold
    case date, amount, invoice, reference
    case over, features, of, `for`, top, reasons
    case order, asc, desc, ascending, descending
    // Reserved in expressions
    case and, or, not, `is`, `in`, missing, `true`, `false`

    static let steps: [Keyword] = [
        .load, .describe, .show, .clean, .feature, .split, .sort, .export,
        .model, .evaluate, .predict, .save, .segment, .rfm, .profile, .name, .report,
        .compare, .tune, .select, .explain, .set,
    ]

    static let cleanOperations: [Keyword] = [
        .drop, .keep, .replace, .fill, .clip, .remove, .trim, .lower, .upper, .rename, .cast,
    ]

    static let featureOperations: [Keyword] = [.onehot, .standardize, .normalize, .log, .extract]

    static let reserved: [Keyword] = [.and, .or, .not, .is, .in, .missing, .true, .false]

    static var clauses: [Keyword] {
        allCases.filter { !steps.contains($0) && !cleanOperations.contains($0)
            && !featureOperations.contains($0) && !reserved.contains($0) }
    }

    /// The keyword a bare word token spells, if any.
    init?(_ token: Token) {
        guard token.kind == .word else { return nil }
        self.init(rawValue: token.text)
    }

    var isReserved: Bool { Keyword.reserved.contains(self) }
}

extension Token {
    func `is`(_ keyword: Keyword) -> Bool { isWord(keyword.rawValue) }

    /// True for words reserved in expressions (`and`, `missing`, ...).
    var isReservedWord: Bool { Keyword(self)?.isReserved ?? false }
}

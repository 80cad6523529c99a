@testable import MLMSyntax

/// Parses `text` as a script named `test.mlm`.
func parse(_ text: String) -> (program: Program, diagnostics: [Diagnostic], source: SourceFile) {
    let source = SourceFile(name: "test.mlm", text: text)
    let (program, diagnostics) = Parser.parse(source)
    return (program, diagnostics, source)
}

/// The only statement of a one-statement script, or nil (with the diagnostics for context).
func singleStatement(_ text: String) -> Statement? {
    let result = parse(text)
    guard result.diagnostics.isEmpty, result.program.statements.count == 1 else { return nil }
    return result.program.statements.first
}

/// "line:column message" for each diagnostic, the form the tests compare against.
func located(_ text: String) -> [String] {
    let result = parse(text)
    return result.diagnostics.map { diagnostic in
        let location = result.source.location(of: diagnostic.range.start)
        return "\(location.line):\(location.column) \(diagnostic.message)"
    }
}

/// The byte range of the first occurrence of `fragment` in `text` (after `from` occurrences).
func rangeOf(_ fragment: String, in text: String, occurrence: Int = 0) -> SourceRange? {
    let bytes = Array(text.utf8), needle = Array(fragment.utf8)
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    var seen = 0
    for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
        if seen == occurrence { return SourceRange(start: start, end: start + needle.count) }
        seen += 1
    }
    return nil
}

// MARK: - Compact printing, so tests compare structure without spelling out every range

/// An expression as an S-expression: `(> balance 1000)`, `(in job ["a", "b"])`, `max(a, 0)`.
func sexpr(_ expr: Expr) -> String {
    switch expr.kind {
    case .number(let value): return number(value)
    case .percent(let value): return number(value) + "%"
    case .string(let text): return "\"\(text)\""
    case .boolean(let value): return value ? "true" : "false"
    case .missing: return "missing"
    case .name(let name): return name
    case .list(let items): return "[" + items.map(sexpr).joined(separator: ", ") + "]"
    case .range(let low, let high): return "(.. \(sexpr(low)) \(sexpr(high)))"
    case .unary(let op, let operand): return "(\(op.rawValue) \(sexpr(operand)))"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(sexpr(left)) \(sexpr(right)))"
    case .chain(let first, let links):
        // Printed as the nested pairs it stands for: `a - b - c` is (- (- a b) c).
        return links.reduce(sexpr(first)) { "(\($1.op.rawValue) \($0) \(sexpr($1.operand)))" }
    case .isMissing(let operand, let negated):
        return "(\(negated ? "is-not-missing" : "is-missing") \(sexpr(operand)))"
    case .isIn(let operand, let items, let negated):
        let list = "[" + items.map(sexpr).joined(separator: ", ") + "]"
        return "(\(negated ? "not-in" : "in") \(sexpr(operand)) \(list))"
    case .call(let function, let arguments):
        return function.name + "(" + arguments.map(sexpr).joined(separator: ", ") + ")"
    }
}

private func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

func names(_ identifiers: [Identifier]) -> [String] { identifiers.map(\.name) }

/// `sep=";"`, `force` (a flag), `k=(.. 2 8)`.
func describe(_ option: NamedOption) -> String {
    option.value.map { "\(option.name.name)=\(sexpr($0))" } ?? option.name.name
}

/// A clean operation as one line: `fill(balance; median)`.
func summary(_ kind: CleanOperation.Kind) -> String {
    func list(_ ids: [Identifier]) -> String { names(ids).joined(separator: ",") }
    func rule(_ rule: OutlierRule) -> String {
        switch rule {
        case .iqr(let factor): return "iqr \(number(factor))"
        case .zScore(let limit): return "zscore \(number(limit))"
        }
    }
    switch kind {
    case .dropDuplicates(let keys): return "dropDuplicates(\(list(keys)))"
    case .dropColumns(let columns): return "dropColumns(\(list(columns)))"
    case .keepColumns(let columns): return "keepColumns(\(list(columns)))"
    case .dropRows(let condition): return "dropRows(\(sexpr(condition)))"
    case .keepRows(let condition): return "keepRows(\(sexpr(condition)))"
    case .replace(let values, let replacement, let columns):
        return "replace(\(values.map(sexpr).joined(separator: ",")); \(sexpr(replacement)); \(list(columns)))"
    case .fill(let columns, let strategy):
        let shown: String
        switch strategy {
        case .mean: shown = "mean"
        case .median: shown = "median"
        case .mode: shown = "mode"
        case .constant(let value): shown = sexpr(value)
        }
        return "fill(\(list(columns)); \(shown))"
    case .clip(let columns, let lower, let upper): return "clip(\(list(columns)); \(sexpr(lower)); \(sexpr(upper)))"
    case .removeOutliers(let columns, let outlierRule): return "removeOutliers(\(list(columns)); \(rule(outlierRule)))"
    case .clipOutliers(let columns, let outlierRule): return "clipOutliers(\(list(columns)); \(rule(outlierRule)))"
    case .text(let transform, let columns): return "\(transform.rawValue)(\(list(columns)))"
    case .rename(let pairs): return "rename(" + pairs.map { "\($0.from.name)->\($0.to.name)" }.joined(separator: ",") + ")"
    case .cast(let cast): return "cast(\(list(cast.columns)); \(cast.type.name)\(cast.format.map { "; \"\($0.value)\"" } ?? "")\(cast.options.isEmpty ? "" : "; with"))"
    }
}

/// A feature operation as one line: `derive(x; (+ a 1))`.
func summary(_ kind: FeatureOperation.Kind) -> String {
    func list(_ ids: [Identifier]) -> String { names(ids).joined(separator: ",") }
    switch kind {
    case .derive(let output, let expression): return "derive(\(output.name); \(sexpr(expression)))"
    case .bin(let output, let column, .edges(let edges)):
        return "bin(\(output.name); \(column.name); at \(edges.map(sexpr).joined(separator: ",")))"
    case .bin(let output, let column, .quantiles(let count)):
        return "bin(\(output.name); \(column.name); into \(sexpr(count)))"
    case .oneHot(let columns): return "onehot(\(list(columns)))"
    case .standardize(let columns): return "standardize(\(list(columns)))"
    case .normalize(let columns): return "normalize(\(list(columns)))"
    case .log(let columns): return "log(\(list(columns)))"
    case .extractDateParts(let parts, let column): return "extract(\(list(parts)); \(column.name))"
    }
}

/// The operations of a one-statement clean script, summarised; empty when it did not parse.
func cleanSummaries(_ text: String) -> [String] {
    guard case .clean(let clean)? = singleStatement(text)?.kind else { return [] }
    return clean.operations.map { summary($0.kind) }
}

/// The operations of a one-statement feature script, summarised; empty when it did not parse.
func featureSummaries(_ text: String) -> [String] {
    guard case .feature(let feature)? = singleStatement(text)?.kind else { return [] }
    return feature.operations.map { summary($0.kind) }
}

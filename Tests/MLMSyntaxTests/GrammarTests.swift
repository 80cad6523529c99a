import Foundation
import Testing
@testable import MLMSyntax

/// Keeps grammar/mlm.ebnf and the parser from drifting apart: every example in the grammar
/// must parse into what its production describes, and both must know the same keywords.
@Suite struct GrammarTests {
    // MARK: - Reading the grammar

    struct Production {
        var name: String
        var body: String
        var examples: [String] = []
    }

    static let grammarPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammar/mlm.ebnf").path

    /// The productions of the grammar with the examples written after each one.
    static func loadGrammar() throws -> [Production] {
        let text = try String(contentsOfFile: grammarPath, encoding: .utf8)
        return try productions(in: Array(text.unicodeScalars))
    }

    struct GrammarFormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Splits the grammar into productions. Comments may nest; only outermost comments that
    /// start with "example:" are examples, and they belong to the production before them.
    static func productions(in scalars: [Unicode.Scalar]) throws -> [Production] {
        var productions: [Production] = []
        var pending = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "(", index + 1 < scalars.count, scalars[index + 1] == "*" {
                let (comment, end) = try readComment(scalars, from: index)
                index = end
                let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.hasPrefix("example:") {
                    guard !productions.isEmpty else { throw GrammarFormatError(description: "example before any production") }
                    productions[productions.count - 1].examples.append(
                        String(trimmed.dropFirst("example:".count)).trimmingCharacters(in: .whitespaces))
                }
                continue
            }
            if scalar == "\"" || scalar == "'" || scalar == "?" {
                let end = scalars[(index + 1)...].firstIndex(of: scalar) ?? scalars.count - 1
                pending += String(String.UnicodeScalarView(scalars[index...end]))
                index = end + 1
                continue
            }
            if scalar == ";" {
                productions.append(try production(from: pending))
                pending = ""
            } else {
                pending.unicodeScalars.append(scalar)
            }
            index += 1
        }
        guard pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw GrammarFormatError(description: "text after the last ';': \(pending)")
        }
        return productions
    }

    private static func readComment(_ scalars: [Unicode.Scalar], from start: Int) throws -> (String, Int) {
        var depth = 0
        var index = start
        var content = String.UnicodeScalarView()
        while index + 1 < scalars.count {
            if scalars[index] == "(", scalars[index + 1] == "*" {
                depth += 1
                if depth > 1 { content.append(contentsOf: "(*".unicodeScalars) }
                index += 2
            } else if scalars[index] == "*", scalars[index + 1] == ")" {
                depth -= 1
                index += 2
                if depth == 0 { return (String(content), index) }
                content.append(contentsOf: "*)".unicodeScalars)
            } else {
                content.append(scalars[index])
                index += 1
            }
        }
        throw GrammarFormatError(description: "unclosed comment")
    }

    private static func production(from text: String) throws -> Production {
        let parts = text.split(separator: "=", maxSplits: 1)
        let name = parts.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        guard parts.count == 2, name.range(of: "^[A-Za-z_]+$", options: .regularExpression) != nil else {
            throw GrammarFormatError(description: "not a production: \(text)")
        }
        return Production(name: name, body: String(parts[1]))
    }

    /// Quoted terminals of a body: "word" or 'word'.
    static func terminals(of body: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #""([^"]*)"|'([^']*)'"#)
        let range = NSRange(body.startIndex..., in: body)
        return pattern.matches(in: body, range: range).compactMap { match in
            for group in 1...2 {
                if let found = Range(match.range(at: group), in: body) { return String(body[found]) }
            }
            return nil
        }
    }

    /// Syntactic productions are lower_case; UPPER_CASE ones describe tokens.
    static func isSyntactic(_ production: Production) -> Bool {
        production.name == production.name.lowercased()
    }

    static func isExampled(_ production: Production) -> Bool {
        production.name.hasSuffix("_statement") || production.name.hasSuffix("_op")
    }

    // MARK: - What a parsed example is

    /// The production a one-step script exercises: the step's, or its single operation's.
    static func productionName(of statement: Statement, expecting expected: String) -> String {
        switch statement.kind {
        case .clean(let clean) where expected.hasSuffix("_op") && clean.operations.count == 1:
            return productionName(of: clean.operations[0].kind)
        case .feature(let feature) where expected.hasSuffix("_op") && feature.operations.count == 1:
            return productionName(of: feature.operations[0].kind)
        case .load: return "load_statement"
        case .describe: return "describe_statement"
        case .show: return "show_statement"
        case .clean: return "clean_statement"
        case .feature: return "feature_statement"
        case .split: return "split_statement"
        case .sort: return "sort_statement"
        case .export: return "export_statement"
        case .train: return "train_statement"
        case .evaluate: return "evaluate_statement"
        case .predict: return "predict_statement"
        case .save: return "save_statement"
        case .loadModel: return "load_model_statement"
        case .segment: return "segment_statement"
        case .rfm: return "rfm_statement"
        case .profile: return "profile_statement"
        case .nameSegment: return "name_segment_statement"
        case .report: return "report_statement"
        case .compare: return "compare_statement"
        case .tune: return "tune_statement"
        case .selectFeatures: return "select_features_statement"
        case .explain: return "explain_statement"
        case .setThreshold: return "set_threshold_statement"
        }
    }

    static func productionName(of kind: CleanOperation.Kind) -> String {
        switch kind {
        case .dropDuplicates: return "drop_duplicates_op"
        case .dropColumns: return "drop_columns_op"
        case .keepColumns: return "keep_columns_op"
        case .dropRows: return "drop_rows_op"
        case .keepRows: return "keep_rows_op"
        case .replace: return "replace_op"
        case .fill: return "fill_op"
        case .clip: return "clip_op"
        case .removeOutliers: return "remove_outliers_op"
        case .clipOutliers: return "clip_outliers_op"
        case .text: return "text_op"
        case .rename: return "rename_op"
        case .cast: return "cast_op"
        }
    }

    static func productionName(of kind: FeatureOperation.Kind) -> String {
        switch kind {
        case .derive: return "derive_op"
        case .bin: return "bin_op"
        case .oneHot: return "onehot_op"
        case .standardize: return "standardize_op"
        case .normalize: return "normalize_op"
        case .log: return "log_op"
        case .extractDateParts: return "extract_op"
        }
    }

    // MARK: - Tests

    @Test func everyStatementAndOperationProductionHasAnExample() throws {
        let productions = try GrammarTests.loadGrammar()
        let exampled = productions.filter(GrammarTests.isExampled)
        #expect(exampled.count == 23 + 13 + 7)
        for production in exampled {
            #expect(!production.examples.isEmpty, "no example for \(production.name)")
        }
    }

    @Test func everyExampleParsesIntoItsProduction() throws {
        let productions = try GrammarTests.loadGrammar()
        var checked = 0
        for production in productions where GrammarTests.isExampled(production) {
            for example in production.examples {
                let script = example.replacingOccurrences(of: "\\n", with: "\n")
                let result = parse(script)
                #expect(result.diagnostics.isEmpty, "\(production.name): \(example) → \(result.diagnostics.map(\.message))")
                guard result.program.statements.count == 1, let statement = result.program.statements.first else {
                    Issue.record("\(production.name): \(example) did not give exactly one step")
                    continue
                }
                #expect(GrammarTests.productionName(of: statement, expecting: production.name) == production.name,
                        "\(example)")
                checked += 1
            }
        }
        #expect(checked >= 60)
    }

    @Test func everyParserKeywordIsATerminalOfTheGrammar() throws {
        let productions = try GrammarTests.loadGrammar()
        let terminals = Set(productions.filter(GrammarTests.isSyntactic).flatMap { GrammarTests.terminals(of: $0.body) })
        let keywords = Parser.stepKeywords + Parser.cleanOperationKeywords + Parser.featureOperationKeywords
            + Parser.clauseKeywords + Parser.reservedWords
        for keyword in keywords {
            #expect(terminals.contains(keyword), "'\(keyword)' is missing from the grammar")
        }
    }

    @Test func everyWordTerminalOfTheGrammarIsKnownToTheParser() throws {
        let productions = try GrammarTests.loadGrammar()
        let known = Set(Parser.stepKeywords + Parser.cleanOperationKeywords + Parser.featureOperationKeywords
            + Parser.clauseKeywords + Parser.reservedWords)
        var words = 0
        for production in productions where GrammarTests.isSyntactic(production) {
            for terminal in GrammarTests.terminals(of: production.body)
            where terminal.range(of: "^[a-z_]+$", options: .regularExpression) != nil {
                #expect(known.contains(terminal), "'\(terminal)' in \(production.name) is unknown to the parser")
                words += 1
            }
        }
        #expect(words > 60)
    }

    @Test func everyReferencedProductionIsDefined() throws {
        let productions = try GrammarTests.loadGrammar()
        let defined = Set(productions.map(\.name))
        #expect(defined.count == productions.count, "a production is defined twice")
        let identifier = try NSRegularExpression(pattern: "[A-Za-z_]+")
        for production in productions {
            let unquoted = production.body.replacingOccurrences(
                of: #""[^"]*"|'[^']*'|\?[^?]*\?"#, with: " ", options: .regularExpression)
            let range = NSRange(unquoted.startIndex..., in: unquoted)
            for match in identifier.matches(in: unquoted, range: range) {
                guard let found = Range(match.range, in: unquoted) else { continue }
                let name = String(unquoted[found])
                #expect(defined.contains(name), "\(production.name) uses undefined '\(name)'")
            }
        }
    }

    @Test func keywordListsAreTheOnesTheBriefNames() {
        #expect(Parser.stepKeywords == ["load", "describe", "show", "clean", "feature", "split", "sort", "export",
                                        "model", "evaluate", "predict", "save", "segment", "rfm", "profile", "name",
                                        "report", "compare", "tune", "select", "explain", "set"])
        #expect(Parser.cleanOperationKeywords == ["drop", "keep", "replace", "fill", "clip", "remove", "trim",
                                                  "lower", "upper", "rename", "cast"])
        #expect(Parser.featureOperationKeywords == ["onehot", "standardize", "normalize", "log", "extract"])
        #expect(Parser.reservedWords == ["and", "or", "not", "is", "in", "missing", "true", "false"])
    }
}

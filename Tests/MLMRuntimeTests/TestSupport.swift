import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax

/// A small customer table used across runtime tests.
///
///  id | country | revenue | visits | signup     | plan
///   1 | UK      | 120.5   | 3      | 2024-02-29 | basic
///   2 | DE      | 80      | 1      | 2023-12-31 | premium
///   3 | UK      | missing | 5      | missing    | basic
///   4 | missing | 0       | 0      | 2024-01-01 | premium
func customerFrame() -> DataFrame {
    let day = { (y: Int, m: Int, d: Int) in Double(CivilDate(year: y, month: m, day: d).dayNumber) }
    return DataFrame(columns: [
        Column(name: "id", type: .integer, numbers: [1, 2, 3, 4]),
        Column(name: "country", type: .category, strings: ["UK", "DE", "UK", nil]),
        Column(name: "revenue", type: .number, numbers: [120.5, 80, .nan, 0]),
        Column(name: "visits", type: .integer, numbers: [3, 1, 5, 0]),
        Column(name: "signup", type: .date, numbers: [day(2024, 2, 29), day(2023, 12, 31), .nan, day(2024, 1, 1)]),
        Column(name: "plan", type: .category, strings: ["basic", "premium", "basic", "premium"]),
    ])
}

/// Parses `text` as the right-hand side of a feature assignment.
func parseExpression(_ text: String) -> Expr? {
    let source = SourceFile(name: "test.mlm", text: "feature t:\n    x = \(text)\n")
    let (program, diagnostics) = Parser.parse(source)
    guard diagnostics.isEmpty, case .feature(let feature)? = program.statements.first?.kind,
          case .derive(_, let expr)? = feature.operations.first?.kind else { return nil }
    return expr
}

struct EvaluationFailure: Error { let message: String }

/// Evaluates an expression over `frame` and materialises it as a column.
func evaluate(_ text: String, in frame: DataFrame = customerFrame()) throws -> (Column, [String]) {
    guard let expr = parseExpression(text) else { throw EvaluationFailure(message: "could not parse \(text)") }
    var evaluator = ExpressionEvaluator(frame: frame)
    do {
        let column = try evaluator.column(of: expr, named: "x")
        return (column, evaluator.warnings)
    } catch {
        throw EvaluationFailure(message: error.diagnostic.message)
    }
}

/// Numbers of a column with missing cells as nil, for readable expectations.
func values(_ column: Column) -> [Double?] {
    (0..<column.count).map { column.number(at: $0) }
}

func texts(_ column: Column) -> [String?] {
    (0..<column.count).map { column.string(at: $0) }
}

/// Runs a whole script against a session rooted in a temporary folder holding `files`.
func runScript(_ text: String, files: [String: String] = [:]) throws -> (outputs: [StepOutput], error: RuntimeError?, check: [Diagnostic], directory: String, session: Session?) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, content) in files {
        try content.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let source = SourceFile(name: "script.mlm", text: text)
    let (program, syntax) = Parser.parse(source)
    guard syntax.isEmpty else { return ([], nil, syntax, directory.path, nil) }
    let session = Session(baseDirectory: directory.path)
    let check = Checker.check(program, session: session).diagnostics
    guard check.isEmpty else { return ([], nil, check, directory.path, nil) }
    var outputs: [StepOutput] = []
    let error = Interpreter(session: session, source: source).run(program) { outputs.append($0) }
    return (outputs, error, [], directory.path, session)
}

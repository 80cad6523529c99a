import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Long operator chains and deep nesting go through parse, check and run on a thread with a
/// 512 KB stack (what a secondary thread may get): each gives its exact value or one clean
/// diagnostic. Before chains were flat, 20,000 `+` overflowed the stack in the checker.
@Suite struct ExpressionChainFuzzTests {
    enum Outcome {
        case column(Column)
        case diagnostics([String])
    }

    /// Runs `x = expression` on the generator's table, on a small stack.
    static func outcome(of expression: String) throws -> Outcome {
        let script = "load \"t.csv\" as t\nfeature t:\n    x = \(expression)\n"
        let run = try onSmallStack { try runScript(script, files: ["t.csv": ChainGenerator.csv]) }
        if !run.check.isEmpty {
            // Formatting must cope too: the diagnostic echoes the whole long line.
            let formatted = DiagnosticFormatter(source: SourceFile(name: "script.mlm", text: script)).format(run.check)
            #expect(formatted.contains("error:"))
            return .diagnostics(run.check.map(\.message))
        }
        if let error = run.error { return .diagnostics([error.diagnostic.message]) }
        guard let column = run.session?.tables["t"]?.column(named: "x") else { return .diagnostics(["no column x"]) }
        return .column(column)
    }

    static func verify(_ testCase: ChainGenerator.Case) throws {
        let outcome = try outcome(of: testCase.expression)
        switch (testCase.expected, outcome) {
        case (.numbers(let expected), .column(let column)):
            #expect((0..<column.count).map { column.number(at: $0) } == expected, "\(testCase.name)")
        case (.texts(let expected), .column(let column)):
            #expect((0..<column.count).map { column.string(at: $0) } == expected, "\(testCase.name)")
        case (.diagnostic(let wanted), .diagnostics(let messages)):
            #expect(messages.count == 1 && messages[0].contains(wanted), "\(testCase.name): \(messages.prefix(3))")
        case (_, .diagnostics(let messages)):
            Issue.record("\(testCase.name) gave \(messages.prefix(3)) instead of a value")
        case (_, .column):
            Issue.record("\(testCase.name) gave a value instead of a diagnostic")
        }
    }

    @Test func longChainsOfEveryOperatorGiveTheirValue() throws {
        var generator = ChainGenerator(seed: 14)
        var random = SeededGenerator(seed: 2)
        let lengths = [20_000] + (0..<4).map { _ in 2 + random.nextInt(below: 300) }
        let cases = generator.longChains(lengths: lengths) + generator.longestChains(terms: 50_000)
        #expect(cases.count == 12 * lengths.count + 3)
        for testCase in cases { try Self.verify(testCase) }
    }

    @Test func nestingBeyondTheLimitIsACleanError() throws {
        var generator = ChainGenerator(seed: 15)
        // Calls count twice (the call and its argument), so 15 is inside the limit for every kind.
        let cases = generator.nesting(depths: [1, 7, 15, Expr.maximumNesting + 1, 300, 20_000], limit: Expr.maximumNesting)
        for testCase in cases { try Self.verify(testCase) }
        // Right at the limit (the expression itself is the first level) the deepest parse still
        // fits the small stack.
        let deepest = Expr.maximumNesting - 1
        let brackets = String(repeating: "(", count: deepest) + "a" + String(repeating: ")", count: deepest)
        try Self.verify(ChainGenerator.Case(name: "brackets at the limit", expression: brackets, expected: .numbers([1, 2, nil])))
        try Self.verify(ChainGenerator.Case(name: "one bracket more", expression: "(\(brackets))", expected: .diagnostic("nested too deeply")))
        let chained = (0..<deepest).reduce("b") { text, _ in "(\(text) * 1)" }
        try Self.verify(ChainGenerator.Case(name: "chains at the limit", expression: chained, expected: .numbers([2, 0.5, 4])))
    }

    @Test func checkerAndEvaluatorRefuseATreeBeyondTheLimit() throws {
        // A tree no parser would build: the walks have their own bound, with the same message.
        var expr = Expr(.name("a"), range: SourceRange(start: 0, end: 1))
        for _ in 0..<(Expr.maximumNesting + 1) { expr = Expr(.unary(.negate, expr), range: expr.range) }
        var evaluator = ExpressionEvaluator(frame: customerFrame())
        #expect(throws: RuntimeError.self) { _ = try evaluator.evaluate(expr) }
        do { _ = try evaluator.evaluate(expr) } catch { #expect(error.diagnostic.message == Expr.tooDeeplyNested) }
        var checker = Checker(session: Session(baseDirectory: NSTemporaryDirectory()))
        _ = checker.type(of: expr, in: Schema(frame: customerFrame()))
        #expect(checker.diagnostics.map(\.message) == [Expr.tooDeeplyNested])
    }

    @Test func aLongChainOfUnknownNamesGivesAFewMessages() throws {
        let chain = (0..<20_000).map { "nope\($0 % 500)" }.joined(separator: " + ")
        guard case .diagnostics(let messages) = try Self.outcome(of: chain) else {
            Issue.record("unknown names gave a value"); return
        }
        #expect(messages.count == Checker.maximumProblemsPerStep)
        #expect(messages.allSatisfy { $0.hasPrefix("there is no column 'nope") })
    }

    @Test func aWrongLongChainGivesOneMessage() throws {
        let chain = Array(repeating: "s", count: 20_000).joined(separator: " * ")
        guard case .diagnostics(let messages) = try Self.outcome(of: chain) else {
            Issue.record("text times text gave a value"); return
        }
        #expect(messages == ["'*' needs numbers, but one side is text"])
    }
}

/// Runs `body` on a thread whose stack is 512 KB, so recursion over input shows up in tests
/// however much stack the test runner's own threads have.
func onSmallStack<T>(_ body: @escaping () throws -> T) throws -> T {
    let box = SmallStackRun(body)
    let thread = Thread { box.run() }
    thread.stackSize = 512 * 1024
    thread.start()
    box.done.wait()
    return try box.result!.get()
}

/// What the small-stack thread runs and hands back; the semaphore orders the accesses.
private final class SmallStackRun<T>: @unchecked Sendable {
    let body: () throws -> T
    var result: Result<T, Error>?
    let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () throws -> T) { self.body = body }

    func run() {
        result = Result { try body() }
        done.signal()
    }
}

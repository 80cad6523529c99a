import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Seeded mutation of the example scripts: every number written in them is replaced by values
/// out of range, negative, fractional or huge. Whenever `mlm check` passes a mutant, the run (in
/// process, on a small sample of the example data, up to the mutated step) must not stop with an
/// error about that literal that check could have found: the literal rules are shared.
@Suite struct CheckerMutationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let replacements = ["-1", "0", "0.5", "1.5", "0.0000001", "100", "0%", "100%", "150%", "1e9",
                               "9223372036854775807", "-0.5", "1e300", "7", "2.5%"]
    /// Five full trainings take most of a minute in a debug build; its settings are covered by
    /// CheckerLiteralTests (svm c, layers, rate) and the same rule in the other examples.
    static let tooSlow: Set<String> = ["model_families.mlm"]
    /// Mutants per number in a script.
    static let perLiteral = 3

    /// Errors that depend on the data (here: how many segments `k auto` found), which the
    /// checker cannot know from the script and the schema.
    static let needData = ["has segments 1 to"]

    struct Tally {
        var mutants = 0, syntaxErrors = 0, refusedByCheck = 0, ran = 0, failedOnData = 0
        var slips: [String] = []
    }

    @Test func checkFindsWhatTheRunWouldRefuse() throws {
        let sandbox = try Self.sampleData()
        defer { try? FileManager.default.removeItem(at: sandbox) }
        var tally = Tally()
        var generator = SeededGenerator(seed: 14)
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".mlm") && !Self.tooSlow.contains($0) }.sorted()
        for name in examples {
            let text = try String(contentsOf: Self.repository.appendingPathComponent("examples/\(name)"), encoding: .utf8)
            let before = Self.sessionsBeforeEachStep(text, in: sandbox)
            let literals = Lexer.tokenize(SourceFile(name: name, text: text)).tokens
                .filter { $0.kind == .number || $0.kind == .percent }
            for literal in literals {
                for _ in 0..<Self.perLiteral {
                    let replacement = Self.replacements[generator.nextInt(below: Self.replacements.count)]
                    mutate(text, literal.range, with: replacement, name: name, before: before, into: &tally)
                }
            }
        }
        print("checker mutation: \(tally.mutants) mutants, \(tally.syntaxErrors) not parsed, \(tally.refusedByCheck) refused by check, "
              + "\(tally.ran) run, \(tally.failedOnData) failed on the data, \(tally.slips.count) slipped through")
        #expect(tally.mutants >= 250)
        #expect(tally.ran >= 50)
        #expect(tally.slips.isEmpty, "\(tally.slips.joined(separator: "\n"))")
    }

    /// The mutant is checked as a whole, with the session the script had built before the
    /// mutated step; when check passes, that one step runs from there.
    private func mutate(_ text: String, _ range: SourceRange, with replacement: String, name: String,
                        before: [Session], into tally: inout Tally) {
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(range.start..<range.end, with: Array(replacement.utf8))
        let mutated = SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
        let literal = SourceRange(start: range.start, end: range.start + replacement.utf8.count)
        let (program, syntax) = Parser.parse(mutated)
        let step = program.statements.lastIndex(where: { $0.range.start <= literal.start }) ?? 0
        guard step < before.count else { return }  // after a step that fails on the sample data
        tally.mutants += 1
        guard syntax.isEmpty else { tally.syntaxErrors += 1; return }
        guard Checker.check(program, session: Self.copy(of: before[0])).diagnostics.isEmpty else {
            tally.refusedByCheck += 1
            return
        }
        tally.ran += 1
        let session = Self.copy(of: before[step])
        guard let error = Interpreter(session: session, source: mutated)
            .run(Program(statements: [program.statements[step]]), onStep: { _ in }) else { return }
        let diagnostic = error.diagnostic
        let onTheLiteral = diagnostic.range.start < literal.end && literal.start < max(diagnostic.range.end, diagnostic.range.start + 1)
        // A setting's rule broken: the algorithm names it wherever the step puts the caret
        // (unless the rule is about the rows or the kind of target, which need the data).
        let settingRule = diagnostic.message.hasPrefix("parameter '")
            && !["number of rows", "target"].contains(where: diagnostic.message.contains)
        if !(onTheLiteral || settingRule) || Self.needData.contains(where: diagnostic.message.contains) {
            tally.failedOnData += 1
        } else {
            let location = mutated.location(of: literal.start)
            tally.slips.append("\(name):\(location.line): '\(replacement)' passed check, the run said: \(diagnostic.message)")
        }
    }

    /// The session as it is before each step of the unmutated script on the sample data, up to
    /// the first step that fails there (numbers after it are not tried: their steps never run).
    static func sessionsBeforeEachStep(_ text: String, in sandbox: URL) -> [Session] {
        let source = SourceFile(name: "example.mlm", text: text)
        let (program, _) = Parser.parse(source)
        let session = Session(baseDirectory: sandbox.path)
        var before: [Session] = []
        for statement in program.statements {
            before.append(copy(of: session))
            guard Interpreter(session: session, source: source).run(Program(statements: [statement]), onStep: { _ in }) == nil else { break }
        }
        return before
    }

    /// A session with the same tables, models, segmentations, recipes and inputs (all values).
    static func copy(of session: Session) -> Session {
        let copy = Session(baseDirectory: session.baseDirectory)
        session.tables.forEach { copy.setTable($0.key, $0.value) }
        session.recipes.forEach { copy.setRecipe($0.key, $0.value) }
        session.models.forEach { copy.setModel($0.key, $0.value) }
        session.segmentations.forEach { copy.setSegmentation($0.key, $0.value) }
        session.inputFiles.forEach { copy.recordInput(table: $0.key, path: $0.value) }
        return copy
    }

    /// Every example data file, cut to about 80 evenly spaced rows so runs stay fast.
    static func sampleData() throws -> URL {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-mutation-\(UUID().uuidString)")
        let data = sandbox.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let source = repository.appendingPathComponent("examples/data")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".csv") {
            let lines = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            let step = max(1, (lines.count - 1) / 80)
            let kept = [lines[0]] + stride(from: 1, to: lines.count, by: step).map { lines[$0] }.filter { !$0.isEmpty }
            try (kept.joined(separator: "\n") + "\n").write(to: data.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return sandbox
    }
}

import Testing
@testable import MLMSyntax

/// SplitMix64, written here so these tests need nothing outside MLMSyntax.
private struct FuzzGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound (the tiny modulo bias does not matter for fuzzing).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

@Suite(.timeLimit(.minutes(2))) struct ParserFuzzTests {
    private static let fragments: [String] = Parser.stepKeywords + Parser.cleanOperationKeywords
        + Parser.featureOperationKeywords + Parser.clauseKeywords + Parser.reservedWords + [
            "bank", "age", "x", "`Annual Income`", "`", "`open", "\"a.csv\"", "\"open", "'q'", "\"esc\\d\"",
            "42", "3.5", ".5", "1e-3", "80%", "1e999", "2..8", "..", ".", "-", "+", "*", "/", "^", "=", "==",
            "!=", "<>", "<", "<=", ">", ">=", "(", ")", "[", "]", ",", ":", "%", "$", "!", "#c", "\n", "\n",
            "\n", "\r\n", "\n    ", "\n\t", "\n  ", "\n        ", " \t", "\u{00A0}", "\u{201C}", "é", "日本",
            "", "\r",
        ]

    private static let validScript = """
    # Bank marketing
    load "data/bank.csv" as bank
    load "data/export.csv" as leads with sep ";", decimal ",", skip_bad_rows, column zip as text
    describe bank columns age, balance
    show bank columns age, job where balance > 1000 and job in ["admin.", "technician"] limit 5
    clean bank:
        drop duplicates by customer_id, email
        drop rows where age < 18 or balance is missing
        replace "unknown", "n/a" with missing in job
        fill pdays with -1
        clip balance at 1% and 99%
        remove outliers in balance by iqr 3
        rename `Annual Income (k$)` to income, Age to age
        cast zip to text
    feature bank:
        log_balance = log(1 + max(balance, 0))
        age_group = bin age at 25, 35, 50, 65
        balance_band = bin balance into 4 quantiles
        onehot job, marital
        log balance
        extract year, month from signup
    clean bank: drop duplicates          # inline
    split bank into train 70%, validation 15%, test 15% stratify by y seed 1
    export bank to "out/bank.csv" with force
    model forest = train random_forest on bank target y = "yes" with trees 300, depth 12
    evaluate forest on test at threshold 0.3
    segment customers with kmeans k 2..8 on recency, frequency as segment seed 7
    report "churn.html"
    """

    @Test func validScriptHasNoDiagnostics() {
        #expect(parse(ParserFuzzTests.validScript).diagnostics.isEmpty)
        #expect(parse(ParserFuzzTests.validScript).program.statements.count == 13)
    }

    @Test func randomTokenSoupsAlwaysReturn() {
        var generator = FuzzGenerator(seed: 0x5EED_0001)
        for _ in 0..<3_000 {
            let count = generator.below(40) + 1
            var text = ""
            for _ in 0..<count {
                text += generator.pick(ParserFuzzTests.fragments)
                if generator.below(3) > 0 { text += " " }
            }
            checkInvariants(of: text)
        }
    }

    @Test func mutatedValidScriptsAlwaysReturn() {
        var generator = FuzzGenerator(seed: 0x5EED_0002)
        for _ in 0..<2_000 {
            var text = ParserFuzzTests.validScript
            for _ in 0..<(generator.below(5) + 1) {
                text = mutate(text, with: &generator)
            }
            checkInvariants(of: text)
        }
    }

    @Test func needsMoreInputNeverCrashesOnPrefixes() {
        let characters = Array(ParserFuzzTests.validScript)
        var generator = FuzzGenerator(seed: 0x5EED_0003)
        for _ in 0..<1_500 {
            let prefix = String(characters[0..<generator.below(characters.count + 1)])
            _ = Parser.needsMoreInput(prefix)
            _ = Parser.needsMoreInput(mutate(prefix, with: &generator))
        }
    }

    // MARK: - Mutations

    private func mutate(_ text: String, with generator: inout FuzzGenerator) -> String {
        var characters = Array(text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch generator.below(7) {
        case 0 where !characters.isEmpty:
            characters.remove(at: generator.below(characters.count))
        case 1 where !characters.isEmpty:
            let index = generator.below(characters.count)
            characters.insert(characters[index], at: index)
        case 2 where characters.count > 1:
            let index = generator.below(characters.count - 1)
            characters.swapAt(index, index + 1)
        case 3:
            let inserted = Array(generator.pick(ParserFuzzTests.fragments))
            characters.insert(contentsOf: inserted, at: generator.below(characters.count + 1))
        case 4 where !lines.isEmpty:
            lines.remove(at: generator.below(lines.count))
            return lines.joined(separator: "\n")
        case 5 where !lines.isEmpty:
            let index = generator.below(lines.count)
            lines.insert(lines[index], at: index)
            return lines.joined(separator: "\n")
        case 6 where lines.count > 1:
            lines.swapAt(generator.below(lines.count), generator.below(lines.count))
            return lines.joined(separator: "\n")
        default:
            break
        }
        return String(characters)
    }

    // MARK: - Invariants

    /// Parsing returns, is deterministic, keeps every range inside the text, reports at most
    /// one error per line, writes messages in the house style, and `needsMoreInput` returns.
    private func checkInvariants(of text: String) {
        let first = parse(text)
        let second = parse(text)
        let size = first.source.bytes.count
        #expect(first.program == second.program && first.diagnostics == second.diagnostics)
        for statement in first.program.statements {
            #expect(statement.range.start >= 0 && statement.range.end <= size, "statement range in \(text.debugDescription)")
        }
        var lines = Set<Int>()
        for diagnostic in first.diagnostics {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= size, "range in \(text.debugDescription)")
            #expect(lines.insert(first.source.location(of: diagnostic.range.start).line).inserted,
                    "two errors on one line of \(text.debugDescription)")
            #expect(followsHouseStyle(diagnostic.message), "message style: \(diagnostic.message)")
        }
        _ = Parser.needsMoreInput(text)
    }

    private func followsHouseStyle(_ message: String) -> Bool {
        guard let first = message.first, let last = message.last else { return false }
        return !first.isUppercase && last != "."
    }
}

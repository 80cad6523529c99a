import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Mistakes in the values written in a script are found by `mlm check` before anything runs,
/// and the run, given the same script unchecked, stops with the same message at the same place:
/// both call the one rule.
@Suite struct CheckerLiteralTests {
    /// Twelve customers, so models train and thresholds can be chosen when nothing is wrong.
    static let csv = "id,plan,age,spend,churned\n" + (1...12).map { i in
        "\(i),\(i % 3 == 0 ? "premium" : "basic"),\(20 + i * 3),\(Double(i) * 10.5),\(i % 2 == 0 ? "yes" : "no")"
    }.joined(separator: "\n") + "\n"

    static let load = "load \"customers.csv\" as c\n"

    struct Outcome {
        let check: [Diagnostic]
        let run: RuntimeError?
        let source: SourceFile

        func text(_ range: SourceRange) -> String { source.text(of: range) }
    }

    /// Checks the script, then runs it without the check (as if check had passed it).
    func outcome(_ script: String) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-literals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try CheckerLiteralTests.csv.write(to: directory.appendingPathComponent("customers.csv"), atomically: true, encoding: .utf8)
        let source = SourceFile(name: "script.mlm", text: CheckerLiteralTests.load + script)
        let (program, syntax) = Parser.parse(source)
        #expect(syntax.isEmpty, "\(syntax.map(\.message))")
        let session = Session(baseDirectory: directory.path)
        let check = Checker.check(program, session: session).diagnostics
        let run = Interpreter(session: Session(baseDirectory: directory.path), source: source).run(program) { _ in }
        return Outcome(check: check, run: run, source: source)
    }

    /// The check reports `message` on `written`, and the unchecked run stops with the same.
    func expectSameRule(_ script: String, _ message: String, at written: String, help: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try outcome(script)
        #expect(result.check.count == 1, "\(result.check.map(\.message))", sourceLocation: sourceLocation)
        guard let found = result.check.first else { return }
        #expect(found.message == message, sourceLocation: sourceLocation)
        #expect(result.text(found.range) == written, sourceLocation: sourceLocation)
        if let help { #expect(found.help == help, sourceLocation: sourceLocation) }
        #expect(result.run?.diagnostic.message == found.message, "the run says: \(result.run?.diagnostic.message ?? "nothing")",
                sourceLocation: sourceLocation)
        #expect(result.run?.diagnostic.range == found.range, sourceLocation: sourceLocation)
    }

    /// Checks cleanly and runs without an error.
    func expectAccepted(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try outcome(script)
        #expect(result.check.isEmpty, "\(result.check.map(\.message))", sourceLocation: sourceLocation)
        #expect(result.run == nil, "\(result.run?.diagnostic.message ?? "")", sourceLocation: sourceLocation)
    }

    @Test func showLimit() throws {
        try expectSameRule("show c limit -1\n", "the limit must be a whole number of rows from 1 to 1,000,000; got -1", at: "-1")
        try expectSameRule("show c limit 2.5\n", "the limit must be a whole number of rows from 1 to 1,000,000; got 2.5", at: "2.5")
        try expectAccepted("show c limit 1000000\n")
    }

    @Test func splitSharesExcludeNothingAndEverything() throws {
        let rule = "a share must be more than 0% and less than 100%, like 80%"
        try expectSameRule("split c into train 100%\n", rule + "; got 100%", at: "100%")
        try expectSameRule("split c into train 0.5, test 0\n", rule + "; got 0", at: "0")
        try expectSameRule("split c into train 80%, test 10%\n", "the shares add up to 90%; they must add up to 100%", at: "80%, test 10%")
        try expectSameRule("split c into train 50%, train 50%\n",
                           "the role 'train' appears twice in the split; give each role once", at: "50%, train 50%")
        try expectAccepted("split c into train 99.5%, test 0.5%\n")
    }

    @Test func seedsRunFromZeroToTheLargestAlgorithmSeed() throws {
        let rule = "a seed must be a whole number from 0 to 4,294,967,295"
        try expectSameRule("split c into train 80%, test 20% seed -1\n", rule + "; got -1", at: "-1")
        // 2^63 - 1 is too large, not negative: the message must not say "0 or more".
        try expectSameRule("split c into train 80%, test 20% seed 9223372036854775807\n",
                           rule + "; got 9223372036854775808", at: "9223372036854775807")
        try expectAccepted("split c into train 80%, test 20% seed 4294967295\n")
        try expectSameRule("model m = train decision_tree on c target churned with seed 4294967296\n",
                           "option 'seed' of decision_tree must be a whole number from 0 to 4,294,967,295; got 4294967296", at: "4294967296")
        try expectSameRule("compare logistic, knn on c target churned with cv 2, seed 4294967296\n",
                           "seed must be a whole number from 0 to 4,294,967,295; got 4294967296", at: "seed 4294967296")
        try expectAccepted("segment c with kmeans k 2 on age, spend as s seed 4294967295\n")
    }

    @Test func clipPercentilesIncludeBothEnds() throws {
        try expectSameRule("clean c:\n    clip spend at 1% and 150%\n",
                           "a percentile must be from 0% to 100% (both included), not 150%", at: "clip spend at 1% and 150%")
        try expectSameRule("clean c:\n    clip spend at 90 and 10\n",
                           "the lower bound (90) is above the upper bound (10); write the smaller bound first", at: "clip spend at 90 and 10")
        try expectAccepted("clean c:\n    clip spend at 0% and 100%\n")
    }

    @Test func outlierRules() throws {
        try expectSameRule("clean c:\n    remove outliers in spend by zscore 0\n",
                           "the zscore limit must be more than zero, not 0", at: "remove outliers in spend by zscore 0")
        try expectSameRule("clean c:\n    clip outliers in spend by zscore 0.0\n",
                           "the zscore limit must be more than zero, not 0", at: "clip outliers in spend by zscore 0.0")
        try expectAccepted("clean c:\n    clip outliers in spend by iqr 0\n")
    }

    @Test func misspelledMissing() throws {
        try expectSameRule("clean c:\n    replace \"basic\" with mising in plan\n",
                           "expected a plain value here, such as \"unknown\", 0 or missing", at: "mising", help: "did you mean 'missing'?")
        try expectSameRule("clean c:\n    fill spend with avg\n",
                           "expected a plain value here, such as \"unknown\", 0 or missing", at: "avg", help: "write text in quotes: \"avg\"")
    }

    @Test func binEdgesAndQuantiles() throws {
        try expectSameRule("feature c:\n    band = bin age at 50, 30\n",
                           "the bin edges for 'age' must go up, but 30 comes after 50", at: "band = bin age at 50, 30")
        try expectSameRule("feature c:\n    band = bin age into 1.5 quantiles\n",
                           "the number of quantile bins must be a whole number from 2 to 100, not 1.5", at: "1.5")
        try expectSameRule("feature c:\n    band = bin age into 101 quantiles\n",
                           "the number of quantile bins must be a whole number from 2 to 100, not 101", at: "101")
    }

    @Test func trainSettingsNameTheValueAsWritten() throws {
        try expectSameRule("model m = train decision_tree on c target churned with depth 0.0000001\n",
                           "option 'depth' of decision_tree must be a whole number from 1 to 64; got 0.0000001", at: "0.0000001")
        try expectSameRule("model m = train gradient_boosting on c target churned with rate 0\n",
                           "option 'rate' of gradient_boosting must be a number above 0 and at most 1; got 0", at: "0")
        try expectSameRule("model m = train random_forest on c target churned with max_features sqrt, feature_share 30%\n",
                           "give random_forest either 'max_features' or 'feature_share', not both", at: "feature_share 30%")
        let layers = "[" + Array(repeating: "4", count: 17).joined(separator: ", ") + "]"
        try expectSameRule("model m = train neural_network on c target churned with layers \(layers)\n",
                           "option 'layers' of neural_network must be a list of 1 to 16 whole numbers from 1 to 4,096, like [64, 32]; got \(layers)",
                           at: layers)
        try expectSameRule("model m = train svm on c target churned with c 0\n",
                           "option 'c' of svm must be a number above 0 and at most 1,000,000; got 0", at: "0")
    }

    @Test func tuneValuesAreCheckedOneByOne() throws {
        try expectSameRule("tune random_forest on c target churned over depth [4, 100] with cv 2\n",
                           "option 'depth' of random_forest must be a whole number from 1 to 64; got 100", at: "100")
        try expectSameRule("tune gradient_boosting on c target churned over depth 1..100 with cv 2\n",
                           "option 'depth' of gradient_boosting must be a whole number from 1 to 64; got 100", at: "100")
        try expectSameRule("tune gradient_boosting on c target churned over rate [0, 0.1] with cv 2\n",
                           "option 'rate' of gradient_boosting must be a number above 0 and at most 1; got 0", at: "0")
        // Once trapped converting 1e300 to a whole number.
        try expectSameRule("tune random_forest on c target churned over trees 1e300..1e300 with cv 2\n",
                           "option 'trees' of random_forest must be a whole number from 1 to 5,000; got 1e+300", at: "1e300")
        try expectSameRule("tune random_forest on c target churned over depth 1..64, min_leaf 1..1000, min_split 2..100 with cv 2\n",
                           "the grid has 6,336,000 combinations; give fewer values or a budget of trials (with trials 50)",
                           at: "depth 1..64")
    }

    @Test func thresholdsExcludeZeroAndOne() throws {
        let train = "model m = train logistic on c target churned = \"yes\"\n"
        try expectSameRule(train + "evaluate m at threshold 1\n",
                           "the threshold must be a number more than 0 and less than 1, best_f1, or recall(80%); got 1", at: "1")
        try expectSameRule(train + "set threshold of m to 0\n",
                           "the threshold must be a number more than 0 and less than 1, best_f1, best_profit or recall(80%); got 0", at: "0")
        try expectSameRule(train + "set threshold of m to best_prfit\n",
                           "the threshold must be a number more than 0 and less than 1, best_f1, best_profit or recall(80%)",
                           at: "best_prfit", help: "did you mean 'best_profit'?")
        try expectAccepted(train + "evaluate m at threshold 0.3\nset threshold of m to 99%\n")
    }

    @Test func capacityTooLargeIsAnErrorNotACrash() throws {
        try expectSameRule("model m = train logistic on c target churned = \"yes\"\nevaluate m with cost 1, value 2, capacity 1e300\n",
                           "capacity must be a whole number of contacts of at least 1, or a percentage of the rows such as 20%",
                           at: "capacity 1e300")
    }

    @Test func segmentNumber() throws {
        try expectSameRule("segment c with kmeans k 2 on age, spend as s seed 1\nname s 0 \"none\"\n",
                           "the segment to name must be its number, such as 2; got 0", at: "0")
    }

    @Test func loadOptions() throws {
        try expectSameRule("load \"customers.csv\" as d with sep \"ab\"\n",
                           "the separator must be one character or a name such as tab or whitespace; got 'ab'", at: "\"ab\"")
        try expectSameRule("load \"customers.csv\" as d with sep \"\\n\"\n",
                           "a line break cannot separate fields (it ends a row)", at: "\"\\n\"")
        try expectSameRule("load \"customers.csv\" as d with sep \"x\"\n",
                           "a letter or digit cannot separate fields (it occurs inside values)", at: "\"x\"")
        try expectSameRule("load \"customers.csv\" as d with sep \";\", decimal \";\"\n",
                           "the decimal mark must be \".\" or \",\"", at: "\";\"")
        try expectSameRule("load \"customers.csv\" as d with sep \".\", decimal \".\"\n",
                           "the decimal mark '.' cannot also be the separator", at: "\".\"")
        try expectSameRule("load \"customers.csv\" as d with column age as integer, column age as date\n",
                           "column 'age' is given two types, integer and date", at: "date")
        try expectAccepted("load \"customers.csv\" as d with sep whitespace\n")
    }

    @Test func aFileExportedEarlierCanBeLoaded() throws {
        let script = "split c into train 75%, test 25% seed 3\nfeature c:\n    double = spend * 2\nexport c to \"prepared.csv\"\n"
            + "load \"prepared.csv\" as again\nshow again columns double, role\n"
        try expectAccepted(script)
        let misspelled = try outcome(script.replacingOccurrences(of: "columns double,", with: "columns doubel,"))
        #expect(misspelled.check.map(\.message) == ["there is no column 'doubel'"])
    }
}

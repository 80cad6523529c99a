import Testing
@testable import MLMCore

/// Feature selection filters and rankings on a table built so the answer is known.
@Suite struct SelectionFeatureTests {
    /// y depends on `signal` (and on the category `group`); `copy` is signal × 2 (collinear),
    /// `flat` is one value, `noise` is unrelated.
    static func problem() throws -> SelectionProblem {
        let n = 200
        var generator = SeededGenerator(seed: 11)
        let signal = (0..<n).map { _ in generator.nextUnit() }
        let noise = (0..<n).map { _ in generator.nextUnit() }
        let group = (0..<n).map { $0 % 4 == 0 ? "a" : "b" }
        let y = (0..<n).map { signal[$0] + (group[$0] == "a" ? 0.3 : 0) > 0.7 ? "yes" : "no" }
        let frame = DataFrame(columns: [
            Column(name: "signal", type: .number, numbers: signal),
            Column(name: "copy", type: .number, numbers: signal.map { $0 * 2 + 1 }),
            Column(name: "flat", type: .number, numbers: [Double](repeating: 3, count: n)),
            Column(name: "noise", type: .number, numbers: noise),
            Column(name: "group", type: .category, strings: group),
            Column(name: "y", type: .category, strings: y),
        ])
        return try SelectionProblem(frame: frame, target: "y", positive: .string("yes"), rows: Array(0..<n))
    }

    @Test(arguments: [FeatureSelection.Ranking.correlation, .mutualInformation])
    func filtersDropConstantAndCollinearColumnsThenRank(_ ranking: FeatureSelection.Ranking) throws {
        let decisions = try FeatureSelection.select(try Self.problem(), .init(keep: 2, ranking: ranking))
        let byName = Dictionary(uniqueKeysWithValues: decisions.map { ($0.column, $0) })
        #expect(byName["flat"]?.reason == "constant: every row is '3'")
        // signal and copy rank the same up to rounding: whichever ranks first stays, the other goes.
        let kept = decisions.filter(\.kept).map(\.column)
        #expect(kept.count == 2 && ["signal", "copy"].contains(kept[0]) && kept[1] == "group")
        let twin = kept[0] == "signal" ? "copy" : "signal"
        #expect(byName[twin]?.reason == "collinear with '\(kept[0])' (r = 1)")
        #expect(byName["noise"]?.reason == "ranked below the top 2")
    }

    /// Importance ranks signal and its copy by a forest's random splits: either may come first.
    @Test func importanceKeepsOneOfTheTwinsAndTheCategory() throws {
        let decisions = try FeatureSelection.select(try Self.problem(), .init(keep: 2, ranking: .importance))
        let kept = decisions.filter(\.kept).map(\.column)
        #expect(kept.count == 2 && (kept[0] == "signal" || kept[0] == "copy") && kept[1] == "group")
        #expect(decisions.contains { $0.column == "flat" && $0.reason == "constant: every row is '3'" })
    }

    @Test func plugInMutualInformationByHand() {
        // Identical fair coins: MI = log 2; independent: 0.
        #expect(abs(FilterScores.plugInMutualInformation([0, 1, 0, 1], [0, 1, 0, 1]) - 0.6931471805599453) < 1e-12)
        #expect(FilterScores.plugInMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]) == 0)
    }
}

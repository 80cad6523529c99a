import Foundation
import MLMCore
@testable import MLMRuntime
import Testing

/// `evaluate` never chooses on the rows it measures: the best profit cut-off, best_f1 and
/// recall(...) come from the validation rows (else the training rows), computed here by hand.
@Suite struct EvaluationHonestyTests {
    /// Ten training rows; a one-input logistic model ranks them by x (its coefficient is
    /// positive: the yes rows have the larger mean x), so a cut-off is "x at least ...".
    /// By x from 10 down, y is y y n y y n y n n y: contacting the top k at cost 4, value 10
    /// gives 6, 12, 8, 14, 20, 16, 22, 18, 14, 20 — the best is the top 7 (x ≥ 4), profit 22.
    static let training = "x,y\n1,yes\n2,no\n3,no\n4,yes\n5,no\n6,yes\n7,yes\n8,no\n9,yes\n10,yes\n"
    /// At x ≥ 4 the holdout contacts 4 (no), 4.5 (yes), 9 (yes): 10 × 2 − 4 × 3 = 8. Chosen on
    /// the holdout itself the best would be x ≥ 3.5 (4 contacts, 3 yes: 14), the optimistic
    /// answer this test rules out.
    static let holdout = "x,y\n2.5,no\n3.5,yes\n4,no\n4.5,yes\n9,yes\n"

    static let script = """
        load "train.csv" as customers
        load "holdout.csv" as holdout
        model m = train logistic on customers target y = "yes"
        evaluate m on holdout with cost 4, value 10
        """

    @Test func theProfitCutOffIsChosenOnTheTrainingRowsAndCountedOnTheOthers() throws {
        let run = try runScript(Self.script, files: ["train.csv": Self.training, "holdout.csv": Self.holdout])
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let profits = run.outputs.flatMap(\.results).compactMap { result -> ProfitSummary? in
            if case .selection(.profit(let s)) = result { return s }
            return nil
        }
        let summary = try #require(profits.first)
        let cut = try #require(summary.cutOff)
        #expect(cut.part == "training" && cut.rows == 10 && !cut.sameRows)
        #expect(cut.best.contacts == 7 && cut.best.conversions == 5 && cut.best.profit == 22)
        #expect(cut.applied.contacts == 3 && cut.applied.conversions == 2 && cut.applied.profit == 8)
        #expect(summary.everyone.profit == 10 * 3 - 4 * 5)
    }

    /// A model whose training table is not in the session (loaded from a file) has no rows to
    /// choose on: no cut-off is invented from the rows measured, and the step says why.
    @Test func aLoadedModelGetsNoCutOffChosenOnTheRowsMeasured() throws {
        let script = """
            load "train.csv" as customers
            load "holdout.csv" as holdout
            model m = train logistic on customers target y = "yes"
            save m to "m.mlmodel"
            load model "m.mlmodel" as again
            evaluate again on holdout with cost 4, value 10
            evaluate again on holdout at threshold best_f1
            """
        let run = try runScript(script, files: ["train.csv": Self.training, "holdout.csv": Self.holdout])
        let evaluated = try #require(run.outputs.last(where: { $0.results.contains { if case .selection(.profit) = $0 { return true }; return false } }))
        #expect(evaluated.warnings.contains { $0.hasPrefix("no best cut-off: it is chosen on the model's validation or training rows") })
        #expect(run.error?.diagnostic.message.hasPrefix("choosing a threshold needs the model's validation or training rows") == true)
    }
}

/// The overfitting warning's advice speaks in each algorithm's own settings.
@Suite struct OverfittingAdviceTests {
    @Test func everyAlgorithmHasAdviceNamingRealSettings() {
        for algorithm in AlgorithmRegistry.all {
            let advice = Interpreter.overfittingAdvice[algorithm.name]
            #expect(advice != nil, "no advice for \(algorithm.name)")
            let names = Set(algorithm.parameters.map(\.name))
            for setting in advice?.settings ?? [] {
                #expect(names.contains(setting), "\(algorithm.name) has no setting \(setting)")
                #expect(advice?.text.contains(setting) == true)
            }
        }
    }

    /// A deep tree on noisy rows: it fits its training rows perfectly and the test rows much
    /// less well, and `evaluate m on test` says so, with the numbers and the tree's advice.
    @Test func aDeepTreeIsToldItMayBeOverfitting() throws {
        var csv = "x,z,y\n"
        var state: UInt64 = 7
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<600 {
            let x = uniform(), z = uniform(), noise = uniform()
            csv += "\(ValueText.rounded(x, decimals: 4)),\(ValueText.rounded(z, decimals: 4)),\(x + 0.6 * noise > 0.9 ? "yes" : "no")\n"
        }
        let script = """
            load "rows.csv" as t
            split t into train 50%, test 50% stratify by y seed 1
            model m = train decision_tree on t target y = "yes"
            evaluate m on test
            """
        let run = try runScript(script, files: ["rows.csv": csv])
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let warnings = run.outputs.last?.warnings ?? []
        #expect(warnings.contains { $0.hasPrefix("the model fits its training rows much better than unseen rows (ROC-AUC 1 on the 300 training rows")
            && $0.hasSuffix("it may be overfitting — try a smaller depth or a larger min_leaf") }, "\(warnings)")
    }
}

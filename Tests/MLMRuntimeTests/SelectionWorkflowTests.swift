import Foundation
import MLMCore
@testable import MLMRuntime
import Testing

/// compare → tune → set threshold → save → load, through the interpreter: the kept models exist,
/// and a threshold set on a model is stored in its file and used by later predictions.
@Suite struct SelectionWorkflowTests {
    static let script = """
        load "customers.csv" as customers
        split customers into train 70%, test 30% stratify by bought seed 3
        compare logistic, naive_bayes on customers target bought = "yes" with cv 3 as best
        tune decision_tree on customers target bought = "yes" over depth 2..4 with cv 3 as tree
        set threshold of best to 0.3
        evaluate best on test with cost 1, value 10
        save best to "best.mlmodel"
        load model "best.mlmodel" as again
        predict again on customers as score with reasons
        """

    @Test func keptModelsAndStoredThreshold() throws {
        let run = try runScript(SelectionWorkflowTests.script, files: ["customers.csv": ModelWorkflowTests.csv])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let session = try #require(run.session)
        #expect(session.models["best"] != nil && session.models["tree"] != nil)
        #expect(session.models["again"]?.model.threshold == 0.3)
        let table = try #require(session.table("customers"))
        let scores = try #require(table.column(named: "score")?.numbers)
        let labels = (0..<table.rowCount).map { table.column(named: "score_label")?.displayText(at: $0) }
        #expect(zip(scores, labels).allSatisfy { ($0 >= 0.3) == ($1 == "yes") })
        #expect(table.column(named: "score_reason_1") != nil && table.column(named: "score_reason_3") != nil)
        let results = run.outputs.flatMap(\.results)
        let compared = results.contains { if case .selection(.compared(let s)) = $0 { return s.candidates.count == 2 && s.keptAs == "best" }; return false }
        let tuned = results.contains { if case .selection(.tuned(let s)) = $0 { return s.trials.count == 3 }; return false }
        let profit = results.contains { if case .selection(.profit) = $0 { return true }; return false }
        #expect(compared && tuned && profit)
    }
}

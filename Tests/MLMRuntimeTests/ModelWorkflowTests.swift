import Foundation
import MLMCore
@testable import MLMRuntime
import Testing

/// train → evaluate → predict → save → load, through the interpreter, on a small generated table.
@Suite struct ModelWorkflowTests {
    /// 200 customers; buyers tend to be older, visit more and are on the gold plan.
    static let csv: String = {
        var random = SeededGenerator(seed: 5)
        var lines = ["age,visits,plan,income,bought"]
        for _ in 0..<200 {
            let age = 20 + random.nextInt(below: 50)
            let visits = random.nextInt(below: 12)
            let plan = ["basic", "gold", "silver"][random.nextInt(below: 3)]
            let income = random.nextInt(below: 10) == 0 ? "" : String(20_000 + random.nextInt(below: 80_000))
            let signal = Double(age - 45) / 10 + Double(visits - 6) / 3 + (plan == "gold" ? 1 : 0) + random.nextUnit() * 2 - 1
            lines.append("\(age),\(visits),\(plan),\(income),\(signal > 0 ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let script = """
        load "customers.csv" as customers
        clean customers:
            fill income with median
        split customers into train 70%, test 30% stratify by bought seed 3
        feature customers:
            visits_per_decade = visits / (age / 10)
            standardize age, income
        model m = train logistic on customers target bought = "yes"
        evaluate m
        predict m on customers as score
        load "customers.csv" as raw
        predict m on raw as score
        save m to "m.mlmodel"
        load model "m.mlmodel" as again
        predict again on raw as score_again
        """

    @Test func trainEvaluatePredictSaveLoad() throws {
        let run = try runScript(ModelWorkflowTests.script, files: ["customers.csv": ModelWorkflowTests.csv])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let evaluation = run.outputs.compactMap { output -> EvaluationReport? in
            if case .evaluated(let report)? = output.results.first { return report }
            return nil
        }.first
        #expect(evaluation?.parts.map(\.name) == ["train", "test"])
        let auc = evaluation?.parts.last?.metrics.first { $0.name == "ROC-AUC" }?.value ?? nil
        #expect((auc ?? 0) > 0.8, "the signal is strong; test AUC was \(auc ?? -1)")
    }

    @Test func rawRowsArePreparedExactlyLikeTrainingRows() throws {
        let run = try runScript(ModelWorkflowTests.script, files: ["customers.csv": ModelWorkflowTests.csv])
        let session = try #require(run.session)
        let prepared = try #require(session.table("customers")?.column(named: "score")?.numbers)
        let raw = try #require(session.table("raw")?.column(named: "score")?.numbers)
        let reloaded = try #require(session.table("raw")?.column(named: "score_again")?.numbers)
        #expect(prepared == raw)
        #expect(raw == reloaded)
        #expect(session.table("raw")?.column(named: "age")?.numbers?.first ?? 0 > 1, "the raw table itself is not standardized")
    }
}

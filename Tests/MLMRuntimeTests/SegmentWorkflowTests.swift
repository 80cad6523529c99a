import Foundation
import MLMCore
@testable import MLMRuntime
import Testing

/// rfm → feature → segment → name → profile → save → load → predict, through the interpreter.
@Suite struct SegmentWorkflowTests {
    /// 60 customers with 1–6 orders each over 90 days; a third of them spend ten times more.
    static let orders: String = {
        var random = SeededGenerator(seed: 11)
        var lines = ["invoice,customer,day,quantity,price"]
        var invoice = 1000
        for customer in 1...60 {
            let big = customer % 3 == 0
            for _ in 0..<(1 + random.nextInt(below: 6)) {
                invoice += 1
                let day = 1 + random.nextInt(below: 28)
                let month = 1 + random.nextInt(below: 3)
                let price = (big ? 50.0 : 5.0) + Double(random.nextInt(below: 100)) / 10
                lines.append("\(invoice),C\(customer),2024-0\(month)-\(day < 10 ? "0" : "")\(day),\(1 + random.nextInt(below: 4)),\(price)")
            }
        }
        lines.append("C\(invoice + 1),C1,2024-03-30,-2,5.0")  // a cancellation
        lines.append("\(invoice + 2),,2024-03-30,1,5.0")       // no customer
        return lines.joined(separator: "\n") + "\n"
    }()

    static let script = """
        load "orders.csv" as orders
        rfm orders by customer date day amount quantity * price invoice invoice as customers
        feature customers:
            log_monetary = log(1 + monetary)
        segment customers with kmeans k 2..4 on recency, frequency, log_monetary as segment seed 3
        name segment 1 "First"
        profile customers by segment
        save segment to "segments.mlmodel"
        load model "segments.mlmodel" as again
        predict again on customers as segment_again
        segment customers with dbscan min_points 4 on frequency, log_monetary as dense
        """

    @Test func rfmSegmentProfileSaveLoadPredict() throws {
        let run = try runScript(SegmentWorkflowTests.script, files: ["orders.csv": SegmentWorkflowTests.orders])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let session = try #require(run.session)
        let customers = try #require(session.table("customers"))
        #expect(customers.rowCount == 60)
        let rfm = run.outputs.compactMap { output -> RfmSummary? in
            if case .rfm(let summary)? = output.results.first { return summary }
            return nil
        }.first
        #expect(rfm?.leftOut.cancelled == 1)
        #expect(rfm?.leftOut.missingCustomer == 1)
        #expect(rfm?.referenceDate == "2024-03-30" || rfm?.referenceDate == "2024-03-29")
        let first = try #require(customers["segment"]).strings!
        let again = try #require(customers["segment_again"]).strings!
        let labels = (0..<customers.rowCount).map { first.dictionary[Int(first.codes[$0])] }
        #expect(labels == (0..<customers.rowCount).map { again.dictionary[Int(again.codes[$0])] })
        #expect(labels.contains("First"))
        #expect(session.segmentations["dense"]?.model.algorithm == "dbscan")
    }

    @Test func optionsAreCheckedLikeTrainOptions() throws {
        let run = try runScript("""
            load "orders.csv" as orders
            segment orders with kmeans k 3, seeds 4 on quantity as s
            segment orders with dbscann on quantity as d
            """, files: ["orders.csv": SegmentWorkflowTests.orders])
        #expect(run.check.map(\.message) == ["kmeans has no option 'seeds'", "there is no segmentation algorithm 'dbscann'"])
        #expect(run.check.map(\.help) == ["did you mean 'seed'?", "did you mean 'dbscan'?"])
    }
}

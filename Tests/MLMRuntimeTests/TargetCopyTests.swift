import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// `train` refuses an input that is the target in disguise on the training rows, at any size.
@Suite struct TargetCopyTests {
    static let small = "id,a,y\n1,2,yes\n2,3,no\n3,4,yes\n4,5,no\n5,1,yes\n6,2,no\n"

    private func trainError(_ steps: String, data: String = TargetCopyTests.small, algorithm: String = "logistic",
                            target: String = "y") throws -> String? {
        let script = "load \"d.csv\" as t\n\(steps)\nmodel m = train \(algorithm) on t target \(target)\n"
        let result = try runScript(script, files: ["d.csv": data])
        #expect(result.check.isEmpty, "\(result.check.map(\.message))")
        return result.error?.diagnostic.message
    }

    @Test func aNegatedTargetIsCaughtOnSixRows() throws {
        let message = try trainError("feature t:\n    not_y = y = \"no\"")
        #expect(message == "input 'not_y' matches the target 'y' one to one on all 6 training rows ('true' for 'no', 'false' for 'yes'); drop it, or the model would learn the answer from it")
        // Native inputs (gradient boosting) and an explicit positive value get the same rule.
        #expect(try trainError("feature t:\n    not_y = y = \"no\"", algorithm: "gradient_boosting", target: "y = \"yes\"")?
            .hasPrefix("input 'not_y' matches the target 'y' one to one") == true)
    }

    @Test func aRelabelledClassTargetIsCaught() throws {
        var rows = "id,a,y\n"
        for i in 0..<9 { rows += "\(i),\(i * 7 % 5),\(["red", "green", "blue"][i % 3])\n" }
        let message = try trainError("feature t:\n    code = if(y == \"red\", 1, if(y == \"green\", 2, 3))", data: rows, algorithm: "decision_tree")
        #expect(message?.hasPrefix("input 'code' matches the target 'y' one to one on all 9 training rows ('3' for 'blue', '2' for 'green', '1' for 'red')") == true, "\(message ?? "")")
    }

    @Test func idsAndOrdinaryInputsOnTinyTablesAreNotFlagged() throws {
        // `id` determines the target on 6 rows, but has more values than there are classes.
        #expect(try trainError("") == nil)
        // A two-valued input that disagrees with the target on one row is an ordinary input.
        #expect(try trainError("feature t:\n    big = a > 3") == nil)
    }

    @Test func oneValueMarkingExactlyOneClassIsCaughtFromThirtyRows() throws {
        var rows = "id,status,y\n"
        for i in 0..<40 {
            let churned = i % 3 == 0
            rows += "\(i),\(churned ? "churned" : (i % 2 == 0 ? "active" : "paused")),\(churned ? "yes" : "no")\n"
        }
        let message = try trainError("", data: rows, target: "y = \"yes\"")
        #expect(message == "input 'status' is 'churned' on exactly the training rows where the target 'y' is 'yes'; drop it, or the model would learn the answer from it")
    }

    @Test func aRareCategoryOnARarePositiveIsNotALeak() throws {
        var rows = "id,country,y\n"
        for i in 0..<60 { rows += "\(i),\(i == 5 ? "FJ" : (i % 2 == 0 ? "UK" : "DE")),\(i == 5 || i % 4 == 1 ? "yes" : "no")\n" }
        #expect(try trainError("", data: rows, target: "y = \"yes\"") == nil)
    }

    @Test func anAffineCopyOfANumberTargetIsCaught() throws {
        let data = "id,price,size\n1,10,3\n2,12.5,1\n3,20,4\n4,7,1\n5,30,5\n6,11,9\n"
        let scaled = try trainError("feature t:\n    price_eur = price * 0.92 + 1", data: data, algorithm: "linear", target: "price")
        #expect(scaled == "input 'price_eur' is the target 'price' times 0.92 plus 1 on all 6 training rows; drop it, or the model would learn the answer from it")
        let negated = try trainError("feature t:\n    loss = 0 - price", data: data, algorithm: "linear", target: "price")
        #expect(negated?.hasPrefix("input 'loss' is the target 'price' times -1 plus 0") == true, "\(negated ?? "")")
        #expect(try trainError("feature t:\n    copy = price", data: data, algorithm: "linear", target: "price")
            == "input 'copy' equals the target 'price' on all 6 training rows; drop it, or the model would learn the answer from it")
        // A column that merely grows with the price is not a copy.
        #expect(try trainError("feature t:\n    squared = price * price", data: data, algorithm: "linear", target: "price") == nil)
    }
}

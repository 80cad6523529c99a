import Foundation
import Testing
@testable import MLMCore

/// Model files: what they contain, that reading them back predicts the same scores bit for bit,
/// and that damaged or foreign files give a clear error.
@Suite struct ModelFileTests {
    func trainingTable() -> DataFrame {
        var random = SeededGenerator(seed: 9)
        var age: [Double] = [], plan: [String?] = [], bought: [String?] = []
        for _ in 0..<120 {
            let a = Double(20 + random.nextInt(below: 50))
            let p = ["basic", "gold"][random.nextInt(below: 2)]
            age.append(a)
            plan.append(p)
            bought.append(a / 10 + (p == "gold" ? 1 : 0) + random.nextUnit() * 3 > 5.5 ? "yes" : "no")
        }
        return DataFrame(columns: [
            Column(name: "age", type: .integer, numbers: age),
            Column(name: "plan", type: .category, strings: plan),
            Column(name: "bought", type: .category, strings: bought),
        ])
    }

    func trained(_ algorithm: String) throws -> SupervisedModel {
        let frame = trainingTable()
        let spec = try #require(AlgorithmRegistry.algorithm(named: algorithm))
        let defaults = Dictionary(uniqueKeysWithValues: spec.parameters.compactMap { p in p.defaultValue.map { (p.name, $0) } })
        let request = SupervisedTraining.Request(target: "bought", positive: .string("yes"), algorithm: spec,
                                                 parameters: Parameters(defaults), classWeight: nil, rows: Array(0..<frame.rowCount))
        return try SupervisedTraining.train(frame, request)
    }

    @Test(arguments: ["logistic", "decision_tree", "random_forest", "naive_bayes", "knn"])
    func roundTripPredictsBitIdentically(_ algorithm: String) throws {
        let model = try trained(algorithm)
        let data = try ModelFile.encode(model, mlmVersion: "test")
        let again = try ModelFile.decode(data)
        let frame = trainingTable()
        #expect(try model.predict(frame).0 == again.predict(frame).0)
        #expect(again.target == model.target && again.encoding == model.encoding)
        #expect(again.trainingData == model.trainingData)
        // Writing the loaded model again gives the same bytes: the file is stable for git.
        #expect(try ModelFile.encode(again, mlmVersion: "test") == data)
    }

    @Test func fileIsSortedReadableJSON() throws {
        let text = String(decoding: try ModelFile.encode(try trained("logistic"), mlmVersion: "0.1.0"), as: UTF8.self)
        let keys = ["\"algorithm\"", "\"encoding\"", "\"format\"", "\"formatVersion\"", "\"metrics\"", "\"mlmVersion\"",
                    "\"model\"", "\"notes\"", "\"parameters\"", "\"preparation\"", "\"target\"", "\"threshold\"", "\"trainingData\""]
        let positions = keys.compactMap { text.range(of: "\n  \($0)")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        #expect(text.contains("\"sha256\""))
    }

    @Test func foreignAndDamagedFilesAreRefusedClearly() throws {
        #expect(throws: ModelError("this is not an mlm model file (it is not valid model JSON)")) {
            try ModelFile.decode(Data("hello".utf8))
        }
        let future = #"{"format": "mlm-model", "formatVersion": 7, "algorithm": "logistic"}"#
        #expect(throws: ModelError("this model file has format version 7, but this mlm reads version 1; use a newer mlm")) {
            try ModelFile.decode(Data(future.utf8))
        }
        let unknown = #"{"format": "mlm-model", "formatVersion": 1, "algorithm": "deep_magic"}"#
        #expect(throws: ModelError("this model file uses the algorithm 'deep_magic', which this mlm does not know")) {
            try ModelFile.decode(Data(unknown.utf8))
        }
        var text = String(decoding: try ModelFile.encode(try trained("logistic"), mlmVersion: "t"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"threshold\" : 0.5", with: "\"threshold\" : \"high\"")
        #expect(throws: ModelError("the model file is damaged: 'threshold' is not valid")) {
            try ModelFile.decode(Data(text.utf8), trustEdits: true)
        }
    }
}

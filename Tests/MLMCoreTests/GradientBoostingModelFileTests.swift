import Foundation
import Testing
@testable import MLMCore

/// gradient_boosting through `SupervisedTraining` and model files: native inputs (missing numbers
/// kept, one level-index input per category), what the notes say, and save → load → predict
/// bit for bit.
@Suite struct GradientBoostingModelFileTests {
    func table() -> DataFrame {
        var random = SeededGenerator(seed: 21)
        var age: [Double] = [], plan: [String?] = [], bought: [String?] = []
        for i in 0..<200 {
            let a = Double(20 + random.nextInt(below: 50))
            let p = ["basic", "gold", "silver"][random.nextInt(below: 3)]
            age.append(i % 10 == 0 ? .nan : a)
            plan.append(i % 25 == 0 ? nil : p)
            bought.append(a / 10 + (p == "gold" ? 1 : 0) + random.nextUnit() * 3 > 5.5 ? "yes" : "no")
        }
        return DataFrame(columns: [
            Column(name: "age", type: .integer, numbers: age),
            Column(name: "plan", type: .category, strings: plan),
            Column(name: "bought", type: .category, strings: bought),
        ])
    }

    func train(_ frame: DataFrame, validationRows: [Int] = [], parameters: Parameters = Parameters()) throws -> SupervisedModel {
        let request = SupervisedTraining.Request(
            target: "bought", positive: .string("yes"), algorithm: GradientBoosting.algorithm, parameters: parameters,
            classWeight: nil, rows: Array(0..<150), validationRows: validationRows)
        return try SupervisedTraining.train(frame, request)
    }

    @Test func nativeInputsKeepMissingValuesAndCategoryLevels() throws {
        let frame = table()
        let model = try train(frame)
        #expect(model.encoding.mode == .native)
        #expect(model.trainingData.columns == ["age", "plan"])
        let (matrix, report) = try model.encoding.transform(frame, rows: [0, 1, 25])
        #expect(matrix.categoryCounts == [0, 3])
        #expect(matrix[0, 0].isNaN && !matrix[1, 0].isNaN)
        #expect(matrix[0, 1].isNaN && matrix[2, 1].isNaN) // rows 0 and 25 have no plan
        #expect([0.0, 1, 2].contains(matrix[1, 1]))
        #expect(report.keptMissingNumbers.map(\.cells) == [1])
        #expect(model.notes.contains("15 missing 'age' values kept as missing: gradient_boosting learns where they go"))
    }

    @Test func saveLoadPredictIsBitIdentical() throws {
        let frame = table()
        let model = try train(frame, parameters: Parameters(["subsample": .number(0.8), "trees": .integer(40)]))
        let data = try ModelFile.encode(model, mlmVersion: "test")
        let again = try ModelFile.decode(data)
        #expect(again.encoding == model.encoding)
        #expect(try model.predict(frame).0 == again.predict(frame).0)
        #expect(try ModelFile.encode(again, mlmVersion: "test") == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"mode\" : \"native\""))
        #expect(text.contains("\"leaf_values\""))
    }

    @Test func encodedModelFilesHaveNoModeAndOldFilesReadAsEncoded() throws {
        let encoding = FeatureEncoding(inputs: [.number(column: "age", fill: 1, missingIndicator: false)], leftOut: [])
        let data = try JSONEncoder().encode(encoding)
        #expect(!String(decoding: data, as: UTF8.self).contains("mode"))
        #expect(try JSONDecoder().decode(FeatureEncoding.self, from: data).mode == .encoded)
    }

    @Test func validationRowsDriveEarlyStopping() throws {
        let model = try train(table(), validationRows: Array(150..<200),
                              parameters: Parameters(["trees": .integer(400), "early_stopping": .integer(5)]))
        #expect(model.notes.contains { $0.hasPrefix("early stopping on the validation rows (50): best round") })
    }

    @Test func damagedTreesAreRejected() throws {
        let model = try train(table(), parameters: Parameters(["trees": .integer(3)]))
        var text = String(decoding: try ModelFile.encode(model, mlmVersion: "test"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"feature_count\" : 2", with: "\"feature_count\" : 1")
        #expect(throws: ModelError(ModelFile.changedAfterSaving)) { try ModelFile.decode(Data(text.utf8)) }
        #expect(throws: ModelError("the model file is damaged: 'model.feature_count' is 1, but the encoding makes 2 inputs")) {
            try ModelFile.decode(Data(text.utf8), trustEdits: true)
        }
    }
}

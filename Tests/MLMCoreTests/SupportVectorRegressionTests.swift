import Foundation
import Testing
@testable import MLMCore

/// The svm on a numeric target (support vector regression): hand cases, the options that only
/// fit one kind of target, data it cannot learn from, and the model file.
@Suite struct SupportVectorRegressionTests {
    static func matrix(_ columns: [[Double]]) -> FeatureMatrix {
        FeatureMatrix(rows: columns[0].count, columns: columns.count, values: Array(columns.joined()),
                      names: columns.indices.map { "x\($0)" })
    }

    static func numbers(_ predictions: Predictions) -> [Double] {
        guard case .values(let values) = predictions else { return [] }
        return values
    }

    /// y = 3 + 2·x0 − 0.5·x1 plus noise, on a spread of rows.
    static func noisyTable(rows: Int, seed: UInt64 = 3) -> (FeatureMatrix, [Double]) {
        var generator = SeededGenerator(seed: seed)
        let x0 = (0..<rows).map { _ in Double(generator.nextInt(below: 1000)) / 100 }
        let x1 = (0..<rows).map { _ in Double(generator.nextInt(below: 1000)) / 10 }
        let y = (0..<rows).map { 3 + 2 * x0[$0] - 0.5 * x1[$0] + Double(generator.nextInt(below: 200)) / 50 - 2 }
        return (matrix([x0, x1]), y)
    }

    @Test(arguments: ["epsilon_insensitive", "squared_epsilon_insensitive"])
    func noiselessLineIsRecovered(loss: String) throws {
        let x0 = (0..<20).map { Double($0) / 2 }
        let y = x0.map { 3 + 2 * $0 }
        // A large c leaves the penalty on the weights no say beside an exact fit. Default tolerance.
        let model = try SupportVectorMachine.fit(Self.matrix([x0]), .values(y), parameters: Parameters([
            "loss": .text(loss), "c": .number(1000), "epsilon": .number(0),
        ]))
        expectClose(Self.numbers(model.predict(Self.matrix([[0, 1, 10]]))), [3, 5, 23], relative: 1e-4, "\(loss) predictions")
        #expect(model.trainingNotes.contains { $0.contains("converged in") }, "\(model.trainingNotes)")
    }

    /// Rows whose error is within epsilon have no say in the fit: moving their targets anywhere
    /// inside the tube leaves the model as it was.
    @Test(arguments: ["epsilon_insensitive", "squared_epsilon_insensitive"])
    func rowsInsideTheTubeDoNotMoveTheFit(loss: String) throws {
        let (x, y) = Self.noisyTable(rows: 200)
        let parameters = Parameters(["loss": .text(loss), "epsilon": .number(1), "c": .number(10),
                                     "tolerance": .number(1e-8), "max_iterations": .integer(100_000)])
        let first = try SupportVectorMachine.fit(x, .values(y), parameters: parameters)
        let fitted = Self.numbers(first.predict(x))
        let inside = y.indices.filter { abs(y[$0] - fitted[$0]) < 0.9 }
        #expect(inside.count >= 20, "only \(inside.count) rows inside the tube")
        var moved = y
        for row in inside { moved[row] = fitted[row] + (row % 2 == 0 ? 0.5 : -0.5) * (1 - abs(y[row] - fitted[row])) * 0.5 }
        let second = try SupportVectorMachine.fit(x, .values(moved), parameters: parameters)
        expectClose(try #require(second.regression), try #require(first.regression), relative: 1e-5, floor: 1e-3, "\(loss) coefficients")
    }

    @Test func defaultIsEpsilonInsensitiveWithEpsilonZero() throws {
        let (x, y) = Self.noisyTable(rows: 100)
        let byDefault = try SupportVectorMachine.fit(x, .values(y))
        let stated = try SupportVectorMachine.fit(x, .values(y), parameters: Parameters([
            "loss": .text("epsilon_insensitive"), "epsilon": .number(0),
        ]))
        #expect(byDefault == stated)
        #expect(byDefault.trainingNotes.first?.contains("epsilon_insensitive, epsilon 0") == true, "\(byDefault.trainingNotes)")
    }

    @Test func optionsOfTheOtherKindOfTargetAreRefused() {
        let (x, y) = Self.noisyTable(rows: 50)
        let classes = Target.classes(labels: y.map { $0 > 3 ? 1 : 0 }, classes: ["low", "high"])
        #expect(throws: ModelError("parameter 'loss' of svm must be epsilon_insensitive or squared_epsilon_insensitive for a numeric target; got squared_hinge, which is for classes")) {
            try SupportVectorMachine.fit(x, .values(y), parameters: Parameters(["loss": .text("squared_hinge")]))
        }
        #expect(throws: ModelError("parameter 'loss' of svm must be hinge or squared_hinge for a target of classes; got epsilon_insensitive, which is for a numeric target")) {
            try SupportVectorMachine.fit(x, classes, parameters: Parameters(["loss": .text("epsilon_insensitive")]))
        }
        #expect(throws: ModelError("parameter 'epsilon' of svm is the error size a numeric target may miss by at no cost, so it applies only to numbers; the target holds classes, got 0.1")) {
            try SupportVectorMachine.fit(x, classes, parameters: Parameters(["epsilon": .number(0.1)]))
        }
        #expect(throws: ModelError("parameter 'epsilon' of svm must be a number from 0 to 1,000,000,000,000; got -1")) {
            try SupportVectorMachine.fit(x, .values(y), parameters: Parameters(["epsilon": .number(-1)]))
        }
        #expect(throws: ModelError("parameter 'loss' of svm must be one of hinge, squared_hinge, epsilon_insensitive, squared_epsilon_insensitive; got huber")) {
            try SupportVectorMachine.fit(x, .values(y), parameters: Parameters(["loss": .text("huber")]))
        }
    }

    @Test func dataWithNothingToLearnIsAnError() {
        #expect(throws: ModelError("svm needs a numeric target that varies; every training row has 7")) {
            try SupportVectorMachine.fit(Self.matrix([[1, 2, 3, 4]]), .values([7, 7, 7, 7]))
        }
        #expect(throws: ModelError("svm needs at least two rows of a numeric target to learn from; got 1")) {
            try SupportVectorMachine.fit(Self.matrix([[1]]), .values([7]))
        }
        #expect(throws: ModelError("svm needs at least two rows of a numeric target to learn from; got 1")) {
            try SupportVectorMachine.fit(Self.matrix([[1, 2]]), .values([7, 8]), weights: [0, 1])
        }
        #expect(throws: ModelError.self) {
            try SupportVectorMachine.fit(FeatureMatrix(rows: 0, columns: 1, values: [], names: ["x0"]), .values([]))
        }
    }

    /// A constant input column is harmless (its standardized values are all 0).
    @Test func constantColumnGetsNoWeight() throws {
        let (x, y) = Self.noisyTable(rows: 80)
        let widened = Self.matrix([Array(x.values[0..<80]), [Double](repeating: 5, count: 80), Array(x.values[80..<160])])
        let model = try SupportVectorMachine.fit(widened, .values(y), parameters: Parameters(["loss": .text("squared_epsilon_insensitive")]))
        let coefficients = try #require(model.regression)
        #expect(coefficients[1] == 0)
        #expect(Self.numbers(model.predict(widened)).allSatisfy { $0.isFinite })
    }

    @Test(arguments: ["epsilon_insensitive", "squared_epsilon_insensitive"])
    func modelFileRoundTripPredictsBitIdentically(loss: String) throws {
        let (x, y) = Self.noisyTable(rows: 120)
        let model = try SupportVectorMachine.fit(x, .values(y), parameters: Parameters(["loss": .text(loss), "epsilon": .number(0.5)]))
        let loaded = try JSONDecoder().decode(SupportVectorMachineModel.self, from: try JSONEncoder().encode(model))
        #expect(loaded == model)
        #expect(Self.numbers(loaded.predict(x)) == Self.numbers(model.predict(x)))
        #expect(Self.numbers(model.predict(Self.matrix([[1]]))).allSatisfy { $0.isNaN })
    }

    /// A classifier's file has no `regression` entry, exactly as files written before regression
    /// existed, and reads back to the same model.
    @Test func classifierFilesKeepTheirFormat() throws {
        let (x, y) = Self.noisyTable(rows: 60)
        let target = Target.classes(labels: y.map { $0 > 3 ? 1 : 0 }, classes: ["low", "high"])
        let model = try SupportVectorMachine.fit(x, target)
        let data = try JSONEncoder().encode(model)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["scaling", "folds", "input_count", "training_notes", "class_layout"])
        // The class layout keeps no per-row labels in the file, so compare what it predicts.
        let loaded = try JSONDecoder().decode(SupportVectorMachineModel.self, from: data)
        #expect(loaded.regression == nil && loaded.folds == model.folds)
        #expect(loaded.predict(x) == model.predict(x))
    }
}

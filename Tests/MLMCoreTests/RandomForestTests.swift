import Foundation
import Testing
@testable import MLMCore

private func binary(_ labels: [Int]) -> Target {
    .classes(labels: labels, classes: ["no", "yes"])
}

private func forestError(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                         _ parameters: [String: ParameterValue] = [:]) -> String? {
    do {
        _ = try RandomForest.fit(x, target, weights: weights, parameters: Parameters(parameters))
        return nil
    } catch {
        return error.message
    }
}

private func encoded(_ model: RandomForestModel) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(model)
}

@Suite struct RandomForestTests {
    @Test func theSameSeedGivesTheSameForestAndAnotherSeedAnother() throws {
        let (x, labels) = treeTestProblem(rows: 300, columns: 6, seed: 1)
        let fit = { (seed: Int) in
            try encoded(RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(20), "seed": .integer(seed)])))
        }
        #expect(try fit(7) == fit(7))
        #expect(try fit(7) != fit(8))
    }

    @Test func eachTreeDependsOnlyOnTheSeedAndItsIndex() throws {
        let (x, labels) = treeTestProblem(rows: 200, columns: 6, seed: 2)
        let few = try RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(3)]))
        let more = try RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(8)]))
        #expect(Array(more.trees.prefix(3)) == few.trees)
    }

    @Test func savedForestPredictsBitIdentically() throws {
        let (x, labels) = treeTestProblem(rows: 300, columns: 6, seed: 3)
        let model = try RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(15)]))
        let data = try encoded(model)
        let loaded = try JSONDecoder().decode(RandomForestModel.self, from: data)
        #expect(loaded.predict(x) == model.predict(x))
        #expect(loaded.trainingNotes == model.trainingNotes)
        #expect(loaded.featureImportances == model.featureImportances)
        #expect(try encoded(loaded) == data)
    }

    @Test func withoutBootstrapOrFeatureDrawsEveryTreeIsTheDecisionTree() throws {
        let (x, labels) = treeTestProblem(rows: 250, columns: 5, seed: 4)
        let parameters: [String: ParameterValue] = ["bootstrap": .text("no"), "max_features": .text("all"), "depth": .integer(5)]
        let forest = try RandomForest.fit(x, binary(labels), parameters: Parameters(parameters.merging(["trees": .integer(3)]) { $1 }))
        let tree = try DecisionTree.fit(x, binary(labels), parameters: Parameters(["depth": .integer(5)]))
        guard case .probabilities(let a, 2) = forest.predict(x), case .probabilities(let b, 2) = tree.predict(x) else {
            Issue.record("expected two class probabilities")
            return
        }
        #expect(zip(a, b).allSatisfy { treeClose($0, $1) })
        #expect(forest.outOfBagScore == nil)
        #expect(forest.trainingNotes.count == 1)
        #expect(forest.featureImportances.enumerated().allSatisfy { treeClose($1, tree.featureImportances[$0]) })
    }

    @Test func notesGiveTreesAndTheOutOfBagScore() throws {
        let (x, labels) = treeTestProblem(rows: 300, columns: 6, seed: 5)
        let model = try RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(30), "depth": .integer(4)]))
        #expect(model.trainingNotes.first?.hasPrefix("30 trees, depth 4 to 4, ") == true)
        let outOfBag = try #require(model.outOfBagScore)
        #expect(model.trainingNotes.last == "out-of-bag accuracy \(String(format: "%.4f", outOfBag)) on 300 rows")
        #expect(outOfBag > 0.6 && outOfBag <= 1)
    }

    @Test func probabilitiesSumToOneAndImportancesFavourTheSignal() throws {
        let (x, labels) = treeTestProblem(rows: 400, columns: 6, seed: 6)
        let model = try RandomForest.fit(x, binary(labels), parameters: Parameters(["trees": .integer(25)]))
        guard case .probabilities(let p, 2) = model.predict(x) else {
            Issue.record("expected two class probabilities")
            return
        }
        #expect((0..<x.rows).allSatisfy { treeClose(p[2 * $0] + p[2 * $0 + 1], 1) })
        let importances = model.featureImportances
        #expect(treeClose(importances.reduce(0, +), 1) && importances.allSatisfy { $0 >= 0 })
        // The label depends on x0, x1 and x2 only.
        #expect(importances[0...2].min()! > importances[3...].max()!)
    }

    @Test func regressionOutOfBagScoreIsRSquared() throws {
        let (x, labels) = treeTestProblem(rows: 300, columns: 4, seed: 8)
        let values = (0..<x.rows).map { x[$0, 0] * 2 + Double(labels[$0]) }
        let model = try RandomForest.fit(x, .values(values), parameters: Parameters(["trees": .integer(20)]))
        let outOfBag = try #require(model.outOfBagScore)
        #expect(outOfBag > 0.8 && outOfBag < 1)
        #expect(model.trainingNotes.last?.hasPrefix("out-of-bag R² ") == true)
    }

    @Test func tinyAndMostlyWeightlessDataTrainWithoutCrashing() throws {
        let one = try RandomForest.fit(FeatureMatrix(rows: 1, columns: 1, values: [3], names: ["a"]), binary([1]),
                                       parameters: Parameters(["trees": .integer(5)]))
        #expect(one.outOfBagScore == nil)
        let x = FeatureMatrix(rows: 10, columns: 1, values: (0..<10).map(Double.init), names: ["a"])
        let weights = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0]
        let sparse = try RandomForest.fit(x, binary([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]), weights: weights,
                                          parameters: Parameters(["trees": .integer(10)]))
        guard case .probabilities(let p, 2) = sparse.predict(x) else {
            Issue.record("expected two class probabilities")
            return
        }
        #expect(p.enumerated().allSatisfy { $0.offset % 2 == 0 ? $0.element == 0 : $0.element == 1 })
    }

    @Test func featuresPerSplitFollowScikitLearnDefaults() throws {
        let resolve = { (parameters: [String: ParameterValue], classes: Bool) in
            try TreeParameters.settings(Parameters(parameters), algorithm: "random_forest", isClassification: classes,
                                        featureCount: 8, defaultFeatures: .sqrtForClasses).featuresPerSplit
        }
        #expect(try resolve([:], true) == 2)
        #expect(try resolve([:], false) == 8)
        #expect(try resolve(["max_features": .text("log2")], false) == 3)
        #expect(try resolve(["feature_share": .number(0.3)], true) == 2)
        #expect(try resolve(["feature_share": .number(0.01)], true) == 1)
    }

    @Test func badParametersAreErrorsNamingTheRange() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [1, 2], names: ["a"])
        #expect(forestError(x, binary([0, 1]), ["trees": .integer(0)])
                == "parameter 'trees' of random_forest must be a whole number from 1 to 5,000; got 0")
        #expect(forestError(x, binary([0, 1]), ["bootstrap": .text("maybe"), "trees": .integer(2)])
                == "parameter 'bootstrap' of random_forest must be one of yes, no; got maybe")
        #expect(forestError(x, binary([0, 1]), ["seed": .integer(-1)])
                == "parameter 'seed' of random_forest must be a whole number from 0 to 4,294,967,295; got -1")
        #expect(forestError(FeatureMatrix(rows: 0, columns: 1, values: [], names: ["a"]), binary([]))
                == "random_forest needs at least one row to train on; got 0 rows")
    }

    @Test func aDamagedForestFileIsAnErrorNotACrash() throws {
        let x = FeatureMatrix(rows: 4, columns: 1, values: [1, 2, 3, 4], names: ["a"])
        let model = try RandomForest.fit(x, binary([0, 0, 1, 1]), parameters: Parameters(["trees": .integer(2)]))
        var json = try #require(String(data: encoded(model), encoding: .utf8))
        json = json.replacingOccurrences(of: "\"feature_count\":1", with: "\"feature_count\":0")
        // Decoding reads the arrays; validation (run on every model file read) refuses the count.
        let loaded = try JSONDecoder().decode(RandomForestModel.self, from: Data(json.utf8))
        let shape = FittedShape(inputs: 1, target: TargetSpec(column: "y", task: .binary, classes: ["no", "yes"]),
                                levelCounts: [0], algorithm: "random_forest")
        #expect(throws: ModelError("the model file is damaged: 'model.feature_count' is 0, but the encoding makes 1 inputs")) {
            try loaded.validate(shape)
        }
    }
}

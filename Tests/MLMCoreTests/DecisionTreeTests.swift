import Foundation
import Testing
@testable import MLMCore

/// One-column matrices and small helpers for hand-computed trees.
private func column(_ values: [Double], name: String = "a") -> FeatureMatrix {
    FeatureMatrix(rows: values.count, columns: 1, values: values, names: [name])
}

private func classes(_ labels: [Int], _ names: [String] = ["no", "yes"]) -> Target {
    .classes(labels: labels, classes: names)
}

private func probabilities(_ model: some TrainedModel, _ x: FeatureMatrix) -> [[Double]] {
    guard case .probabilities(let p, let k) = model.predict(x) else { return [] }
    return (0..<x.rows).map { Array(p[($0 * k)..<(($0 + 1) * k)]) }
}

private func numbers(_ model: some TrainedModel, _ x: FeatureMatrix) -> [Double] {
    guard case .values(let v) = model.predict(x) else { return [] }
    return v
}

private func fitError(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                      _ parameters: [String: ParameterValue] = [:]) -> String? {
    do {
        _ = try DecisionTree.fit(x, target, weights: weights, parameters: Parameters(parameters))
        return nil
    } catch {
        return error.message
    }
}

/// A seeded synthetic problem: `columns` inputs, a label that depends on the first three.
func treeTestProblem(rows: Int, columns: Int, seed: UInt64) -> (FeatureMatrix, [Int]) {
    var generator = SeededGenerator(seed: seed)
    var values = [Double](repeating: 0, count: rows * columns)
    for i in values.indices { values[i] = (generator.nextUnit() * 64).rounded() / 8 }
    let labels = (0..<rows).map { row -> Int in
        let score = values[row] - values[rows + row] + (values[2 * rows + row] > 4 ? 2 : 0)
        return score + generator.nextUnit() * 4 > 3 ? 1 : 0
    }
    return (FeatureMatrix(rows: rows, columns: columns, values: values, names: (0..<columns).map { "x\($0)" }), labels)
}

@Suite struct DecisionTreeTests {
    // MARK: Hand-computed trees

    @Test func splitsAtTheMidpointBetweenTwoValues() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 0, 1, 1]))
        #expect(probabilities(model, column([1.5, 2.5, 2.6, 10])) == [[1, 0], [1, 0], [0, 1], [0, 1]])
        #expect(model.depth == 1 && model.leafCount == 2)
        #expect(model.featureImportances == [1])
        #expect(model.trainingNotes == ["depth 1, 2 leaves"])
    }

    @Test func regressionLeavesHoldTheMeanTarget() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 10]), .values([1, 1, 1, 5]))
        #expect(numbers(model, column([0, 6.5, 6.6, 99])) == [1, 1, 5, 5])
    }

    @Test func regressionWithDepthOneAveragesEachSide() throws {
        // Best first split separates 10 (variance drop 3) from the rest; depth 1 stops there.
        let model = try DecisionTree.fit(column([1, 2, 3, 10]), .values([1, 2, 3, 9]), parameters: Parameters(["depth": .integer(1)]))
        #expect(numbers(model, column([0, 7])) == [2, 9])
    }

    @Test func weightsGiveWeightedClassShares() throws {
        let model = try DecisionTree.fit(column([5, 5, 5]), classes([0, 1, 1]), weights: [3, 1, 0.5])
        let p = probabilities(model, column([5]))[0]
        #expect(treeClose(p[0], 3 / 4.5) && treeClose(p[1], 1.5 / 4.5))
    }

    @Test func rowsWithZeroWeightTakeNoPart() throws {
        // Without the middle row the neighbouring values are 1 and 3, so the threshold is 2.
        let model = try DecisionTree.fit(column([1, 2, 3]), classes([0, 1, 1]), weights: [2, 0, 1])
        #expect(probabilities(model, column([2, 2.01])) == [[1, 0], [0, 1]])
    }

    @Test func minLeafKeepsEnoughRowsOnEachSide() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 1, 1, 1]),
                                         parameters: Parameters(["min_leaf": .integer(2)]))
        #expect(probabilities(model, column([2, 3])) == [[0.5, 0.5], [0, 1]])
    }

    @Test func minSplitAboveTheRowCountLeavesOneLeaf() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 1, 1, 1]),
                                         parameters: Parameters(["min_split": .integer(5)]))
        #expect(probabilities(model, column([1])) == [[0.25, 0.75]])
        #expect(model.trainingNotes == ["depth 0, 1 leaf"])
    }

    @Test func minGainComparesTheWeightedImpurityDecrease() throws {
        // Gini 0.375 at the root, 0 in both children: the decrease is 0.375.
        let data = (column([1, 2, 3, 4]), classes([0, 1, 1, 1]))
        let kept = try DecisionTree.fit(data.0, data.1, parameters: Parameters(["min_gain": .number(0.37)]))
        let dropped = try DecisionTree.fit(data.0, data.1, parameters: Parameters(["min_gain": .number(0.38)]))
        #expect(kept.leafCount == 2 && dropped.leafCount == 1)
    }

    @Test func depthLimitStopsGrowth() throws {
        let x = column([1, 2, 3, 4, 5, 6, 7, 8])
        let labels = [0, 1, 0, 1, 0, 1, 0, 1]
        let full = try DecisionTree.fit(x, classes(labels))
        let shallow = try DecisionTree.fit(x, classes(labels), parameters: Parameters(["depth": .integer(2)]))
        #expect(full.leafCount == 8 && shallow.depth == 2 && shallow.leafCount <= 4)
    }

    @Test func entropyTreeSplitsTheSameSeparableData() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 1, 1, 1]),
                                         parameters: Parameters(["criterion": .text("entropy")]))
        #expect(probabilities(model, column([1.4, 1.6])) == [[1, 0], [0, 1]])
    }

    @Test func importancesShareTheImpurityDecrease() throws {
        // Column b separates the classes at the root, so a is never used.
        let x = FeatureMatrix(rows: 4, columns: 2, values: [1, 1, 1, 1, 0, 0, 1, 1], names: ["a", "b"])
        let model = try DecisionTree.fit(x, classes([0, 0, 1, 1]))
        #expect(model.featureImportances == [0, 1])
    }

    // MARK: Awkward data

    @Test func aClassMissingFromTrainingGetsProbabilityZero() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 0, 2, 2], ["a", "b", "c"]))
        #expect(probabilities(model, column([1, 4])) == [[1, 0, 0], [0, 0, 1]])
    }

    @Test func oneRowOneClassAndConstantInputsGiveOneLeaf() throws {
        let single = try DecisionTree.fit(column([7]), classes([1]))
        #expect(probabilities(single, column([0])) == [[0, 1]])
        let sameClass = try DecisionTree.fit(column([1, 2, 3]), classes([1, 1, 1]))
        #expect(sameClass.leafCount == 1)
        let constant = try DecisionTree.fit(column([2, 2, 2]), .values([1, 2, 6]))
        #expect(numbers(constant, column([2])) == [3])
        #expect(constant.featureImportances == [0])
    }

    @Test func infiniteInputsSplitWithoutNaNThresholds() throws {
        // Midpoints -inf and +inf are replaced by the lower value, as in sklearn.
        let model = try DecisionTree.fit(column([-.infinity, 0, .infinity]), classes([0, 1, 0]))
        let p = probabilities(model, column([-.infinity, -5, 0, 1, .infinity]))
        #expect(p.map { $0[1] } == [0, 1, 1, 0, 0])
    }

    @Test func aMatrixWithOtherColumnsScoresNaN() throws {
        let model = try DecisionTree.fit(column([1, 2]), .values([1, 2]))
        let wide = FeatureMatrix(rows: 1, columns: 2, values: [1, 2], names: ["a", "b"])
        #expect(numbers(model, wide).allSatisfy { $0.isNaN })
    }

    // MARK: Errors

    @Test func badInputsAreErrorsNamingTheProblem() {
        #expect(fitError(column([]), classes([])) == "decision_tree needs at least one row to train on; got 0 rows")
        #expect(fitError(column([1, .nan]), classes([0, 1]))
                == "decision_tree needs a number in every input; column 'a' is missing one in row 2")
        #expect(fitError(column([1, 2]), classes([0, 1, 1]))
                == "decision_tree got 2 rows of inputs but 3 target values; they must match")
        #expect(fitError(column([1, 2]), classes([0, 5]))
                == "decision_tree got class index 5 in row 2, outside 0..<2")
        #expect(fitError(column([1, 2]), .values([1, .infinity]))
                == "decision_tree needs a finite target in every row; row 2 has inf")
        #expect(fitError(column([1, 2]), classes([0, 1]), weights: [1, -1])
                == "sample weights of decision_tree must be finite and not negative; row 2 has -1.0")
        #expect(fitError(column([1, 2]), classes([0, 1]), weights: [.nan, 1])
                == "sample weights of decision_tree must be finite and not negative; row 1 has nan")
        #expect(fitError(column([1, 2]), classes([0, 1]), weights: [0, 0])
                == "sample weights of decision_tree must not all be zero")
    }

    @Test func badParametersAreErrorsNamingTheRange() {
        let x = column([1, 2]), y = classes([0, 1])
        #expect(fitError(x, y, ["depth": .integer(0)])
                == "parameter 'depth' of decision_tree must be a whole number from 1 to 64; got 0")
        #expect(fitError(x, y, ["min_leaf": .number(2.5)])
                == "parameter 'min_leaf' of decision_tree must be a whole number from 1 to 100,000; got 2.5")
        #expect(fitError(x, y, ["min_gain": .number(-1)])
                == "parameter 'min_gain' of decision_tree must be a number from 0 to 1,000,000,000; got -1")
        #expect(fitError(x, y, ["criterion": .text("squared_error")])
                == "parameter 'criterion' of decision_tree must be gini or entropy for a target of classes; got squared_error")
        #expect(fitError(x, .values([1, 2]), ["criterion": .text("gini")])
                == "parameter 'criterion' of decision_tree must be squared_error for a numeric target; got gini")
        #expect(fitError(x, y, ["max_features": .text("half")])
                == "parameter 'max_features' of decision_tree must be one of all, sqrt, log2; got half")
        #expect(fitError(x, y, ["max_features": .text("sqrt"), "feature_share": .number(0.5)])
                == "give decision_tree either 'max_features' or 'feature_share', not both")
        #expect(fitError(x, y, ["feature_share": .number(0)])
                == "parameter 'feature_share' of decision_tree must be a number above 0 and at most 1; got 0")
    }

    // MARK: Saving and determinism

    @Test func savedTreePredictsBitIdentically() throws {
        let (x, labels) = treeTestProblem(rows: 300, columns: 5, seed: 11)
        let model = try DecisionTree.fit(x, classes(labels), parameters: Parameters(["depth": .integer(6)]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(model)
        let loaded = try JSONDecoder().decode(DecisionTreeModel.self, from: data)
        #expect(loaded.predict(x) == model.predict(x))
        #expect(loaded.featureImportances == model.featureImportances)
        #expect(try encoder.encode(loaded) == data)
    }

    @Test func aDamagedModelFileIsAnErrorNotACrash() throws {
        let model = try DecisionTree.fit(column([1, 2, 3, 4]), classes([0, 0, 1, 1]))
        var json = try #require(String(data: JSONEncoder().encode(model), encoding: .utf8))
        json = json.replacingOccurrences(of: "\"next\":[2,", with: "\"next\":[9,")
        #expect(json.contains("\"next\":[9,"))
        // Decoding reads the arrays; validation (run on every model file read) refuses the layout.
        let loaded = try JSONDecoder().decode(DecisionTreeModel.self, from: Data(json.utf8))
        let shape = FittedShape(inputs: 1, target: TargetSpec(column: "y", task: .binary, classes: ["no", "yes"]),
                                levelCounts: [0], algorithm: "decision_tree")
        #expect(throws: ModelError("the model file is damaged: 'model.tree.next' does not point right after the left branch at a split")) {
            try loaded.validate(shape)
        }
    }

    @Test func randomFeatureSubsetsDependOnlyOnTheSeed() throws {
        let (x, labels) = treeTestProblem(rows: 400, columns: 8, seed: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let fit = { (seed: Int) in
            try encoder.encode(DecisionTree.fit(x, classes(labels), parameters: Parameters(
                ["max_features": .text("sqrt"), "seed": .integer(seed)])))
        }
        #expect(try fit(3) == fit(3))
        #expect(try fit(3) != fit(4))
    }

    @Test func gatheredPairsScanLikePairsLookedUpByPosition() {
        // 300 rows in a shuffled value order with ties; gathering must not change the answer.
        var generator = SeededGenerator(seed: 21)
        var positions = Array(0..<300)
        generator.shuffle(&positions)
        let segment = positions.enumerated().map { UInt64($0.offset / 3) << 32 | UInt64($0.element) }
        var pairs = [Double](repeating: 0, count: 600)
        var totals = [0.0, 0, 0]
        for position in 0..<300 {
            let weight = Double(1 + generator.nextInt(below: 3)), label = Double(generator.nextInt(below: 2))
            pairs[2 * position] = weight
            pairs[2 * position + 1] = weight * label
            totals[Int(label)] += weight
            totals[2] += weight
        }
        // For numbers the label is the target: totals are Σw, Σw·y and Σw·y² (= Σw·y for 0/1).
        let numberTotals = [totals[2], totals[1], totals[1]]
        for criterion in [TreeSettings.Criterion.gini, .entropy, .squaredError] {
            let totals = criterion == .squaredError ? numberTotals : totals
            let scans = [Int.max, 0].map { threshold in
                pairs.withUnsafeBufferPointer { pairs in
                    totals.withUnsafeBufferPointer { totals in
                        let context = ScanContext(pairs: pairs.baseAddress!, totals: totals.baseAddress!, classCount: 2,
                                                  minLeaf: 3, criterion: criterion, isClassification: criterion != .squaredError)
                        return segment.withUnsafeBufferPointer {
                            SplitScan.best($0.baseAddress!, count: 300, context, gatherFrom: threshold)
                        }
                    }
                }
            }
            #expect(scans[0] != nil && scans[0]?.leftCount == scans[1]?.leftCount && scans[0]?.proxy == scans[1]?.proxy)
        }
    }

    @Test func bothCoresGrowTheSameTreeAsOne() throws {
        // Big enough that the root's scans and list splits run in parallel.
        let (x, labels) = treeTestProblem(rows: 20000, columns: 4, seed: 9)
        let problem = try TreeProblem(x, classes(labels), weights: nil, algorithm: "decision_tree")
        let settings = try TreeParameters.settings(Parameters(["depth": .integer(8)]), algorithm: "decision_tree",
                                                   isClassification: true, featureCount: 4, defaultFeatures: .all)
        let presorted = PresortedFeatures(x)
        let trees = [true, false].map { parallel in
            let grower = TreeGrower(problem: problem, presorted: presorted, settings: settings,
                                    rowWeights: problem.weights, seed: 0, useBothCores: parallel)
            grower.grow()
            return grower.tree
        }
        #expect(trees[0] == trees[1])
        #expect(trees[0].leafCount > 50)
    }
}

import Testing
@testable import MLMCore

/// Binned features (few distinct values, classification) must find exactly the splits the sorted
/// lists find: the same trees, node for node, whatever the criterion, leaf size, feature draw,
/// class count or whole-number row weights.
@Suite struct TreeBinningTests {
    /// Mixes list and binned features: 0/1 dummies, a small count, a 65-value grid, and a
    /// continuous column with more distinct values than a byte holds.
    private func mixedProblem(rows: Int, classCount: Int, seed: UInt64) -> (FeatureMatrix, Target) {
        var generator = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: rows * 4)
        for row in 0..<rows {
            values[row] = generator.nextUnit() < 0.3 ? 1 : 0
            values[rows + row] = Double(generator.nextInt(below: 6))
            values[2 * rows + row] = (generator.nextUnit() * 64).rounded() / 8
            values[3 * rows + row] = generator.nextUnit() * 100
        }
        let labels = (0..<rows).map { row -> Int in
            let score = values[row] * 2 + values[rows + row] / 3 + values[2 * rows + row] / 4 + values[3 * rows + row] / 50
            return min(classCount - 1, Int((score + generator.nextUnit() * 3) / 9 * Double(classCount)))
        }
        let names = ["dummy", "count", "grid", "continuous"]
        let classes = (0..<classCount).map { "c\($0)" }
        return (FeatureMatrix(rows: rows, columns: 4, values: values, names: names), .classes(labels: labels, classes: classes))
    }

    private func grow(_ x: FeatureMatrix, _ target: Target, binning: Bool, parameters: [String: ParameterValue],
                      weights: [Double]? = nil, seed: UInt64 = 3) throws -> TreeNodes {
        let problem = try TreeProblem(x, target, weights: weights, algorithm: "decision_tree")
        let settings = try TreeParameters.settings(Parameters(parameters), algorithm: "decision_tree",
                                                   isClassification: true, featureCount: x.columns, defaultFeatures: .all)
        let grower = TreeGrower(problem: problem, presorted: PresortedFeatures(x, binning: binning), settings: settings,
                                rowWeights: problem.weights, seed: seed, useBothCores: false)
        grower.grow()
        return grower.tree
    }

    @Test func onlyFeaturesWithFewValuesAreBinned() {
        let (x, _) = mixedProblem(rows: 500, classCount: 2, seed: 1)
        #expect(PresortedFeatures(x, binning: true).layouts == [.bins(0), .bins(1), .bins(2), .list(0)])
        #expect(PresortedFeatures(x, binning: false).layouts == [.list(0), .list(1), .list(2), .list(3)])
    }

    @Test(arguments: [
        (2, ["criterion": ParameterValue.text("gini")]),
        (2, ["criterion": .text("entropy"), "min_leaf": .integer(7)]),
        (3, ["criterion": .text("gini"), "depth": .integer(6)]),
        (4, ["criterion": .text("entropy"), "feature_share": .number(0.5)]),
    ])
    func binnedTreesEqualListTrees(classCount: Int, parameters: [String: ParameterValue]) throws {
        let (x, target) = mixedProblem(rows: 3000, classCount: classCount, seed: UInt64(classCount))
        let binned = try grow(x, target, binning: true, parameters: parameters)
        let listed = try grow(x, target, binning: false, parameters: parameters)
        #expect(binned == listed)
        #expect(binned.leafCount > 20)
    }

    @Test func wholeNumberWeightsGiveTheSameTreesToo() throws {
        let (x, target) = mixedProblem(rows: 2000, classCount: 2, seed: 5)
        var generator = SeededGenerator(seed: 11)
        let weights = (0..<x.rows).map { _ in Double(generator.nextInt(below: 4)) }
        let parameters: [String: ParameterValue] = ["min_leaf": .integer(3)]
        #expect(try grow(x, target, binning: true, parameters: parameters, weights: weights)
                == grow(x, target, binning: false, parameters: parameters, weights: weights))
    }
}

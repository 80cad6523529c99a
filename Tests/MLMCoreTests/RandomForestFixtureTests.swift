import Foundation
import Testing
import MLMCore

/// scikit-learn's random forests (100 trees, default settings but min_leaf 5 for numbers, five
/// random states) on 2,000 training rows, scored on 1,000 held-out rows; made by
/// Fixtures/trees/make_fixtures.py.
private struct ForestFixture: Decodable {
    struct Scores: Decodable {
        let parameters: [String: TreeFixtureValue]
        let testScores: [Double]
        let oobScores: [Double]

        enum CodingKeys: String, CodingKey { case parameters, testScores = "test_scores", oobScores = "oob_scores" }

        var meanTest: Double { testScores.reduce(0, +) / Double(testScores.count) }
        var meanOutOfBag: Double { oobScores.reduce(0, +) / Double(oobScores.count) }
    }

    let rows: Int
    let testRows: Int
    let columns: Int
    let x: [Double]
    let xTest: [Double]
    let labels: [Double]
    let labelsTest: [Double]
    let values: [Double]
    let valuesTest: [Double]
    let classification: Scores
    let regression: Scores

    enum CodingKeys: String, CodingKey {
        case rows, testRows = "test_rows", columns, x, xTest = "x_test", labels, labelsTest = "labels_test"
        case values, valuesTest = "values_test", classification, regression
    }

    var train: FeatureMatrix { TreeFixture.matrix(x, rows: rows, columns: columns) }
    var test: FeatureMatrix { TreeFixture.matrix(xTest, rows: testRows, columns: columns) }
}

/// Area under the ROC curve by ranks, ties sharing their mean rank.
private func areaUnderCurve(_ scores: [Double], _ labels: [Double]) -> Double {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var ranks = [Double](repeating: 0, count: scores.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
        for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
        i = j + 1
    }
    let positives = labels.filter { $0 == 1 }.count, negatives = labels.count - positives
    let positiveRanks = zip(ranks, labels).filter { $0.1 == 1 }.reduce(0) { $0 + $1.0 }
    return (positiveRanks - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
}

private func rSquared(_ predicted: [Double], _ actual: [Double]) -> Double {
    let mean = actual.reduce(0, +) / Double(actual.count)
    let residual = zip(predicted, actual).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let spread = actual.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return 1 - residual / spread
}

@Suite struct RandomForestFixtureTests {
    @Test func classifierScoresLikeScikitLearn() throws {
        let fixture: ForestFixture = try TreeFixture.load("forest", as: ForestFixture.self)
        let target = Target.classes(labels: fixture.labels.map { Int($0) }, classes: ["no", "yes"])
        let model = try RandomForest.fit(fixture.train, target,
                                         parameters: TreeFixtureValue.parameters(fixture.classification.parameters))
        guard case .probabilities(let p, 2) = model.predict(fixture.test) else {
            Issue.record("expected two class probabilities")
            return
        }
        let auc = areaUnderCurve((0..<fixture.testRows).map { p[2 * $0 + 1] }, fixture.labelsTest)
        let reference = fixture.classification
        // scikit-learn's five seeds span about 0.004 in AUC and 0.02 in out-of-bag accuracy.
        #expect(abs(auc - reference.meanTest) < 0.01, "AUC \(auc) vs scikit-learn \(reference.testScores)")
        let outOfBag = try #require(model.outOfBagScore)
        #expect(abs(outOfBag - reference.meanOutOfBag) < 0.025, "out-of-bag \(outOfBag) vs \(reference.oobScores)")
        #expect(model.outOfBagRows == fixture.rows)
    }

    @Test func regressorScoresLikeScikitLearn() throws {
        let fixture: ForestFixture = try TreeFixture.load("forest", as: ForestFixture.self)
        let model = try RandomForest.fit(fixture.train, .values(fixture.values),
                                         parameters: TreeFixtureValue.parameters(fixture.regression.parameters))
        guard case .values(let predicted) = model.predict(fixture.test) else {
            Issue.record("expected numbers")
            return
        }
        let score = rSquared(predicted, fixture.valuesTest)
        let reference = fixture.regression
        #expect(abs(score - reference.meanTest) < 0.01, "R² \(score) vs scikit-learn \(reference.testScores)")
        let outOfBag = try #require(model.outOfBagScore)
        #expect(abs(outOfBag - reference.meanOutOfBag) < 0.01, "out-of-bag R² \(outOfBag) vs \(reference.oobScores)")
    }
}

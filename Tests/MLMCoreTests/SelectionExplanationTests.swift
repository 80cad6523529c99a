import Foundation
import Testing
@testable import MLMCore

/// Permutation importance against scikit-learn's `permutation_importance` (Fixtures/selection/
/// permutation.json): the same logistic model (ours fitted to scikit-learn's optimum with a
/// tight tolerance), the same permutations (written out by make_fixtures.py). Tolerance: 1e-9
/// absolute on every repeat's AUC drop — AUC depends only on the order of the scores, which
/// the two fits share. Also reason codes and partial dependence on hand cases.
@Suite struct SelectionExplanationTests {
    struct Fixture: Decodable {
        let trainRows: Int, testRows: Int, columns: Int
        let xTrain: [Double], yTrain: [Int], xTest: [Double], yTest: [Int]
        let permutations: [[[Int]]]
        let baselineAUC: Double
        let importances: [[Double]]
        let importancesMean: [Double]
        let importancesStd: [Double]

        enum CodingKeys: String, CodingKey {
            case trainRows = "train_rows", testRows = "test_rows", columns, permutations
            case xTrain = "x_train", yTrain = "y_train", xTest = "x_test", yTest = "y_test"
            case baselineAUC = "baseline_auc", importances, importancesMean = "importances_mean", importancesStd = "importances_std"
        }
    }

    @Test func permutationImportanceMatchesScikitLearn() throws {
        let url = try #require(Bundle.module.url(forResource: "permutation", withExtension: "json", subdirectory: "Fixtures/selection"))
        let f = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let names = (0..<f.columns).map { "x\($0)" }
        let train = FeatureMatrix(rows: f.trainRows, columns: f.columns, values: f.xTrain, names: names)
        let test = FeatureMatrix(rows: f.testRows, columns: f.columns, values: f.xTest, names: names)
        let model = try LogisticRegression.fit(train, .classes(labels: f.yTrain, classes: ["0", "1"]),
                                               parameters: Parameters(["tolerance": .number(1e-10), "iterations": .integer(10000)]))
        let (baseline, rows) = try PermutationImportance.compute(
            x: test, labels: f.yTest.map(Double.init), columns: SourceColumns(plainNames: names), metric: .auc, repeats: 5,
            permutation: { c, r in f.permutations[c][r] }, predict: model.predict)
        #expect(abs(baseline - f.baselineAUC) <= 1e-9)
        for c in 0..<f.columns {
            for r in 0..<5 { #expect(abs(rows[c].values[r] - f.importances[c][r]) <= 1e-9, "column \(c) repeat \(r)") }
            #expect(abs(rows[c].mean - f.importancesMean[c]) <= 1e-9)
            #expect(abs(rows[c].standardDeviation - f.importancesStd[c]) <= 1e-9)
        }
    }

    /// y = 2·a − 3·b: reasons are exactly coefficient × (x − median), largest first.
    @Test func reasonsOfALinearModelAreCoefficientTimesDistanceFromTheMedian() throws {
        let a: [Double] = [0, 1, 2, 3, 4], b: [Double] = [5, 1, 3, 2, 4]
        let x = FeatureMatrix(rows: 5, columns: 2, values: a + b, names: ["a", "b"])
        let model = try LinearRegression.fit(x, .values(zip(a, b).map { 2 * $0 - 3 * $1 }))
        let columns = SourceColumns(plainNames: ["a", "b"])
        let reference = columns.reference(from: x)
        #expect(reference == [2, 3])
        let reasons = ReasonCodes.compute(x: x, columns: columns, reference: reference, predict: model.predict)
        // Row 0: a effect 2·(0−2) = −4, b effect −3·(5−3) = −6 → b first.
        #expect(reasons[0].map(\.column) == ["b", "a"])
        #expect(abs(reasons[0][0].effect - -6) < 1e-9 && abs(reasons[0][1].effect - -4) < 1e-9)
        // Row 2 sits at the reference of a (2) and b (3): no reasons.
        #expect(reasons[2].isEmpty)
    }

    @Test func oneHotColumnsAreShuffledAndSetTogether() throws {
        let encoding = FeatureEncoding(inputs: [.number(column: "age", fill: 40, missingIndicator: true),
                                                .category(column: "job", levels: ["a", "b", "c"])], leftOut: [])
        let columns = SourceColumns(encoding)
        #expect(columns.names == ["age", "job"])
        #expect(columns.matrixColumns(0) == [0, 1] && columns.matrixColumns(1) == [2, 3, 4])
        // job: b, b, c → the reference is b's dummy.
        let x = FeatureMatrix(rows: 3, columns: 5, values: [30, 40, 50, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1],
                              names: encoding.outputNames)
        #expect(columns.reference(from: x) == [40, 0, 0, 1, 0])
        let points = PartialDependence.summary(x: x, columns: columns, column: 1) { m in
            .values((0..<m.rows).map { m[$0, 3] * 10 + m[$0, 0] })
        }
        #expect(points.map(\.value) == ["a", "b", "c"])
        #expect(points.map(\.meanScore) == [40, 50, 40])
    }
    /// Partial dependence at interpolated quantiles: the values where the model is evaluated
    /// carry binary noise (84.60000000000001), their labels do not (84.6).
    @Test func dependenceLabelsShowNoBinaryNoise() throws {
        let values: [Double] = [84.1, 84.2, 84.4, 84.5, 84.7, 84.9, 3262.5, 3262.71, 3262.72, 3262.9]
        let encoding = FeatureEncoding(inputs: [.number(column: "amount", fill: 84.5, missingIndicator: false)], leftOut: [])
        let columns = SourceColumns(encoding)
        let x = FeatureMatrix(rows: values.count, columns: 1, values: values, names: encoding.outputNames)
        let points = PartialDependence.summary(x: x, columns: columns, column: 0) { m in .values(Array(m.column(0))) }
        let quantiles = [0.1, 0.3, 0.5, 0.7, 0.9].compactMap { Statistics.quantile(values.sorted(), $0) }
        #expect(quantiles.contains { ValueText.formatNumber($0).count > 12 }, "the data should produce noisy quantiles: \(quantiles)")
        #expect(points.map(\.value) == quantiles.map(ValueText.summary))
        for point in points {
            #expect(point.value.filter(\.isNumber).count <= 4, "\(point.value)")
        }
    }
}

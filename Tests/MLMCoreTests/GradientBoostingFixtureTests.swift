import Foundation
import Testing
@testable import MLMCore

/// gradient_boosting against LightGBM 4.7.0 with the same settings on 400 training rows
/// (numbers with missing values and a 6-level category), scored on 200 held-out rows; made by
/// Fixtures/boosting/make_fixtures.py. Bin edges and tie-breaking differ, so scores are compared
/// with a tolerance rather than tree by tree.
private struct BoostingFixture: Decodable {
    let rows: Int
    let testRows: Int
    let columns: Int
    let categoryCounts: [Int]
    let names: [String]
    let x: [Double?]
    let xTest: [Double?]
    let target: [Double]
    let targetTest: [Double]
    let mlmSettings: [String: Double]
    let lightgbmAuc: Double?
    let lightgbmRmse: Double?
    let lightgbmAccuracy: Double?

    enum CodingKeys: String, CodingKey {
        case rows, testRows = "test_rows", columns, categoryCounts = "category_counts", names, x, xTest = "x_test"
        case target, targetTest = "target_test", mlmSettings = "mlm_settings", lightgbmAuc = "lightgbm_auc"
        case lightgbmRmse = "lightgbm_rmse", lightgbmAccuracy = "lightgbm_accuracy"
    }

    static func load(_ name: String) throws -> BoostingFixture {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/boosting/\(name)", withExtension: "json"))
        return try JSONDecoder().decode(BoostingFixture.self, from: Data(contentsOf: url))
    }

    func matrix(_ values: [Double?], rows: Int) -> FeatureMatrix {
        FeatureMatrix(rows: rows, columns: columns, values: values.map { $0 ?? .nan }, names: names, categoryCounts: categoryCounts)
    }

    var train: FeatureMatrix { matrix(x, rows: rows) }
    var test: FeatureMatrix { matrix(xTest, rows: testRows) }

    var parameters: Parameters {
        var values: [String: ParameterValue] = [:]
        for (name, value) in mlmSettings {
            values[name] = ["rate", "l2", "min_hessian"].contains(name) ? .number(value) : .integer(Int(value))
        }
        return Parameters(values)
    }
}

@Suite struct GradientBoostingFixtureTests {
    @Test func binaryAUCIsCloseToLightGBM() throws {
        let fixture = try BoostingFixture.load("binary")
        let target = Target.classes(labels: fixture.target.map { Int($0) }, classes: ["0", "1"])
        let model = try GradientBoosting.fit(fixture.train, target, parameters: fixture.parameters)
        guard case .probabilities(let p, 2) = model.predict(fixture.test) else { Issue.record("not binary"); return }
        let scores = stride(from: 1, to: p.count, by: 2).map { p[$0] }
        let auc = try #require(ClassificationMetrics.rocAUC(labels: fixture.targetTest.map { Int($0) }, scores: scores))
        let reference = try #require(fixture.lightgbmAuc)
        #expect(abs(auc - reference) < 0.02, "ours \(auc), LightGBM \(reference)")
    }

    @Test func regressionRMSEIsCloseToLightGBM() throws {
        let fixture = try BoostingFixture.load("regression")
        let model = try GradientBoosting.fit(fixture.train, .values(fixture.target), parameters: fixture.parameters)
        guard case .values(let predicted) = model.predict(fixture.test) else { Issue.record("not values"); return }
        let rmse = RegressionMetrics.rootMeanSquaredError(fixture.targetTest, predicted)
        let reference = try #require(fixture.lightgbmRmse)
        #expect(abs(rmse - reference) / reference < 0.05, "ours \(rmse), LightGBM \(reference)")
    }

    @Test func multiclassAccuracyIsCloseToLightGBM() throws {
        let fixture = try BoostingFixture.load("multiclass")
        let target = Target.classes(labels: fixture.target.map { Int($0) }, classes: ["0", "1", "2"])
        let model = try GradientBoosting.fit(fixture.train, target, parameters: fixture.parameters)
        guard case .probabilities(let p, 3) = model.predict(fixture.test) else { Issue.record("not 3 classes"); return }
        var hits = 0
        for row in 0..<fixture.testRows {
            let best = (0..<3).max { p[3 * row + $0] < p[3 * row + $1] }
            if best == Int(fixture.targetTest[row]) { hits += 1 }
        }
        let accuracy = Double(hits) / Double(fixture.testRows)
        let reference = try #require(fixture.lightgbmAccuracy)
        #expect(abs(accuracy - reference) < 0.04, "ours \(accuracy), LightGBM \(reference)")
    }
}

import Foundation
import Testing
@testable import MLMCore

/// The svm against scikit-learn: the primal objective LinearSVC reaches (both losses, with and
/// without sample weights), sklearn's Platt calibration, and the test AUC of
/// CalibratedClassifierCV(LinearSVC()). Fixtures made by Fixtures/svm/make_fixtures.py.
@Suite struct SupportVectorMachineFixtureTests {
    struct Fixture {
        let json: [String: Any]

        init(_ name: String) throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/svm/\(name)", withExtension: "json"))
            json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        }

        func matrix(_ key: String) throws -> FeatureMatrix {
            let columns = try #require(json[key] as? [[Double]])
            return FeatureMatrix(rows: columns[0].count, columns: columns.count, values: Array(columns.joined()),
                                 names: try #require(json["names"] as? [String]))
        }

        func numbers(_ key: String) throws -> [Double] { try #require(json[key] as? [Double]) }
        func labels(_ key: String) throws -> [Int] { try #require(json[key] as? [Int]) }
    }

    @Test func objectiveMatchesLinearSVC() throws {
        let fixture = try Fixture("linear_svc")
        let x = try fixture.matrix("x"), labels = try fixture.labels("y"), sampleWeights = try fixture.numbers("weights")
        let data = SupportVectorRows(x, scaling: LinearModelsSupport.ColumnScaling(x))
        let signs = labels.map { $0 == 1 ? 1.0 : -1.0 }
        for case_ in try #require(fixture.json["cases"] as? [[String: Any]]) {
            let c = try #require(case_["c"] as? Double), loss = try #require(case_["loss"] as? String)
            let weighted = try #require(case_["weighted"] as? Bool), expected = try #require(case_["objective"] as? Double)
            let costs = (weighted ? sampleWeights : [Double](repeating: 1, count: x.rows)).map { $0 * c }
            let members = Array(0..<x.rows)
            let outcome = loss == "hinge"
                ? try SupportVectorSolver(loss: .hinge, maxIterations: 100_000, tolerance: 1e-8)
                    .solve(data, members: members, signs: signs, costs: costs, seed: 1)
                : try SquaredHingeNewton(maxIterations: 100, tolerance: 1e-8)
                    .solve(data, members: members, signs: signs, costs: costs)
            #expect(outcome.converged, "\(loss) c \(c) did not converge")
            let value = SupportVectorSolver.objective(data, weights: outcome.weights, members: members, signs: signs,
                                                      costs: costs, loss: loss == "hinge" ? .hinge : .squaredHinge)
            // Never worse than sklearn; as good where liblinear itself converged (it stops short on
            // one weighted hinge case, where mlm's objective is lower).
            let sklearnConverged = try #require(case_["sklearn_converged"] as? Bool)
            #expect(value <= expected * (1 + 1e-4), "\(loss) c \(c) weighted \(weighted): objective \(value) vs sklearn \(expected)")
            #expect(!sklearnConverged || value >= expected * (1 - 1e-4), "\(loss) c \(c) weighted \(weighted): objective \(value) vs sklearn \(expected)")
            if loss == "squared_hinge" {
                // Strictly convex: the optimum itself is unique.
                expectClose(outcome.weights, try #require(case_["coefficients"] as? [Double]), relative: 1e-4, floor: 1e-3, "\(loss) coefficients")
            }
        }
    }

    @Test func plattScalingMatchesSigmoidCalibration() throws {
        let fixture = try Fixture("platt")
        let scores = try fixture.numbers("scores"), positive = try fixture.labels("labels").map { $0 == 1 }
        let weights = try fixture.numbers("weights")
        let plain = PlattScaling.fit(scores: scores, positive: positive, weights: [Double](repeating: 1, count: scores.count))
        expectClose([plain.a, plain.b], [try #require(fixture.json["a"] as? Double), try #require(fixture.json["b"] as? Double)],
                    relative: 1e-4, "unweighted sigmoid")
        let weighted = PlattScaling.fit(scores: scores, positive: positive, weights: weights)
        expectClose([weighted.a, weighted.b],
                    [try #require(fixture.json["a_weighted"] as? Double), try #require(fixture.json["b_weighted"] as? Double)],
                    relative: 1e-4, "weighted sigmoid")
    }

    @Test func calibratedAUCCloseToScikitLearn() throws {
        let fixture = try Fixture("linear_svc")
        let model = try SupportVectorMachine.fit(try fixture.matrix("x"), .classes(labels: try fixture.labels("y"), classes: ["0", "1"]))
        let scores = probabilities(model.predict(try fixture.matrix("x_test")))
        let positive = stride(from: 1, to: scores.count, by: 2).map { scores[$0] }
        let auc = try #require(ClassificationMetrics.rocAUC(labels: try fixture.labels("y_test"), scores: positive))
        let expected = try #require(fixture.json["calibrated_test_auc"] as? Double)
        #expect(abs(auc - expected) < 0.01, "test AUC \(auc) vs sklearn \(expected)")
    }
}

import Foundation
import Testing
@testable import MLMCore

/// The svm on a numeric target against scikit-learn's LinearSVR on standardized inputs (both
/// losses, two values of C, epsilon 0 and 10): coefficients, intercept, test predictions and
/// the primal objective. Fixtures made by Fixtures/svm/make_regression_fixtures.py.
@Suite struct SupportVectorRegressionFixtureTests {
    struct Case {
        let loss: String
        let c: Double
        let epsilon: Double
        let coefficients: [Double]
        let predictions: [Double]
        let objective: Double
    }

    struct Fixture {
        let x: FeatureMatrix
        let xTest: FeatureMatrix
        let y: [Double]
        let cases: [Case]

        init() throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/svm/linear_svr", withExtension: "json"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let names = try #require(json["names"] as? [String])
            func matrix(_ key: String) throws -> FeatureMatrix {
                let columns = try #require(json[key] as? [[Double]])
                return FeatureMatrix(rows: columns[0].count, columns: columns.count, values: Array(columns.joined()), names: names)
            }
            x = try matrix("x")
            xTest = try matrix("x_test")
            y = try #require(json["y"] as? [Double])
            cases = try (try #require(json["cases"] as? [[String: Any]])).map { entry in
                Case(loss: try #require(entry["loss"] as? String), c: try #require(entry["c"] as? Double),
                     epsilon: try #require(entry["epsilon"] as? Double),
                     coefficients: try #require(entry["coefficients"] as? [Double]),
                     predictions: try #require(entry["predictions"] as? [Double]),
                     objective: try #require(entry["objective"] as? Double))
            }
        }
    }

    static func parameters(_ case_: Case, tight: Bool) -> Parameters {
        var values: [String: ParameterValue] = ["loss": .text(case_.loss), "c": .number(case_.c), "epsilon": .number(case_.epsilon)]
        if tight {
            values["tolerance"] = .number(1e-8)
            values["max_iterations"] = .integer(100_000)
        }
        return Parameters(values)
    }

    /// ½‖w‖² + ½b² + Σ C·loss at the model's coefficients, on the training rows.
    static func objective(_ model: SupportVectorMachineModel, _ fixture: Fixture, _ case_: Case) throws -> Double {
        let w = try #require(model.regression)
        guard case .values(let predicted) = model.predict(fixture.x) else { return .nan }
        var total = 0.5 * w.reduce(0) { $0 + $1 * $1 }
        for (p, y) in zip(predicted, fixture.y) {
            let excess = max(0, abs(y - p) - case_.epsilon)
            total += case_.c * (case_.loss == "epsilon_insensitive" ? excess : excess * excess)
        }
        return total
    }

    @Test func solutionMatchesLinearSVR() throws {
        let fixture = try Fixture()
        for case_ in fixture.cases {
            let what = "\(case_.loss) c \(case_.c) epsilon \(case_.epsilon)"
            let model = try SupportVectorMachine.fit(fixture.x, .values(fixture.y), parameters: Self.parameters(case_, tight: true))
            #expect(model.trainingNotes.contains { $0.contains("converged in") }, "\(what): \(model.trainingNotes)")
            // The optimum is unique (strictly convex primal); the floor of 1 makes near-zero
            // coefficients compare absolutely, in target units.
            expectClose(try #require(model.regression), case_.coefficients, relative: 1e-4, floor: 1, "\(what) coefficients")
            guard case .values(let predicted) = model.predict(fixture.xTest) else { Issue.record("\(what): not numbers"); continue }
            expectClose(predicted, case_.predictions, relative: 1e-4, floor: 1, "\(what) predictions")
            let value = try Self.objective(model, fixture, case_)
            #expect(abs(value - case_.objective) <= 1e-5 * case_.objective, "\(what): objective \(value) vs sklearn \(case_.objective)")
        }
    }

    /// With the defaults (tolerance 1e-4, at most 1000 iterations, as LinearSVR) the objective is
    /// already within 0.1% of the optimum.
    @Test func defaultSettingsGetCloseToTheOptimum() throws {
        let fixture = try Fixture()
        for case_ in fixture.cases {
            let model = try SupportVectorMachine.fit(fixture.x, .values(fixture.y), parameters: Self.parameters(case_, tight: false))
            let value = try Self.objective(model, fixture, case_)
            #expect(value <= case_.objective * (1 + 1e-3), "\(case_.loss) c \(case_.c) epsilon \(case_.epsilon): objective \(value) vs sklearn \(case_.objective)")
        }
    }
}

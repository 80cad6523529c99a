import Foundation
import Testing
import MLMCore

@Suite struct RidgeRegressionTests {
    private func expectMatches(_ model: LinearRegressionModel, _ reference: [String: Any], _ test: FeatureMatrix) throws {
        expectClose(model.coefficients, try #require(reference["coefficients"] as? [Double]), relative: 1e-8, "coefficients")
        expectClose([model.intercept], [try #require(reference["intercept"] as? Double)], relative: 1e-8, "intercept")
        expectClose(predictedValues(model.predict(test)), try #require(reference["predictions"] as? [Double]),
                    relative: 1e-9, "predictions")
    }

    @Test func matchesScikitLearnRidge() throws {
        let fixture = try LinearFixture("regression")
        let model = try RidgeRegression.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")),
                                            parameters: Parameters(["alpha": .number(1)]))
        #expect(model.algorithm == "ridge")
        try expectMatches(model, try fixture.case_("ridge_1"), try fixture.matrix("x_test"))
    }

    @Test func sampleWeightsMatchScikitLearnsSampleWeight() throws {
        let fixture = try LinearFixture("regression")
        let model = try RidgeRegression.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")),
                                            weights: try fixture.numbers("sample_weights"),
                                            parameters: Parameters(["alpha": .number(1000)]))
        try expectMatches(model, try fixture.case_("ridge_1000_weighted"), try fixture.matrix("x_test"))
    }

    @Test func handComputedShrinkage() throws {
        // Centred x = (−1, 1), y = (−2, 2): w = Σxy / (Σx² + alpha) = 4 / (2 + 2) = 1.
        let x = FeatureMatrix(rows: 2, columns: 1, values: [0, 2], names: ["x"])
        let model = try RidgeRegression.fit(x, .values([1, 5]), parameters: Parameters(["alpha": .number(2)]))
        #expect(abs(model.coefficients[0] - 1) < 1e-12 && abs(model.intercept - 2) < 1e-12)
    }

    @Test func rejectsAnAlphaOutOfRange() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [0, 2], names: ["x"])
        #expect(throws: ModelError("parameter 'alpha' of ridge must be a number from 0 to 1,000,000; got -1")) {
            try RidgeRegression.fit(x, .values([1, 5]), parameters: Parameters(["alpha": .number(-1)]))
        }
    }

    @Test func savedAndLoadedModelPredictsBitIdentically() throws {
        let fixture = try LinearFixture("regression")
        let model = try RidgeRegression.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")))
        let loaded = try roundTrip(model, RidgeRegression.algorithm)
        let test = try fixture.matrix("x_test")
        #expect(loaded.algorithm == "ridge" && loaded.predict(test) == model.predict(test))
    }
}

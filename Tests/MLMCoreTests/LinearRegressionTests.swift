import Foundation
import Testing
import MLMCore

@Suite struct LinearRegressionTests {
    @Test func ordinaryLeastSquaresMatchesScikitLearn() throws {
        let fixture = try LinearFixture("regression")
        let reference = try fixture.case_("linear")
        let model = try LinearRegression.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")))
        expectClose(model.coefficients, try #require(reference["coefficients"] as? [Double]), relative: 1e-8, "coefficients")
        expectClose([model.intercept], [try #require(reference["intercept"] as? Double)], relative: 1e-8, "intercept")
        expectClose(predictedValues(model.predict(try fixture.matrix("x_test"))),
                    try #require(reference["predictions"] as? [Double]), relative: 1e-9, "predictions")
    }

    @Test func collinearOneHotColumnsStillPredictLikeTheMinimumNormFit() throws {
        let fixture = try LinearFixture("regression")
        let reference = try fixture.case_("collinear_linear")
        let model = try LinearRegression.fit(try fixture.matrix("collinear_x_train", namesKey: "collinear_names"),
                                             .values(try fixture.numbers("y_train")))
        #expect(model.trainingNotes.contains { $0.hasPrefix("some columns are exact combinations of others") })
        expectClose(predictedValues(model.predict(try fixture.matrix("collinear_x_test", namesKey: "collinear_names"))),
                    try #require(reference["predictions"] as? [Double]), relative: 1e-7, "predictions")
    }

    @Test func handComputedLineThroughThreePoints() throws {
        // y = 1 + 2x exactly: slope 2, intercept 1.
        let x = FeatureMatrix(rows: 3, columns: 1, values: [0, 1, 2], names: ["x"])
        let model = try LinearRegression.fit(x, .values([1, 3, 5]))
        #expect(abs(model.coefficients[0] - 2) < 1e-12 && abs(model.intercept - 1) < 1e-12)
    }

    @Test func degenerateInputsFitTheMeanInsteadOfTrapping() throws {
        let oneRow = FeatureMatrix(rows: 1, columns: 2, values: [3, 4], names: ["a", "b"])
        let single = try LinearRegression.fit(oneRow, .values([7]))
        #expect(predictedValues(single.predict(oneRow)) == [7])
        let constant = FeatureMatrix(rows: 3, columns: 1, values: [5, 5, 5], names: ["flat"])
        let flat = try LinearRegression.fit(constant, .values([1, 2, 6]))
        #expect(flat.coefficients == [0] && abs(flat.intercept - 3) < 1e-12)
        #expect(flat.trainingNotes.contains("constant column 'flat' got coefficient 0"))
        let empty = FeatureMatrix(rows: 2, columns: 0, values: [], names: [])
        #expect(predictedValues(try LinearRegression.fit(empty, .values([1, 3])).predict(empty)) == [2, 2])
    }

    @Test func refusesClassTargetsAndBadWeights() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [1, 2], names: ["a"])
        #expect(throws: ModelError("linear predicts numbers, but the target holds classes; use a classifier such as logistic")) {
            try LinearRegression.fit(x, .classes(labels: [0, 1], classes: ["no", "yes"]))
        }
        #expect(throws: ModelError("sample weights of linear must be finite and not negative; row 2 has nan")) {
            try LinearRegression.fit(x, .values([1, 2]), weights: [1, .nan])
        }
        #expect(throws: ModelError("linear needs at least one row to train on; got 0 rows")) {
            try LinearRegression.fit(FeatureMatrix(rows: 0, columns: 1, values: [], names: ["a"]), .values([]))
        }
    }

    @Test func savedAndLoadedModelPredictsBitIdentically() throws {
        let fixture = try LinearFixture("regression")
        let model = try LinearRegression.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")))
        let loaded = try roundTrip(model, LinearRegression.algorithm)
        let test = try fixture.matrix("x_test")
        #expect(loaded.algorithm == "linear" && loaded.predict(test) == model.predict(test))
    }
}

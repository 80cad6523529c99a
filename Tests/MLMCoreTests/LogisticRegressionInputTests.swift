import Foundation
import Testing
import MLMCore

@Suite struct LogisticRegressionInputTests {
    private let twoRows = FeatureMatrix(rows: 2, columns: 1, values: [0, 1], names: ["x"])

    @Test func aSingleClassTargetIsRefusedByName() {
        #expect(throws: ModelError("the target has only one class ('no'); logistic needs rows of at least two classes to learn the difference")) {
            try LogisticRegression.fit(twoRows, .classes(labels: [0, 0], classes: ["no", "yes"]))
        }
        let oneRow = FeatureMatrix(rows: 1, columns: 1, values: [3], names: ["x"])
        #expect(throws: ModelError("the target has only one class ('yes'); logistic needs rows of at least two classes to learn the difference")) {
            try LogisticRegression.fit(oneRow, .classes(labels: [1], classes: ["no", "yes"]))
        }
    }

    @Test func noInputColumnsLearnTheClassShare() throws {
        let empty = FeatureMatrix(rows: 4, columns: 0, values: [], names: [])
        let model = try LogisticRegression.fit(empty, .classes(labels: [0, 1, 1, 1], classes: ["no", "yes"]),
                                               parameters: Parameters(["tolerance": .number(1e-12)]))
        expectNear(probabilities(model.predict(empty)), [0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75], absolute: 1e-10, "shares")
    }

    @Test func aConstantColumnGetsCoefficientZero() throws {
        let x = FeatureMatrix(rows: 4, columns: 2, values: [0, 1, 2, 3, 7, 7, 7, 7], names: ["x", "flat"])
        let target = Target.classes(labels: [0, 1, 0, 1], classes: ["no", "yes"])
        for penalty in ["l2", "l1", "none"] {
            let model = try LogisticRegression.fit(x, target, parameters: Parameters(["penalty": .text(penalty)]))
            #expect(model.coefficients[0][1] == 0, "\(penalty)")
        }
    }

    @Test func classesAbsentFromTrainingGetProbabilityZero() throws {
        let x = FeatureMatrix(rows: 4, columns: 1, values: [0, 1, 5, 6], names: ["x"])
        let model = try LogisticRegression.fit(x, .classes(labels: [0, 0, 2, 2], classes: ["a", "b", "c"]))
        let p = probabilities(model.predict(x))
        #expect(p.count == 12 && (0..<4).allSatisfy { p[$0 * 3 + 1] == 0 })
        #expect(model.trainingNotes.contains("class 'b' does not occur in the training rows; its probability is always 0"))
    }

    @Test func badWeightsAndInputsAreRefusedWithTheValue() {
        let target = Target.classes(labels: [0, 1], classes: ["no", "yes"])
        #expect(throws: ModelError("sample weights of logistic must be finite and not negative; row 1 has -1.0")) {
            try LogisticRegression.fit(twoRows, target, weights: [-1, 1])
        }
        #expect(throws: ModelError("sample weights of logistic must not all be zero")) {
            try LogisticRegression.fit(twoRows, target, weights: [0, 0])
        }
        let withNaN = FeatureMatrix(rows: 2, columns: 1, values: [0, .nan], names: ["balance"])
        #expect(throws: ModelError("logistic needs finite inputs; column 'balance' has nan in row 2")) {
            try LogisticRegression.fit(withNaN, target)
        }
        #expect(throws: ModelError("logistic predicts classes, but the target is a number; use a regression algorithm such as linear or ridge")) {
            try LogisticRegression.fit(twoRows, .values([0, 1]))
        }
    }

    @Test func parametersOutOfRangeAreNamed() {
        let target = Target.classes(labels: [0, 1], classes: ["no", "yes"])
        #expect(throws: ModelError("parameter 'c' of logistic must be a number above 0 and at most 1,000,000; got 0")) {
            try LogisticRegression.fit(twoRows, target, parameters: Parameters(["c": .number(0)]))
        }
        #expect(throws: ModelError("parameter 'iterations' of logistic must be a whole number from 1 to 10,000; got 0")) {
            try LogisticRegression.fit(twoRows, target, parameters: Parameters(["iterations": .integer(0)]))
        }
        #expect(throws: ModelError("parameter 'penalty' of logistic must be one of l2, l1, elasticnet, none; got lasso")) {
            try LogisticRegression.fit(twoRows, target, parameters: Parameters(["penalty": .text("lasso")]))
        }
    }

    @Test func aMatrixOfTheWrongWidthPredictsNaNInsteadOfTrapping() throws {
        let model = try LogisticRegression.fit(twoRows, .classes(labels: [0, 1], classes: ["no", "yes"]))
        let wide = FeatureMatrix(rows: 1, columns: 2, values: [1, 2], names: ["x", "y"])
        #expect(probabilities(model.predict(wide)).allSatisfy { $0.isNaN })
    }

    @Test func separableDataWithoutPenaltyStopsAndSaysSo() throws {
        let model = try LogisticRegression.fit(twoRows, .classes(labels: [0, 1], classes: ["no", "yes"]),
                                               parameters: Parameters(["penalty": .text("none"), "iterations": .integer(50)]))
        let p = probabilities(model.predict(twoRows))
        #expect(p.allSatisfy { $0.isFinite } && p[1] < 0.01 && p[3] > 0.99)
        #expect(model.trainingNotes.first.map { $0.hasPrefix("did not converge") || $0.hasPrefix("converged") } == true)
    }
}

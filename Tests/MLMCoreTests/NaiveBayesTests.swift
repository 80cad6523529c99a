import Foundation
import Testing
import MLMCore

@Suite struct NaiveBayesTests {
    @Test func matchesScikitLearnsGaussianNB() throws {
        for name in ["binary", "multiclass"] {
            let fixture = try LinearFixture(name)
            let model = try NaiveBayes.fit(try fixture.matrix("x_train"), try fixture.classTarget())
            let expected = try #require(try fixture.case_("naive_bayes")["probabilities"] as? [Double])
            expectNear(probabilities(model.predict(try fixture.matrix("x_test"))), expected, absolute: 1e-9, name)
        }
    }

    @Test func sampleWeightsMatchScikitLearnsSampleWeight() throws {
        let fixture = try LinearFixture("binary")
        let model = try NaiveBayes.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                       weights: try fixture.numbers("balanced_weights"))
        let expected = try #require(try fixture.case_("naive_bayes_balanced")["probabilities"] as? [Double])
        expectNear(probabilities(model.predict(try fixture.matrix("x_test"))), expected, absolute: 1e-9, "balanced")
    }

    @Test func handComputedPosterior() throws {
        // Class 0 at x = 0, 2 (mean 1, variance 1); class 1 at x = 4, 6 (mean 5, variance 1).
        // At x = 3 both densities are equal, so the posterior is the prior: ½ each.
        let x = FeatureMatrix(rows: 4, columns: 1, values: [0, 2, 4, 6], names: ["x"])
        let model = try NaiveBayes.fit(x, .classes(labels: [0, 0, 1, 1], classes: ["a", "b"]))
        let p = probabilities(model.predict(FeatureMatrix(rows: 1, columns: 1, values: [3], names: ["x"])))
        #expect(abs(p[0] - 0.5) < 1e-12 && abs(p[1] - 0.5) < 1e-12)
    }

    @Test func constantAndMissingInputsDoNotTrap() throws {
        let flat = FeatureMatrix(rows: 4, columns: 1, values: [2, 2, 2, 2], names: ["flat"])
        let model = try NaiveBayes.fit(flat, .classes(labels: [0, 1, 1, 1], classes: ["a", "b"]))
        expectNear(probabilities(model.predict(flat)), [0.25, 0.75, 0.25, 0.75, 0.25, 0.75, 0.25, 0.75], absolute: 1e-12, "priors")
        let none = FeatureMatrix(rows: 2, columns: 0, values: [], names: [])
        expectNear(probabilities(try NaiveBayes.fit(none, .classes(labels: [0, 1], classes: ["a", "b"])).predict(none)),
                   [0.5, 0.5, 0.5, 0.5], absolute: 1e-12, "no inputs")
    }

    @Test func absentClassesGetProbabilityZero() throws {
        let x = FeatureMatrix(rows: 4, columns: 1, values: [0, 1, 5, 6], names: ["x"])
        let model = try NaiveBayes.fit(x, .classes(labels: [0, 0, 2, 2], classes: ["a", "b", "c"]))
        let p = probabilities(model.predict(x))
        #expect(p.count == 12 && (0..<4).allSatisfy { p[$0 * 3 + 1] == 0 })
        #expect(model.trainingNotes.contains("class 'b' does not occur in the training rows; its probability is always 0"))
    }

    @Test func refusesASingleClass() {
        let x = FeatureMatrix(rows: 1, columns: 1, values: [1], names: ["x"])
        #expect(throws: ModelError("the target has only one class ('yes'); naive_bayes needs rows of at least two classes to learn the difference")) {
            try NaiveBayes.fit(x, .classes(labels: [1], classes: ["no", "yes"]))
        }
    }

    @Test func savedAndLoadedModelPredictsBitIdentically() throws {
        let fixture = try LinearFixture("multiclass")
        let model = try NaiveBayes.fit(try fixture.matrix("x_train"), try fixture.classTarget())
        let loaded = try roundTrip(model, NaiveBayes.algorithm)
        let test = try fixture.matrix("x_test")
        #expect(loaded.algorithm == "naive_bayes" && loaded.predict(test) == model.predict(test))
    }
}

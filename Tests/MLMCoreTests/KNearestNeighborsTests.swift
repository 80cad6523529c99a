import Foundation
import Testing
import MLMCore

@Suite struct KNearestNeighborsTests {
    private func settings(_ reference: [String: Any]) throws -> Parameters {
        Parameters(["k": .integer(try #require(reference["k"] as? Int)),
                    "weights": .text(try #require(reference["weights"] as? String))])
    }

    @Test func classSharesMatchScikitLearnBehindAStandardScaler() throws {
        for name in ["binary", "multiclass"] {
            let fixture = try LinearFixture(name)
            for reference in try #require(fixture["knn"] as? [[String: Any]]) {
                let model = try KNearestNeighbors.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                                      parameters: try settings(reference))
                expectNear(probabilities(model.predict(try fixture.matrix("x_test"))),
                           try #require(reference["probabilities"] as? [Double]), absolute: 1e-9, "\(name) \(reference["weights"]!)")
            }
        }
    }

    @Test func regressionMatchesScikitLearn() throws {
        let fixture = try LinearFixture("regression")
        for reference in try #require(fixture["knn"] as? [[String: Any]]) {
            let model = try KNearestNeighbors.fit(try fixture.matrix("x_train"), .values(try fixture.numbers("y_train")),
                                                  parameters: try settings(reference))
            expectClose(predictedValues(model.predict(try fixture.matrix("x_test"))),
                        try #require(reference["predictions"] as? [Double]), relative: 1e-9, "\(reference["weights"]!)")
        }
    }

    @Test func tiesGoToTheEarlierTrainingRow() throws {
        // Rows 0..3 at 0, 2, 2, 4 (standardized alike); the query 1 is equally far from 0 and 2.
        let x = FeatureMatrix(rows: 4, columns: 1, values: [0, 2, 2, 4], names: ["x"])
        let model = try KNearestNeighbors.fit(x, .values([10, 20, 30, 40]), parameters: Parameters(["k": .integer(2)]))
        let query = FeatureMatrix(rows: 1, columns: 1, values: [1], names: ["x"])
        // Nearest: row 0 and row 1 (distance 1 each); row 2 ties with row 1 but comes later.
        #expect(predictedValues(model.predict(query)) == [15])
    }

    @Test func distanceWeightsGiveAnExactMatchAllTheWeight() throws {
        let x = FeatureMatrix(rows: 3, columns: 1, values: [0, 1, 5], names: ["x"])
        let model = try KNearestNeighbors.fit(x, .classes(labels: [0, 1, 1], classes: ["no", "yes"]),
                                              parameters: Parameters(["k": .integer(3), "weights": .text("distance")]))
        #expect(probabilities(model.predict(FeatureMatrix(rows: 1, columns: 1, values: [0], names: ["x"]))) == [1, 0])
        #expect(model.trainingNotes == ["inputs standardized using training means and standard deviations"])
    }

    @Test func smallTrainingSetsLowerKAndSayWhy() throws {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [0, 1], names: ["x"])
        let model = try KNearestNeighbors.fit(x, .classes(labels: [0, 1], classes: ["no", "yes"]))
        #expect(model.k == 2)
        #expect(model.trainingNotes.contains("k lowered from 5 to 2, the number of training rows"))
        #expect(probabilities(model.predict(x)) == [0.5, 0.5, 0.5, 0.5])
    }

    @Test func refusesASingleClassAndBadSettings() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [0, 1], names: ["x"])
        #expect(throws: ModelError("the target has only one class ('no'); knn needs rows of at least two classes to learn the difference")) {
            try KNearestNeighbors.fit(x, .classes(labels: [0, 0], classes: ["no", "yes"]))
        }
        #expect(throws: ModelError("parameter 'k' of knn must be a whole number from 1 to 1,000; got 0")) {
            try KNearestNeighbors.fit(x, .values([1, 2]), parameters: Parameters(["k": .integer(0)]))
        }
    }

    @Test func savedAndLoadedModelPredictsBitIdentically() throws {
        let fixture = try LinearFixture("multiclass")
        let model = try KNearestNeighbors.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                              parameters: Parameters(["weights": .text("distance")]))
        let loaded = try roundTrip(model, KNearestNeighbors.algorithm)
        let test = try fixture.matrix("x_test")
        #expect(loaded.algorithm == "knn" && loaded.predict(test) == model.predict(test))
    }
}

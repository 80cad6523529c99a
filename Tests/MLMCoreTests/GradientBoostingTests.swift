import Foundation
import Testing
@testable import MLMCore

/// gradient_boosting end to end on small synthetic data: the three tasks, early stopping,
/// determinism, missing values, options and degenerate data.
@Suite struct GradientBoostingTests {
    /// Two numbers and a 4-level category; `y` depends on all three, with noise.
    func data(rows: Int, seed: UInt64, missingShare: Double = 0) -> (FeatureMatrix, [Double]) {
        var random = SeededGenerator(seed: seed)
        var a: [Double] = [], b: [Double] = [], c: [Double] = [], y: [Double] = []
        for _ in 0..<rows {
            let (u, v, level) = (random.nextUnit() * 4 - 2, random.nextUnit() * 4 - 2, random.nextInt(below: 4))
            y.append(sin(2 * u) + 0.5 * v + [0, 1, -1, 0.5][level] + (random.nextUnit() - 0.5))
            a.append(random.nextUnit() < missingShare ? .nan : u)
            b.append(v)
            c.append(Double(level))
        }
        return (FeatureMatrix(rows: rows, columns: 3, values: a + b + c, names: ["a", "b", "c"], categoryCounts: [0, 0, 4]), y)
    }

    func classes(_ y: [Double]) -> Target {
        .classes(labels: y.map { $0 > 0.3 ? 1 : 0 }, classes: ["no", "yes"])
    }

    func positiveScores(_ predictions: Predictions) -> [Double] {
        guard case .probabilities(let p, 2) = predictions else { return [] }
        return stride(from: 1, to: p.count, by: 2).map { p[$0] }
    }

    @Test func binaryClassifierRanksHeldOutRowsWell() throws {
        let (x, y) = data(rows: 600, seed: 1)
        let (xt, yt) = data(rows: 300, seed: 2)
        let model = try GradientBoosting.fit(x, classes(y), parameters: Parameters(["trees": .integer(50)]))
        let labels = yt.map { $0 > 0.3 ? 1 : 0 }
        let auc = try #require(ClassificationMetrics.rocAUC(labels: labels, scores: positiveScores(model.predict(xt))))
        #expect(auc > 0.85)
        #expect(model.rounds == 50)
    }

    @Test func regressionFitsBetterThanTheMean() throws {
        let (x, y) = data(rows: 600, seed: 3)
        let (xt, yt) = data(rows: 300, seed: 4)
        let model = try GradientBoosting.fit(x, .values(y))
        guard case .values(let predicted) = model.predict(xt) else { Issue.record("not values"); return }
        let mean = yt.reduce(0, +) / Double(yt.count)
        let rmse = RegressionMetrics.rootMeanSquaredError(yt, predicted)
        let baseline = RegressionMetrics.rootMeanSquaredError(yt, yt.map { _ in mean })
        #expect(rmse < 0.6 * baseline)
    }

    @Test func multiclassGrowsOneTreePerClassPerRound() throws {
        let (x, y) = data(rows: 600, seed: 5)
        let target = Target.classes(labels: y.map { $0 < -0.5 ? 0 : $0 < 0.8 ? 1 : 2 }, classes: ["low", "mid", "high"])
        let model = try GradientBoosting.fit(x, target, parameters: Parameters(["trees": .integer(20)]))
        #expect(model.trees.count == 60)
        guard case .probabilities(let p, 3) = model.predict(x) else { Issue.record("not 3 classes"); return }
        for row in 0..<x.rows { #expect(abs(p[3 * row] + p[3 * row + 1] + p[3 * row + 2] - 1) < 1e-12) }
        guard case .classes(let labels, _) = target else { return }
        var hits = 0
        for row in 0..<x.rows {
            let best = (0..<3).max { p[3 * row + $0] < p[3 * row + $1] }
            if best == labels[row] { hits += 1 }
        }
        #expect(Double(hits) / Double(x.rows) > 0.7)
    }

    @Test func earlyStoppingOnValidationKeepsTheBestRound() throws {
        let (x, y) = data(rows: 400, seed: 6)
        let (xv, yv) = data(rows: 200, seed: 7)
        let parameters = Parameters(["trees": .integer(500), "rate": .number(0.3), "early_stopping": .integer(5)])
        let model = try GradientBoosting.fit(x, classes(y), parameters: parameters,
                                             validation: ValidationData(x: xv, target: classes(yv)))
        #expect(model.rounds < 500)
        let note = try #require(model.trainingNotes.first { $0.hasPrefix("early stopping") })
        #expect(note.contains("on the validation rows (200)"))
        #expect(note.contains("best round \(model.rounds) of \(model.rounds + 5)"))
        // The kept rounds are the best: one more or one fewer round scores worse on validation.
        let loss = { (rounds: Int) -> Double in
            let trimmed = GradientBoostingModel(classes: model.classes, featureCount: 3, objective: .binary,
                                                initialScores: model.initialScores, trees: Array(model.trees.prefix(rounds)),
                                                categorical: model.categorical, notes: [])
            return BoostingObjective.binary.loss(trimmed.rawScores(xv), BoostingObjective.labels(classes(yv)), rows: xv.rows)
        }
        #expect(loss(model.rounds) < loss(model.rounds - 1))
    }

    @Test func earlyStoppingWithoutValidationHoldsOutTenPercent() throws {
        let (x, y) = data(rows: 500, seed: 8)
        let parameters = Parameters(["trees": .integer(300), "rate": .number(0.3), "early_stopping": .integer(3)])
        let model = try GradientBoosting.fit(x, classes(y), parameters: parameters)
        #expect(model.rounds < 300)
        #expect(model.trainingNotes.contains { $0.contains("10% of the training rows held out (50, stratified, seed 0)") })
    }

    @Test func sameSeedGivesTheSameModel() throws {
        let (x, y) = data(rows: 500, seed: 9, missingShare: 0.1)
        let parameters = Parameters(["subsample": .number(0.7), "colsample": .number(0.67), "seed": .integer(3), "trees": .integer(30)])
        let first = try GradientBoosting.fit(x, classes(y), parameters: parameters)
        let second = try GradientBoosting.fit(x, classes(y), parameters: parameters)
        #expect(first.trees == second.trees)
        let other = try GradientBoosting.fit(x, classes(y), parameters: Parameters(["subsample": .number(0.7), "seed": .integer(4), "trees": .integer(30)]))
        #expect(first.trees != other.trees)
    }

    @Test func missingValuesFollowTheLearnedDirection() throws {
        // Missing 'a' rows behave like high 'a' rows.
        var a: [Double] = [], y: [Double] = []
        for i in 0..<300 {
            let high = i % 2 == 0
            a.append(i % 3 == 0 ? .nan : (high ? 5 : -5) + Double(i % 7))
            y.append(high ? 10 : 0)
        }
        let x = FeatureMatrix(rows: 300, columns: 1, values: a, names: ["a"])
        let model = try GradientBoosting.fit(x, .values(y), parameters: Parameters(["trees": .integer(1), "leaves": .integer(2), "rate": .number(1)]))
        // Half the missing rows are high: the missing side gets about 5 and must be one side.
        let probe = FeatureMatrix(rows: 3, columns: 1, values: [.nan, 100, -100], names: ["a"])
        guard case .values(let v) = model.predict(probe) else { Issue.record("not values"); return }
        #expect(v[0] == v[1] || v[0] == v[2])
    }

    @Test func unseenCategoryGoesRightAndNaNPredicts() throws {
        let (x, y) = data(rows: 400, seed: 10)
        let model = try GradientBoosting.fit(x, .values(y), parameters: Parameters(["trees": .integer(10)]))
        let probe = FeatureMatrix(rows: 2, columns: 3, values: [0.5, 0.5, 0.3, 0.3, 7, .nan], names: ["a", "b", "c"],
                                  categoryCounts: [0, 0, 4])
        guard case .values(let v) = model.predict(probe) else { Issue.record("not values"); return }
        #expect(v.allSatisfy { $0.isFinite })
        #expect(v[0] == v[1]) // an unseen level (7) and a missing level go the same way
    }

    @Test func importancesFavourTheInformativeInput() throws {
        let (x, y) = data(rows: 500, seed: 11)
        var values = x.values
        var random = SeededGenerator(seed: 12)
        for row in 0..<x.rows { values[row + x.rows] = random.nextUnit() } // 'b' becomes noise
        let noisy = FeatureMatrix(rows: x.rows, columns: 3, values: values, names: x.names, categoryCounts: x.categoryCounts)
        let model = try GradientBoosting.fit(noisy, .values(y))
        let shares = model.featureImportances
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        #expect(shares[0] > shares[1] && shares[2] > shares[1])
    }

    @Test func degenerateDataDoesNotTrap() throws {
        let one = FeatureMatrix(rows: 1, columns: 1, values: [1], names: ["a"])
        #expect(try GradientBoosting.fit(one, .values([3])).predict(one) == .values([3]))
        let constant = FeatureMatrix(rows: 50, columns: 2, values: [Double](repeating: 2, count: 50) + [Double](repeating: .nan, count: 50),
                                     names: ["a", "b"])
        let model = try GradientBoosting.fit(constant, .classes(labels: (0..<50).map { $0 % 2 }, classes: ["n", "y"]),
                                             parameters: Parameters(["early_stopping": .integer(2)]))
        #expect(model.trees.allSatisfy { $0.nodeCount == 0 })
        let sameTarget = try GradientBoosting.fit(constant, .values([Double](repeating: 4, count: 50)))
        #expect(sameTarget.predict(constant) == .values([Double](repeating: 4, count: 50)))
        let weighted = try GradientBoosting.fit(constant, .values((0..<50).map(Double.init)),
                                                weights: [0] + [Double](repeating: 1, count: 49))
        guard case .values(let v) = weighted.predict(constant) else { return }
        #expect(v.allSatisfy { $0.isFinite })
    }

    @Test func badOptionsAndDataGiveClearErrors() {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [1, 2], names: ["a"])
        let y = Target.values([1, 2])
        let cases: [(Parameters, String)] = [
            (Parameters(["leaves": .integer(1)]), "parameter 'leaves' of gradient_boosting must be a whole number from 2 to 1,024; got 1"),
            (Parameters(["rate": .number(0)]), "parameter 'rate' of gradient_boosting must be a number above 0 and at most 1; got 0"),
            (Parameters(["subsample": .number(1.5)]), "parameter 'subsample' of gradient_boosting must be a number above 0 and at most 1; got 1.5"),
            (Parameters(["max_bins": .integer(256)]), "parameter 'max_bins' of gradient_boosting must be a whole number from 2 to 255; got 256"),
            (Parameters(["trees": .text("many")]), "parameter 'trees' of gradient_boosting must be a whole number from 1 to 10,000; got many"),
        ]
        for (parameters, message) in cases {
            #expect(throws: ModelError(message)) { try GradientBoosting.fit(x, y, parameters: parameters) }
        }
        #expect(throws: ModelError("gradient_boosting got 2 rows of inputs but 3 target values; they must match")) {
            try GradientBoosting.fit(x, .values([1, 2, 3]))
        }
        #expect(throws: ModelError("sample weights of gradient_boosting must be finite and not negative; row 2 has nan")) {
            try GradientBoosting.fit(x, y, weights: [1, .nan])
        }
        #expect(throws: ModelError("gradient_boosting needs at least one row to train on; got 0 rows")) {
            try GradientBoosting.fit(FeatureMatrix(rows: 0, columns: 1, values: [], names: ["a"]), .values([]))
        }
    }
}

import Foundation
import Testing
@testable import MLMCore

/// The svm on hand-computed cases, its probabilities, determinism, model files and errors.
@Suite struct SupportVectorMachineTests {
    /// Two points at −1 and +1 (already standardized): by symmetry b = 0, and the objective
    /// ½w² + 2C·loss(w) is minimised at w = min(2C, 1) for the hinge (the points sit exactly on
    /// the margin, width 2) and w = 4C / (1 + 4C) for the squared hinge.
    @Test func separablePairHasTheHandComputedMargin() throws {
        let x = FeatureMatrix(rows: 2, columns: 1, values: [-1, 1], names: ["x"])
        let data = SupportVectorRows(x, scaling: LinearModelsSupport.ColumnScaling(x))
        let signs = [-1.0, 1.0]
        for c in [0.2, 1.0, 3.0] {
            let costs = [c, c]
            let hinge = try SupportVectorSolver(loss: .hinge, maxIterations: 10_000, tolerance: 1e-12)
                .solve(data, members: [0, 1], signs: signs, costs: costs, seed: 3)
            expectNear(hinge.weights, [min(2 * c, 1), 0], absolute: 1e-9, "hinge c \(c)")
            let squared = try SquaredHingeNewton(maxIterations: 50, tolerance: 1e-12).solve(data, members: [0, 1], signs: signs, costs: costs)
            expectNear(squared.weights, [4 * c / (1 + 4 * c), 0], absolute: 1e-9, "squared hinge c \(c)")
            let dual = try SupportVectorSolver(loss: .squaredHinge, maxIterations: 10_000, tolerance: 1e-12)
                .solve(data, members: [0, 1], signs: signs, costs: costs, seed: 3)
            expectNear(dual.weights, squared.weights, absolute: 1e-9, "dual and primal squared hinge c \(c)")
        }
    }

    static func blobs(rows: Int, classes: Int = 2, seed: UInt64 = 5) -> (FeatureMatrix, Target) {
        var generator = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: rows * 3), labels = [Int]()
        for row in 0..<rows {
            let label = row % classes
            labels.append(label)
            values[row] = Double(label) * 1.5 + generator.nextUnit() * 2
            values[rows + row] = 1000 + Double(label % 2) * 300 + generator.nextUnit() * 500
            values[2 * rows + row] = generator.nextUnit()
        }
        return (FeatureMatrix(rows: rows, columns: 3, values: values, names: ["a", "b", "noise"]),
                .classes(labels: labels, classes: (0..<classes).map { "class\($0)" }))
    }

    @Test func probabilitiesRankClassesAndSumToOne() throws {
        let (x, target) = Self.blobs(rows: 120)
        let model = try SupportVectorMachine.fit(x, target)
        let p = probabilities(model.predict(x))
        guard case .classes(let labels, _) = target else { return }
        let positive = stride(from: 1, to: p.count, by: 2).map { p[$0] }
        #expect(try #require(ClassificationMetrics.rocAUC(labels: labels, scores: positive)) > 0.9)
        for row in 0..<x.rows { #expect(abs(p[2 * row] + p[2 * row + 1] - 1) < 1e-12) }
        #expect(model.trainingNotes.contains { $0.contains("5 held-out folds") })
        #expect(model.trainingNotes.contains { $0.contains("converged") && !$0.contains("not") })
    }

    @Test func threeClassesOneVersusRest() throws {
        let (x, target) = Self.blobs(rows: 150, classes: 3)
        let p = probabilities(try SupportVectorMachine.fit(x, target, parameters: Parameters(["loss": .text("hinge")])).predict(x))
        #expect(p.count == 450)
        for row in 0..<150 { #expect(abs(p[3 * row] + p[3 * row + 1] + p[3 * row + 2] - 1) < 1e-12) }
    }

    @Test func seededFitsAreIdenticalAndSurviveAModelFile() throws {
        let (x, target) = Self.blobs(rows: 90)
        let weights = (0..<90).map { $0 % 4 == 0 ? 2.0 : 1.0 }
        let first = try SupportVectorMachine.fit(x, target, weights: weights, parameters: Parameters(["seed": .integer(9)]))
        let second = try SupportVectorMachine.fit(x, target, weights: weights, parameters: Parameters(["seed": .integer(9)]))
        #expect(first == second)
        let data = try JSONEncoder().encode(first)
        let loaded = try JSONDecoder().decode(SupportVectorMachineModel.self, from: data)
        #expect(loaded.predict(x) == first.predict(x))
    }

    @Test func tinyClassesFallBackToOneFold() throws {
        let x = FeatureMatrix(rows: 4, columns: 1, values: [0, 1, 2, 3], names: ["x"])
        let model = try SupportVectorMachine.fit(x, .classes(labels: [0, 0, 0, 1], classes: ["no", "yes"]))
        #expect(model.trainingNotes.first?.contains("too few rows") == true)
        #expect(probabilities(model.predict(x)).allSatisfy { $0.isFinite })
    }

    @Test func badSettingsNameTheParameter() {
        let (x, target) = Self.blobs(rows: 20)
        #expect(throws: ModelError("parameter 'c' of svm must be a number above 0 and at most 1,000,000; got 0")) {
            try SupportVectorMachine.fit(x, target, parameters: Parameters(["c": .number(0)]))
        }
        #expect(throws: ModelError("parameter 'c' of svm must be a number above 0 and at most 1,000,000; got -1")) {
            try SupportVectorMachine.fit(x, target, parameters: Parameters(["c": .number(-1)]))
        }
        #expect(throws: ModelError("parameter 'loss' of svm must be one of hinge, squared_hinge, epsilon_insensitive, squared_epsilon_insensitive; got log")) {
            try SupportVectorMachine.fit(x, target, parameters: Parameters(["loss": .text("log")]))
        }
        #expect(throws: ModelError("parameter 'folds' of svm must be a whole number from 2 to 20; got 1")) {
            try SupportVectorMachine.fit(x, target, parameters: Parameters(["folds": .integer(1)]))
        }
        #expect(throws: (any Error).self) { try SupportVectorMachine.fit(x, .values([Double](repeating: 1, count: 20))) }
    }
}

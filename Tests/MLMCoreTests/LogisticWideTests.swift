import Foundation
import Testing
@testable import MLMCore

/// Logistic regression with more inputs than rows: solved with L-BFGS on inputs read in blocks of
/// columns (sparse ones at their nonzero cells), checked against scikit-learn's lbfgs
/// (Fixtures/linear/make_wide_fixtures.py) and against the Newton path where both apply.
@Suite struct LogisticWideTests {
    private static let precise = Parameters(["tolerance": .number(1e-10), "iterations": .integer(10000)])

    private func fixture() throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/linear/wide", withExtension: "json"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Training and test matrices of the dense case: one string of digits per column.
    private func denseCase(_ json: [String: Any]) throws -> (FeatureMatrix, FeatureMatrix, Target, [[String: Any]]) {
        let rows = try #require(json["rows"] as? Int), testRows = try #require(json["test_rows"] as? Int)
        let digits = try #require(json["digits"] as? [String])
        let cells = digits.map { column in column.map { Double(String($0))! } }
        let names = digits.indices.map { "x\($0)" }
        let train = FeatureMatrix(rows: rows, columns: cells.count, values: cells.flatMap { $0.prefix(rows) }, names: names)
        let test = FeatureMatrix(rows: testRows, columns: cells.count, values: cells.flatMap { $0.suffix(testRows) }, names: names)
        let labels = try #require(json["y_train"] as? [Int])
        return (train, test, .classes(labels: labels, classes: ["0", "1"]), try #require(json["fits"] as? [[String: Any]]))
    }

    /// The one-hot case: input `c · levels + level` is 1 for the row's level of category column c.
    private func oneHotCase(_ json: [String: Any]) throws -> (FeatureMatrix, FeatureMatrix, Target, [[String: Any]]) {
        let rows = try #require(json["rows"] as? Int), levels = try #require(json["levels"] as? Int)
        let codes = try #require(json["codes"] as? [[Int]])
        let width = codes[0].count * levels
        func matrix(_ selected: ArraySlice<[Int]>) -> FeatureMatrix {
            var values = [Double](repeating: 0, count: selected.count * width)
            for (i, row) in selected.enumerated() {
                for (c, level) in row.enumerated() { values[(c * levels + level) * selected.count + i] = 1 }
            }
            return FeatureMatrix(rows: selected.count, columns: width, values: values, names: (0..<width).map { "x\($0)" })
        }
        let labels = try #require(json["y_train"] as? [Int])
        return (matrix(codes.prefix(rows)), matrix(codes.dropFirst(rows)), .classes(labels: labels, classes: ["0", "1"]),
                try #require(json["fits"] as? [[String: Any]]))
    }

    private func expectMatchesScikitLearn(_ train: FeatureMatrix, _ test: FeatureMatrix, _ target: Target,
                                          _ reference: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let c = try #require(reference["c"] as? Double)
        var parameters = Self.precise
        parameters.values["c"] = .number(c)
        let model = try LogisticRegression.fit(train, target, parameters: parameters)
        #expect(model.converged, sourceLocation: sourceLocation)
        #expect(model.trainingNotes.first?.contains("solved with L-BFGS") == true, "\(model.trainingNotes)",
                sourceLocation: sourceLocation)
        // sklearn's lbfgs itself is within ~2e-8 of newton-cholesky's coefficients and ~4e-7 of its
        // probabilities on these problems (printed by the fixture script). The intercept on the
        // raw scale, b − Σⱼ wⱼ meanⱼ, adds up 2,000 such differences times means of about 4.5.
        expectNear(model.coefficients[0], try #require(reference["coefficients"] as? [Double]), absolute: 1e-6,
                   "coefficients (C \(c))", sourceLocation: sourceLocation)
        expectNear(model.intercepts, [try #require(reference["intercept"] as? Double)], absolute: 5e-5,
                   "intercept (C \(c))", sourceLocation: sourceLocation)
        let positive = probabilities(model.predict(test)).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        expectNear(positive, try #require(reference["probabilities"] as? [Double]), absolute: 2e-6,
                   "test probabilities (C \(c))", sourceLocation: sourceLocation)
    }

    @Test func denseInputsOutnumberingRowsMatchScikitLearn() throws {
        let (train, test, target, fits) = try denseCase(try fixture()["dense"] as? [String: Any] ?? [:])
        #expect(train.rows == 40 && train.columns == 2000)
        for reference in fits { try expectMatchesScikitLearn(train, test, target, reference) }
    }

    @Test func sparseOneHotInputsMatchScikitLearn() throws {
        let (train, test, target, fits) = try oneHotCase(try fixture()["onehot"] as? [String: Any] ?? [:])
        #expect(train.rows == 200 && train.columns == 5000)
        let wide = LinearModelsSupport.WideInputs(train, scaling: LinearModelsSupport.ColumnScaling(train))
        #expect(wide.isSparse.allSatisfy { $0 }, "one-hot levels of 200 rows are kept as their nonzero cells")
        for reference in fits { try expectMatchesScikitLearn(train, test, target, reference) }
    }

    @Test func theSolverIsChosenByShapeAndHessianSize() {
        #expect(LogisticRegression.needsWideSolver(rows: 20, columns: 3000))
        #expect(LogisticRegression.needsWideSolver(rows: 40, columns: 40))
        #expect(LogisticRegression.needsWideSolver(rows: 1_000_000, columns: LogisticRegression.newtonInputLimit + 1))
        #expect(!LogisticRegression.needsWideSolver(rows: 1_000_000, columns: LogisticRegression.newtonInputLimit))
        #expect(!LogisticRegression.needsWideSolver(rows: 300, columns: 8))
    }

    /// The narrow and the wide form of the same objective, solved by the path each would take.
    private func bothPaths(_ x: FeatureMatrix, _ target: Target, _ settings: LogisticRegression.Settings)
        throws -> (narrow: LinearModelsSupport.OptimizationOutcome, wide: LinearModelsSupport.OptimizationOutcome) {
        let weights = [Double](repeating: 1, count: x.rows)
        let layout = try LinearModelsSupport.classLayout(target, weights: weights, algorithm: "logistic")
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let (ridge, lasso) = LogisticRegression.penaltyWeights(settings, scaling: scaling, totalWeight: Double(x.rows))
        func objective(wide: Bool) -> LogisticObjective {
            LogisticObjective(x: wide ? [] : scaling.standardized(x), rows: x.rows, columns: x.columns, labels: layout.labels,
                              weights: weights.map { $0 / Double(x.rows) }, classCount: layout.present.count, ridge: ridge,
                              wide: wide ? LinearModelsSupport.WideInputs(x, scaling: scaling) : nil)
        }
        return (LogisticRegression.solve(objective(wide: false), lasso: lasso, settings: settings),
                LogisticRegression.solve(objective(wide: true), lasso: lasso, settings: settings))
    }

    @Test func newtonAndTheWidePathReachTheSameOptimum() throws {
        let fixture = try LinearFixture("binary")
        var settings = LogisticRegression.Settings()
        settings.tolerance = 1e-10
        settings.iterations = 10000
        for c in [1.0, 0.01] {
            settings.c = c
            let (newton, wide) = try bothPaths(try fixture.matrix("x_train"), try fixture.classTarget(), settings)
            #expect(newton.converged && wide.converged)
            expectNear(wide.parameters, newton.parameters, absolute: 1e-7, "standardized coefficients, C \(c)")
        }
    }

    @Test func multinomialAndL1ReachTheSameOptimumOnBothInputForms() throws {
        var settings = LogisticRegression.Settings()
        settings.tolerance = 1e-10
        settings.iterations = 20000
        let multiclass = try LinearFixture("multiclass")
        let (narrow, wide) = try bothPaths(try multiclass.matrix("x_train"), try multiclass.classTarget(), settings)
        #expect(narrow.converged && wide.converged)
        expectNear(wide.parameters, narrow.parameters, absolute: 1e-6, "multinomial")
        let binary = try LinearFixture("binary")
        settings.penalty = "l1"
        settings.c = 0.5
        let (narrowL1, wideL1) = try bothPaths(try binary.matrix("x_train"), try binary.classTarget(), settings)
        expectNear(wideL1.parameters, narrowL1.parameters, absolute: 1e-6, "l1")
    }

    @Test func wideFitsAreReproducible() throws {
        let (train, _, target, _) = try oneHotCase(try fixture()["onehot"] as? [String: Any] ?? [:])
        let first = try LogisticRegression.fit(train, target), second = try LogisticRegression.fit(train, target)
        #expect(first == second)
    }
}

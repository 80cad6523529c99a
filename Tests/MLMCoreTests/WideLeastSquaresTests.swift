import Foundation
import Testing
@testable import MLMCore

/// Linear and ridge regression with as many inputs as rows or more go through the rows × rows
/// system (`DualLeastSquares`) instead of the inputs × inputs normal equations.
@Suite struct WideLeastSquaresTests {
    private func data(rows: Int, columns: Int) -> (FeatureMatrix, [Double], [Double]) {
        var generator = SeededGenerator(seed: 11)
        let values = (0..<(rows * columns)).map { _ in Double.random(in: -2..<2, using: &generator) * 10 + 5 }
        let x = FeatureMatrix(rows: rows, columns: columns, values: values, names: (0..<columns).map { "x\($0)" })
        let y = (0..<rows).map { i in 3 + 0.5 * x[i, 0] - 0.2 * x[i, 1] + Double.random(in: -1..<1, using: &generator) }
        let weights = (0..<rows).map { _ in Double.random(in: 0.5..<2, using: &generator) }
        return (x, y, weights)
    }

    @Test func ridgeThroughTheRowsSystemEqualsTheNormalEquations() throws {
        let (x, y, weights) = data(rows: 30, columns: 45)
        let model = try RidgeRegression.fit(x, .values(y), weights: weights, parameters: Parameters(["alpha": .number(2)]))
        #expect(model.trainingNotes.contains { $0.contains("rows × rows system") })
        let normal = LinearModelsSupport.NormalEquations(x, y: y, weights: weights).solve(alpha: 2)
        expectNear(model.coefficients, normal.coefficients, absolute: 1e-9, "ridge coefficients")
    }

    @Test func leastSquaresWithMoreInputsThanRowsFitsTheRowsWithSmallCoefficients() throws {
        let (x, y, weights) = data(rows: 20, columns: 300)
        let model = try LinearRegression.fit(x, .values(y), weights: weights)
        // Any exact fit interpolates; the chosen one is the smallest: it lies in the span of the
        // centred rows, so a tiny ridge (1e-8) gives the same coefficients.
        expectNear(predictedValues(model.predict(x)), y, absolute: 1e-5, "fitted values")
        let ridge = try RidgeRegression.fit(x, .values(y), weights: weights, parameters: Parameters(["alpha": .number(1e-8)]))
        expectNear(model.coefficients, ridge.coefficients, absolute: 1e-6, "minimum-norm coefficients")
    }

    @Test func constantColumnsGetZeroAndAreNamed() throws {
        var (x, y, _) = data(rows: 10, columns: 12)
        for i in 0..<10 { x.values[3 * 10 + i] = 7 }
        let model = try RidgeRegression.fit(x, .values(y))
        #expect(model.coefficients[3] == 0)
        #expect(model.trainingNotes.contains("constant column 'x3' got coefficient 0"))
    }
}

/// Column positions by name (one dictionary for steps that look up every column) and the batch
/// insert and removal one-hot encoding and `drop column` use.
@Suite struct DataFrameNameIndexTests {
    @Test func lookupsFollowEveryChange() {
        var frame = DataFrame(columns: ["a", "b", "c"].map { Column(name: $0, numbers: [1, 2]) })
        frame.insertColumns([Column(name: "b1", numbers: [0, 0]), Column(name: "b2", numbers: [0, 0])], after: "b")
        #expect(frame.columnNames == ["a", "b", "b1", "b2", "c"])
        #expect(frame.index(of: "c") == 4 && frame.index(of: "b2") == 3)
        frame.removeColumn(named: "a")
        #expect(frame.index(of: "b") == 0 && frame.index(of: "a") == nil)
        frame.renameColumn("c", to: "d")
        #expect(frame.index(of: "d") == 3 && frame.index(of: "c") == nil)
        frame.setColumn(Column(name: "e", numbers: [3, 4]))
        #expect(frame.index(of: "e") == 4)
        frame.removeColumns(named: ["b1", "e"])
        #expect(frame.columnNames == ["b", "b2", "d"] && frame.index(of: "d") == 2 && frame.index(of: "e") == nil)
        frame.selectColumns(["d", "b"])
        #expect(frame.index(of: "d") == 0 && frame.index(of: "b") == 1 && frame.index(of: "b2") == nil)
        #expect(frame.columnPositions() == ["d": 0, "b": 1])
    }
}

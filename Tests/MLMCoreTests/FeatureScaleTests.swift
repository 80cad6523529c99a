import Testing
@testable import MLMCore

@Suite("standardize, normalize and log")
struct FeatureScaleTests {
    @Test func standardizeUsesPopulationDeviationAndKeepsMissing() throws {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population standard deviation 2.
        var frame = DataFrame(columns: [PrepTables.numbers("x", [2, 4, 4, 4, nil, 5, 5, 7, 9], type: .integer)])
        let fitted = try frame.standardize("x")
        #expect(fitted.mean == 5 && fitted.standardDeviation == 2)
        #expect(frame["x"]?.type == .number)
        #expect(PrepTables.cells(frame, "x") == [-1.5, -0.5, -0.5, -0.5, nil, 0, 0, 1, 2])
        #expect(frame.preparation == [.standardize(column: "x", mean: 5, standardDeviation: 2)])
    }

    @Test func standardizeLearnsFromTrainingRowsOnly() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [1, 3, 100, 5, -50])])
        frame.roles = [.train, .train, .test, .train, .validation]
        let fitted = try frame.standardize("x")
        // Train rows 1, 3, 5: mean 3 (all rows would give 11.8); population variance 8/3.
        #expect(fitted.mean == 3)
        #expect(abs(fitted.standardDeviation - (8.0 / 3).squareRoot()) < 1e-15)
        let cells = PrepTables.cells(frame, "x").map { $0 ?? .nan }
        #expect(abs(cells[2] - 97 / (8.0 / 3).squareRoot()) < 1e-12)
        #expect(cells[1] == 0)
    }

    @Test func constantColumnCannotBeStandardizedOrNormalized() {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [3, 3, 8])])
        frame.roles = [.train, .train, .test]
        #expect(PrepTables.message { _ = try frame.standardize("x") }
            == "column 'x' has the same value (3) in every training row, so it cannot be standardized")
        #expect(PrepTables.message { _ = try frame.normalize("x") }
            == "column 'x' has the same value (3) in every training row, so it cannot be normalized")
        #expect(PrepTables.cells(frame, "x") == [3, 3, 8])
        #expect(frame.preparation.isEmpty)
    }

    @Test func repeatedFractionIsConstantEvenWhenRoundingSaysOtherwise() {
        // The mean of ten 0.1s is not exactly 0.1, which would give a tiny non-zero deviation.
        var frame = DataFrame(columns: [PrepTables.numbers("x", Array(repeating: 0.1, count: 10))])
        #expect(PrepTables.message { _ = try frame.standardize("x") }
            == "column 'x' has the same value (0.1) in every row, so it cannot be standardized")
    }

    @Test func normalizeUsesTrainingMinimumAndMaximumSoTestRowsMayFallOutside() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [10, 20, 30, 40, nil], type: .integer)])
        frame.roles = [.train, .test, .train, .test, .train]
        let fitted = try frame.normalize("x")
        #expect(fitted.minimum == 10 && fitted.maximum == 30)
        #expect(PrepTables.cells(frame, "x") == [0, 0.5, 1, 1.5, nil])
        #expect(frame["x"]?.type == .number)
        #expect(frame.preparation == [.normalize(column: "x", minimum: 10, maximum: 30)])
    }

    @Test func logIsNaturalLogOfOnePlusX() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("visits", [0, 1, nil, -0.5], type: .integer)])
        #expect(try frame.logTransform("visits") == 3)
        let cells = PrepTables.cells(frame, "visits")
        #expect(cells[0] == 0)
        #expect(abs((cells[1] ?? 0) - 0.6931471805599453) < 1e-16)  // ln 2
        #expect(cells[2] == nil)
        #expect(abs((cells[3] ?? 0) - -0.6931471805599453) < 1e-16)  // ln 0.5
        #expect(frame["visits"]?.type == .number)
    }

    @Test func logRefusesValuesAtOrBelowMinusOne() {
        var frame = DataFrame(columns: [PrepTables.numbers("balance", [-1, 5, -30, 2])])
        #expect(PrepTables.message { _ = try frame.logTransform("balance") }
            == "column 'balance' has 2 values at or below -1 (the smallest is -30), and log(1 + x) needs "
            + "values above -1; clip 'balance' first, e.g. clip balance at 0 and ...")
        #expect(PrepTables.cells(frame, "balance") == [-1, 5, -30, 2])
    }

    @Test func scalingNeedsNumbers() {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef"]), PrepTables.dates("d", ["2024-01-01"])])
        #expect(PrepTables.message { _ = try frame.standardize("job") }
            == "column 'job' holds categories; standardize needs numbers")
        #expect(PrepTables.message { _ = try frame.normalize("d") } == "column 'd' holds dates; normalize needs numbers")
        #expect(PrepTables.message { _ = try frame.logTransform("jbo") } == "there is no column 'jbo'")
    }
}

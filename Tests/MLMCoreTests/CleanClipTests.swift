import Testing
@testable import MLMCore

@Suite("clip and outliers")
struct CleanClipTests {
    @Test func clipToValuesCountsChangedCellsAndKeepsMissing() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("age", [15, 30, nil, 99, 18], type: .integer)])
        let result = try frame.clip("age", lower: .value(18), upper: .value(90))
        #expect(result == ClipResult(lower: 18, upper: 90, clipped: 2))
        #expect(PrepTables.cells(frame, "age") == [18, 30, nil, 90, 18])
        #expect(frame["age"]?.type == .integer)
        #expect(frame.preparation == [.clip(column: "age", rule: "18..90", lower: 18, upper: 90)])
    }

    @Test func percentileBoundsMatchNumpy() throws {
        // np.percentile([12, 7, 3, 21, 14, 9, 5, 18], [5, 95]) == [3.7, 19.95]
        var frame = DataFrame(columns: [PrepTables.numbers("spend", [12, 7, 3, 21, 14, 9, 5, 18])])
        let result = try frame.clip("spend", lower: .percentile(5), upper: .percentile(95))
        #expect(result == ClipResult(lower: 3.7, upper: 19.95, clipped: 2))
        #expect(PrepTables.cells(frame, "spend") == [12, 7, 3.7, 19.95, 14, 9, 5, 18])
        #expect(frame.preparation.first == .clip(column: "spend", rule: "p5..p95", lower: 3.7, upper: 19.95))
    }

    @Test func percentilesAreLearnedOnTrainingRowsAndApplyToAllRows() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [1, 2, 3, 4, 5, 100])])
        frame.roles = [.train, .train, .train, .train, .train, .test]
        // Train rows 1...5: the 100th percentile is 5, so the test row's 100 is clipped to 5.
        let result = try frame.clip("x", lower: .value(0), upper: .percentile(100))
        #expect(result == ClipResult(lower: 0, upper: 5, clipped: 1))
        #expect(PrepTables.cells(frame, "x") == [1, 2, 3, 4, 5, 5])
    }

    @Test func wholeNumbersClippedToAFractionBecomeNumbers() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("n", [1, 2, 3, 4], type: .integer)])
        // np.percentile([1, 2, 3, 4], 90) == 3.7
        _ = try frame.clip("n", lower: .value(1), upper: .percentile(90))
        #expect(frame["n"]?.type == .number)
        #expect(PrepTables.cells(frame, "n") == [1, 2, 3, 3.7])
    }

    @Test func badBoundsAreErrors() {
        var frame = DataFrame(columns: [
            PrepTables.numbers("x", [1, 2, 3]), PrepTables.strings("job", ["a", "b", "c"]),
        ])
        #expect(PrepTables.message { _ = try frame.clip("x", lower: .value(10), upper: .value(2)) }
            == "the lower bound (10) is above the upper bound (2); write the smaller bound first")
        #expect(PrepTables.message { _ = try frame.clip("x", lower: .percentile(-5), upper: .value(2)) }
            == "a percentile must be from 0% to 100% (both included), not -5%")
        #expect(PrepTables.message { _ = try frame.clip("job", lower: .value(0), upper: .value(2)) }
            == "column 'job' holds categories; clip needs numbers")
        #expect(PrepTables.cells(frame, "x") == [1, 2, 3])
    }

    // A = [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4] plus an outlier 40:
    // bounds from numpy on A alone (the outlier sits in a test row):
    //   q1, q3 = np.quantile(A, [.25, .75]); (q1 - 1.5*(q3-q1), q3 + 1.5*(q3-q1)) == (-4.175, 14.825)
    //   (A.mean() - 2*A.std(), A.mean() + 2*A.std()) == (-1.0192316687807041, 11.891958941507976)
    private func sampleWithOutlier() -> DataFrame {
        let values: [Double?] = [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4, 40, nil]
        var frame = DataFrame(columns: [
            PrepTables.numbers("amount", values), PrepTables.numbers("id", (0..<13).map { Double($0) }),
        ])
        frame.roles = Array(repeating: .train, count: 11) + [.test, .test]
        return frame
    }

    @Test func removeOutliersByIqrRemovesRowsOutsideTheBoundsAndKeepsMissing() throws {
        var frame = sampleWithOutlier()
        let result = try frame.removeOutliers("amount", rule: .iqr(factor: 1.5))
        #expect(result == OutlierResult(lower: -4.175, upper: 14.825, affected: 1))
        #expect(frame.rowCount == 12)
        #expect(PrepTables.cells(frame, "id") == (0..<13).filter { $0 != 11 }.map { Double($0) })
        #expect(frame.roles == Array(repeating: .train, count: 11) + [.test])
        #expect(frame.preparation == [
            .removeOutliers(column: "amount", rule: "iqr 1.5", lower: -4.175, upper: 14.825),
        ])
    }

    @Test func clipOutliersByZScoreUsesPopulationDeviationOfTrainingRows() throws {
        var frame = sampleWithOutlier()
        let result = try frame.clipOutliers("amount", rule: .zScore(limit: 2))
        #expect(abs(result.lower - -1.0192316687807041) < 1e-12)
        #expect(abs(result.upper - 11.891958941507976) < 1e-12)
        #expect(result.affected == 1)
        #expect(frame.rowCount == 13)
        #expect(PrepTables.cells(frame, "amount")[11] == result.upper)
        #expect(PrepTables.cells(frame, "amount")[12] == nil)
    }

    @Test func constantColumnHasNoOutliers() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [4, 4, 4, nil])])
        let iqr = try frame.removeOutliers("x", rule: .iqr(factor: 1.5))
        let z = try frame.clipOutliers("x", rule: .zScore(limit: 3))
        #expect(iqr == OutlierResult(lower: 4, upper: 4, affected: 0))
        #expect(z == OutlierResult(lower: 4, upper: 4, affected: 0))
        #expect(frame.rowCount == 4)
    }

    @Test func badRulesAndEmptyTrainingRowsAreErrors() {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [nil, 4])])
        frame.roles = [.train, .test]
        #expect(PrepTables.message { _ = try frame.removeOutliers("x", rule: .iqr(factor: -1)) }
            == "the iqr factor must be zero or more, not -1")
        #expect(PrepTables.message { _ = try frame.clipOutliers("x", rule: .zScore(limit: 0)) }
            == "the zscore limit must be more than zero, not 0")
        #expect(PrepTables.message { _ = try frame.removeOutliers("x", rule: .iqr(factor: 1.5)) }
            == "column 'x' has no values in the training rows to compute quartiles from")
    }
}

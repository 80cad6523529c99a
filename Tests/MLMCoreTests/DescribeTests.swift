import Testing
@testable import MLMCore

@Suite("describe")
struct DescribeTests {
    @Test func numberSummaryMatchesPandas() throws {
        // pd.Series([5, 3, np.nan, 8, 1, 9, 2, np.nan, 7]).describe() gave count 7, mean 5.0,
        // std 3.1091263510296048, min 1, 25% 2.5, 50% 5, 75% 7.5, max 9 (pandas 2.x).
        let frame = DataFrame(columns: [PrepTables.numbers("score", [5, 3, nil, 8, 1, 9, 2, nil, 7], type: .integer)])
        let summary = try #require(try frame.describe().first)
        #expect(summary == ColumnSummary(
            name: "score", type: .integer, count: 7, missing: 2, distinct: 7,
            mean: 5, standardDeviation: 3.1091263510296048,
            minimum: 1, lowerQuartile: 2.5, median: 5, upperQuartile: 7.5, maximum: 9))
    }

    @Test func categoriesGetTopValuesWithTiesByValue() throws {
        let jobs: [String?] = ["nurse", "chef", "admin", "chef", nil, "nurse", "pilot", "clerk", "baker", "admin"]
        let frame = DataFrame(columns: [PrepTables.strings("job", jobs)])
        let summary = try #require(try frame.describe(columns: ["job"]).first)
        #expect(summary.count == 9 && summary.missing == 1 && summary.distinct == 6)
        #expect(summary.mean == nil && summary.median == nil)
        // admin, chef and nurse twice (alphabetical), then baker and clerk once; pilot is 6th.
        #expect(summary.top.map(\.value) == ["admin", "chef", "nurse", "baker", "clerk"])
        #expect(summary.top.map(\.count) == [2, 2, 2, 1, 1])
    }

    @Test func booleansGetBothStatisticsAndTopValues() throws {
        let frame = DataFrame(columns: [PrepTables.numbers("member", [1, 0, 1, nil, 1], type: .boolean)])
        let summary = try #require(try frame.describe().first)
        #expect(summary.mean == 0.75)
        #expect(summary.distinct == 2)
        #expect(summary.top.map(\.value) == ["true", "false"])
        #expect(summary.top.map(\.count) == [3, 1])
    }

    @Test func datesAreSummarizedAsDayNumbers() throws {
        let frame = DataFrame(columns: [PrepTables.dates("signup", ["1970-01-01", "1970-01-11", nil, "1970-01-03"])])
        let summary = try #require(try frame.describe().first)
        #expect(summary.minimum == 0 && summary.maximum == 10 && summary.median == 2)
        #expect(summary.lowerQuartile == 1 && summary.upperQuartile == 6)
        #expect(summary.top.isEmpty)
    }

    @Test func describesEveryRowEvenAfterASplit() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [1, 2, 3, 100])])
        frame.roles = [.train, .train, .train, .test]
        #expect(try frame.describe().first?.maximum == 100)
    }

    @Test func emptyAndSingleValueColumns() throws {
        let frame = DataFrame(columns: [PrepTables.numbers("x", [nil, nil]), PrepTables.numbers("y", [4, nil])])
        let summaries = try frame.describe()
        #expect(summaries[0] == ColumnSummary(name: "x", type: .number, count: 0, missing: 2, distinct: 0))
        #expect(summaries[1].standardDeviation == nil)
        #expect(summaries[1].mean == 4 && summaries[1].median == 4)
    }

    @Test func columnsAreChosenInTheGivenOrderAndUnknownNamesFail() throws {
        let frame = DataFrame(columns: [PrepTables.numbers("a", [1]), PrepTables.strings("b", ["x"])])
        #expect(try frame.describe(columns: ["b", "a"]).map(\.name) == ["b", "a"])
        #expect(PrepTables.message { _ = try frame.describe(columns: ["c"]) } == "there is no column 'c'")
    }

    @Test func summaryEqualityComparesTopValues() {
        let first = ColumnSummary(name: "a", type: .category, count: 1, missing: 0, distinct: 1, top: [("x", 1)])
        let second = ColumnSummary(name: "a", type: .category, count: 1, missing: 0, distinct: 1, top: [("y", 1)])
        #expect(first != second)
        #expect(first == first)
    }
}

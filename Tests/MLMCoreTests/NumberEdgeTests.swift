import Foundation
import Testing
@testable import MLMCore

/// Numbers at the edges of the double range: statistics that neither overflow nor underflow,
/// formatting that never shows `inf`, integer columns that hold only exact whole numbers, and
/// one date range. Exact reference values come from Fixtures/statistics/make_fixtures.py.
@Suite("Numbers at the edges")
struct NumberEdgeTests {
    private struct StatisticsCase: Decodable {
        let name: String
        let values: [Double]
        let mean: Double
        let std0: Double?
        let std1: Double?
        let quartiles: [Double]
        let numpyMean: Double?
        let numpyStd1: Double?
    }

    private func fixture() throws -> [StatisticsCase] {
        let url = try #require(Bundle.module.url(forResource: "edges", withExtension: "json", subdirectory: "Fixtures/statistics"))
        return try JSONDecoder().decode([StatisticsCase].self, from: Data(contentsOf: url))
    }

    /// Within a few units in the last place of the exact answer, or (for sums of values that
    /// cancel) of the largest value, since each value carries that much rounding.
    private func close(_ actual: Double?, _ exact: Double?, scale: Double) -> Bool {
        guard let actual else { return exact == nil }
        guard let exact else { return actual.isInfinite }
        return (actual - exact).magnitude <= 8 * max(exact.ulp, scale.ulp)
    }

    @Test func statisticsMatchTheExactAnswerWhereNumpyOverflows() throws {
        let cases = try fixture()
        #expect(cases.count == 11)
        for item in cases {
            let largest = item.values.map(\.magnitude).max() ?? 0
            let mean = Statistics.mean(item.values)
            #expect(close(mean, item.mean, scale: largest), "\(item.name): mean \(String(describing: mean)), exact \(item.mean)")
            let std0 = Statistics.standardDeviation(item.values, ddof: 0)
            let std1 = Statistics.standardDeviation(item.values, ddof: 1)
            #expect(close(std0, item.std0, scale: largest), "\(item.name): std0 \(String(describing: std0))")
            #expect(close(std1, item.std1, scale: largest), "\(item.name): std1 \(String(describing: std1))")
            let sorted = item.values.sorted()
            for (q, exact) in zip([0.25, 0.5, 0.75], item.quartiles) {
                let value = try #require(Statistics.quantile(sorted, q))
                #expect(close(value, exact, scale: largest), "\(item.name): quantile \(q) \(value), exact \(exact)")
            }
            // On ordinary values numpy is exact too, and we agree with it.
            if item.name.hasPrefix("ordinary") || item.name.hasPrefix("large and close") {
                #expect(close(std1, item.numpyStd1, scale: largest) && close(mean, item.numpyMean, scale: largest), "\(item.name) vs numpy")
            }
        }
        // The issue's example: numpy (and mlm before) gave inf.
        let issue = try #require(cases.first)
        #expect(issue.numpyStd1 == nil)
        #expect(Statistics.standardDeviation([1e300, 2, 3], ddof: 1)?.isFinite == true)
    }

    @Test func describeGivesFiniteSummariesForHugeAndTinyValues() throws {
        let frame = DataFrame(columns: [
            Column(name: "huge", numbers: [1e300, 2, 3]),
            Column(name: "tiny", numbers: [1e-200, 2e-200, 3e-200]),
        ])
        let edge = DataFrame(columns: [Column(name: "edge", numbers: [-.greatestFiniteMagnitude, .greatestFiniteMagnitude])])
        let summaries = try frame.describe() + edge.describe()
        // std of [1e300, 2, 3] (n − 1) = 1e300 · √(1/3) up to rounding.
        let huge = try #require(summaries[0].standardDeviation)
        #expect((huge - 5.773502691896258e299).magnitude <= 4 * huge.ulp)
        #expect(try #require(summaries[1].standardDeviation) == 1e-200)
        #expect(summaries[2].mean == 0)
        #expect(summaries[2].median == 0)
        // The sample standard deviation of ±1.8e308 is √2 · 1.8e308: beyond the largest double.
        #expect(summaries[2].standardDeviation == .infinity)
    }

    @Test func standardizeAndNormalizeWorkAcrossTheWholeRange() throws {
        var pair = DataFrame(columns: [Column(name: "a", numbers: [-.greatestFiniteMagnitude, .greatestFiniteMagnitude])])
        let (mean, deviation) = try pair.standardize("a")
        #expect(mean == 0 && deviation == .greatestFiniteMagnitude)
        #expect(PrepTables.cells(pair, "a") == [-1, 1])
        var frame = DataFrame(columns: [
            Column(name: "b", numbers: [-.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude]),
            Column(name: "c", numbers: [1e300, 2, 3]),
        ])
        _ = try frame.normalize("b")
        #expect(PrepTables.cells(frame, "b") == [0, 0.5, 1])
        _ = try frame.standardize("c")
        let scores = PrepTables.cells(frame, "c").compactMap { $0 }
        #expect(scores.count == 3 && scores.allSatisfy(\.isFinite))
        #expect((scores[0] - 2.0.squareRoot()).magnitude < 1e-15)
        // Replayed on new rows with the stored mean and deviation: the same formula.
        var fresh = DataFrame(columns: [Column(name: "a", numbers: [.greatestFiniteMagnitude, 0])])
        try fresh.replay(.standardize(column: "a", mean: -1e308, standardDeviation: 1e308))
        let replayed = PrepTables.cells(fresh, "a")
        #expect(((replayed[0] ?? 0) - 2.7976931348623157).magnitude < 1e-15 && replayed[1] == 1, "\(replayed)")
    }

    @Test func rescalingBeyondTheLargestNumberIsAnErrorNamingTheRow() throws {
        var fresh = DataFrame(columns: [Column(name: "a", numbers: [1, 1e300])])
        let message = PrepTables.message { try fresh.replay(.standardize(column: "a", mean: 0, standardDeviation: 1e-300)) }
        #expect(message?.contains("row 2") == true, "\(message ?? "")")
        #expect(message?.contains("1e+300") == true)
        #expect(PrepTables.cells(fresh, "a") == [1, 1e300])
    }

    @Test func displayedNumbersAreNeverInfinite() {
        let largest = Double.greatestFiniteMagnitude
        #expect(ValueText.rounded(largest, decimals: 4) == "1.7976931348623157e+308")
        #expect(ValueText.rounded(-largest, decimals: 2) == "-1.7976931348623157e+308")
        #expect(ValueText.rounded(1e300, decimals: 4) == "1e+300")
        #expect(ValueText.rounded(123_456_789.123456, decimals: 4) == "123456789.1235")
        // Whole numbers an integer column holds show every digit, as the CSV writer writes them.
        #expect(ValueText.format(9_007_199_254_740_991, type: .integer) == "9007199254740991")
        #expect(ValueText.format(-1e15, type: .number) == "-1000000000000000")
        #expect(ValueText.format(9_007_199_254_740_992, type: .number) == "9007199254740992.0")
        #expect(ValueText.rounded(2.5, decimals: 4) == "2.5")
    }

    @Test func exportedNumbersAtTheEdgesReadBackExactly() throws {
        let values: [Double] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
                                -.leastNormalMagnitude, 9_007_199_254_740_991, 9_007_199_254_740_992, 1e-300, -0.0]
        let frame = DataFrame(columns: [Column(name: "n", numbers: values)])
        let text = String(decoding: CSVWriter.encode(frame), as: UTF8.self)
        #expect(!text.contains("inf") && !text.contains("nan"))
        let (copy, _) = try CSVReader.read(bytes: Array(text.utf8))
        #expect(copy["n"]?.type == .number)
        #expect(PrepTables.cells(copy, "n") == values.map { $0 })
        // Should an infinity reach the writer, it becomes an empty (missing) cell, not `inf`.
        let infinite = DataFrame(columns: [Column(name: "n", numbers: [.infinity, 1]), Column(name: "m", numbers: [1, 2])])
        #expect(String(decoding: CSVWriter.encode(infinite), as: UTF8.self) == "n,m\n,1\n1,2\n")
    }

    @Test func castToIntegerRefusesWholeNumbersAnIntegerColumnCannotHold() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("a", [2, 1e300, 3]),
            PrepTables.strings("s", ["5", nil, "99999999999999999999"]),
            PrepTables.strings("t", ["9007199254740991", "-9007199254740991", "2.5"]),
            PrepTables.strings("u", ["9007199254740993", "1", nil]),
        ])
        let a = PrepTables.message { _ = try frame.cast("a", to: .integer) }
        #expect(a == "'a' holds 1e+300 in row 2, a whole number too large for an integer column (integers are exact up to "
            + "±9,007,199,254,740,991); keep 'a' as a number (about 16 significant digits)")
        let s = PrepTables.message { _ = try frame.cast("s", to: .integer) }
        #expect(s?.hasPrefix("'s' holds 99999999999999999999 in row 3,") == true, "\(s ?? "")")
        #expect(s?.hasSuffix("cast 's' to number (about 16 significant digits) or keep it as text (every digit)") == true)
        // 2^53 + 1 reads as 2^53 as a double: refused too, not silently changed.
        #expect(PrepTables.message { _ = try frame.cast("u", to: .integer) }?.contains("9007199254740993 in row 1") == true)
        // Nothing changed.
        #expect(frame["a"]?.type == .number && frame["s"]?.type == .category)
        // The largest exact whole numbers are fine, and cast back to text they keep every digit.
        #expect(try frame.cast("t", to: .integer).failed == 0)
        #expect(PrepTables.cells(frame, "t") == [9_007_199_254_740_991, -9_007_199_254_740_991, 3])
        #expect(try frame.cast("t", to: .text).failed == 0)
        #expect(PrepTables.texts(frame, "t") == ["9007199254740991", "-9007199254740991", "3"])
    }

    @Test func loadingKeepsWholeNumbersBeyondTheExactRangeAsText() throws {
        let csv = "id,n\n99999999999999999999,1\n9223372036854775807,2\n9007199254740993,3\n"
        let (frame, _) = try CSVReader.read(bytes: Array(csv.utf8))
        #expect(frame["id"]?.type.isString == true)
        #expect(PrepTables.texts(frame, "id") == ["99999999999999999999", "9223372036854775807", "9007199254740993"])
        let (exact, _) = try CSVReader.read(bytes: Array("id\n9007199254740991\n-9007199254740991\n".utf8))
        #expect(exact["id"]?.type == .integer)
    }

    @Test func theLastDayOfTheCalendarWorksEverywhere() throws {
        let noon = try #require(CSVReader.parseDate("9999-12-31 12:00:00"))
        let last = try #require(CSVReader.parseDate("9999-12-31 23:59:59"))
        let first = try #require(CSVReader.parseDate("0001-01-01"))
        #expect(CivilDate.validDayNumbers.contains(noon) && CivilDate.validDayNumbers.contains(last))
        #expect(CivilDate.format(noon) == "9999-12-31 12:00")
        #expect(CivilDate.format(last) == "9999-12-31 23:59:59")
        #expect(CivilDate.format(first) == "0001-01-01")
        // Year 0 and year 10000 are outside the range: not dates.
        #expect(CSVReader.parseDate("0000-12-31") == nil)
        #expect(CivilDate.format(CivilDate.validDayNumbers.upperBound) == "")
        #expect(CivilDate.format(CivilDate.validDayNumbers.lowerBound.nextDown) == "")

        var frame = DataFrame(columns: [Column(name: "d", type: .date, numbers: [noon, last, first])])
        let text = String(decoding: CSVWriter.encode(frame), as: UTF8.self)
        #expect(text == "d\n9999-12-31 12:00\n9999-12-31 23:59:59\n0001-01-01\n")
        _ = try frame.extractDatePart("d", part: .year)
        _ = try frame.extractDatePart("d", part: .hour)
        #expect(PrepTables.cells(frame, "d_year") == [9999, 9999, 1])
        #expect(PrepTables.cells(frame, "d_hour") == [12, 23, 0])
        _ = try frame.cast("d", to: .text)
        #expect(PrepTables.texts(frame, "d") == ["9999-12-31 12:00", "9999-12-31 23:59:59", "0001-01-01"])
    }

    @Test func aTimeThatRoundsToMidnightShowsTheLastSecondOfItsDay() {
        let almost = 19_723 + 86_399.7 / 86_400  // 2024-01-01 23:59:59.7
        #expect(CivilDate.format(almost) == "2024-01-01 23:59:59")
        let frame = DataFrame(columns: [Column(name: "d", type: .date, numbers: [almost])])
        #expect(String(decoding: CSVWriter.encode(frame), as: UTF8.self) == "d\n2024-01-01 23:59:59\n")
    }
}

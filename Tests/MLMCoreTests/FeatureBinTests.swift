import Testing
@testable import MLMCore

@Suite("bin")
struct FeatureBinTests {
    @Test func edgesMakeLeftClosedBinsWithCompactLabels() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("age", [18, 25, 34.9, 35, nil, 64, 65, 90]), PrepTables.strings("job", Array(repeating: "x", count: 8)),
        ])
        let labels = try frame.bin("age", into: "age_group", edges: [25, 35, 50, 65])
        #expect(labels == ["<25", "25–35", "35–50", "50–65", "≥65"])
        #expect(frame.columnNames == ["age", "age_group", "job"])
        #expect(frame["age_group"]?.type == .category)
        #expect(PrepTables.texts(frame, "age_group") == ["<25", "25–35", "25–35", "35–50", nil, "50–65", "≥65", "≥65"])
        #expect(frame.preparation == [
            .bin(column: "age", output: "age_group", edges: [25, 35, 50, 65], labels: labels),
        ])
    }

    @Test func labelsWriteNumbersCompactly() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [1])])
        #expect(try frame.bin("x", into: "x", edges: [2.5, 1000, 1_234_567.25]) == ["<2.5", "2.5–1000", "1000–1234567", "≥1234567"])
        #expect(frame.columnNames == ["x"])
        #expect(DataFrame.binLabels([1.0 / 3]) == ["<0.333333", "≥0.333333"])
    }

    @Test func edgesMustGoStrictlyUp() {
        var frame = DataFrame(columns: [PrepTables.numbers("age", [1]), PrepTables.strings("job", ["x"])])
        #expect(PrepTables.message { _ = try frame.bin("age", into: "g", edges: [25, 50, 35]) }
            == "the bin edges for 'age' must go up, but 35 comes after 50")
        #expect(PrepTables.message { _ = try frame.bin("age", into: "g", edges: [25, 25]) }
            == "the bin edges for 'age' must go up, but 25 comes after 25")
        #expect(PrepTables.message { _ = try frame.bin("age", into: "g", edges: []) }
            == "bin needs at least one edge to cut 'age' at")
        #expect(PrepTables.message { _ = try frame.bin("job", into: "g", edges: [1]) }
            == "column 'job' holds categories; bin needs numbers")
        #expect(frame.columnNames == ["age", "job"])
    }

    @Test func quantileEdgesMatchNumpyOnTrainingRows() throws {
        // np.quantile(A, [1/3, 2/3]) for A = [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4]
        // == [3.5999999999999996, 6.7333333333333325]; the last row is a test row and is ignored.
        var frame = DataFrame(columns: [
            PrepTables.numbers("amount", [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4, 1000]),
        ])
        frame.roles = Array(repeating: .train, count: 11) + [.test]
        let result = try frame.binQuantiles("amount", into: "tier", count: 3)
        #expect(result.edges == [3.5999999999999996, 6.7333333333333325])
        #expect(result.labels == ["<3.6", "3.6–6.73333", "≥6.73333"])
        #expect(PrepTables.texts(frame, "tier").prefix(3) == ["<3.6", "≥6.73333", "<3.6"])
        #expect(PrepTables.texts(frame, "tier").last == "≥6.73333")
    }

    @Test func repeatedQuantilesAreMergedIntoFewerBins() throws {
        // Quartiles of 0, 0, 0, 0, 1, 2, 3, 4 are 0, 0.5, 2.25: the edge at the minimum is
        // dropped (it would leave an empty first bin), so 3 bins come back instead of 4.
        var frame = DataFrame(columns: [PrepTables.numbers("orders", [0, 0, 0, 0, 1, 2, 3, 4])])
        let result = try frame.binQuantiles("orders", into: "orders_bin", count: 4)
        #expect(result.edges == [0.5, 2.25])
        #expect(result.labels == ["<0.5", "0.5–2.25", "≥2.25"])
        // Quartiles 0, 0, 1.25 of 0, 0, 0, 0, 0, 1, 2, 3 merge into a single edge.
        var zeros = DataFrame(columns: [PrepTables.numbers("orders", [0, 0, 0, 0, 0, 1, 2, 3])])
        #expect(try zeros.binQuantiles("orders", into: "b", count: 4).edges == [1.25])
    }

    @Test func quantileCountAndConstantColumnsAreChecked() {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [5, 5, 5])])
        #expect(PrepTables.message { _ = try frame.binQuantiles("x", into: "b", count: 1) }
            == "the number of quantile bins must be a whole number from 2 to 100, not 1")
        #expect(PrepTables.message { _ = try frame.binQuantiles("x", into: "b", count: 101) }
            == "the number of quantile bins must be a whole number from 2 to 100, not 101")
        #expect(PrepTables.message { _ = try frame.binQuantiles("x", into: "b", count: 4) }
            == "column 'x' has the same value (5) in every row, so it cannot be split into quantiles")
    }

    @Test func existingOutputColumnIsReplacedNextToTheSource() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("g", ["old"]), PrepTables.numbers("age", [40]), PrepTables.numbers("z", [0]),
        ])
        _ = try frame.bin("age", into: "g", edges: [30])
        #expect(frame.columnNames == ["age", "g", "z"])
        #expect(PrepTables.texts(frame, "g") == ["≥30"])
    }
}

import Testing
@testable import MLMCore

@Suite("drop duplicates and drop rows")
struct CleanRowsTests {
    private func customers() -> DataFrame {
        DataFrame(columns: [
            PrepTables.strings("name", ["Ann", "Bob", "Ann", "Cy", nil, nil, "Bob"]),
            PrepTables.numbers("age", [30, 40, 30, nil, 50, 50, 41]),
            PrepTables.numbers("id", [1, 2, 3, 4, 5, 6, 7]),
        ])
    }

    @Test func keysKeepTheFirstRowOfEachGroupAndMissingEqualsMissing() throws {
        var frame = customers()
        let removed = try frame.dropDuplicates(keys: ["name", "age"])
        // Row 3 repeats row 1 (Ann, 30); row 6 repeats row 5 (missing, 50).
        #expect(removed == 2)
        #expect(PrepTables.cells(frame, "id") == [1, 2, 4, 5, 7])
        #expect(PrepTables.texts(frame, "name") == ["Ann", "Bob", "Cy", nil, "Bob"])
    }

    @Test func noKeysMeansAllColumns() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("name", ["Ann", "Ann", "Ann"]),
            PrepTables.numbers("age", [30, 30, 31]),
        ])
        #expect(try frame.dropDuplicates(keys: []) == 1)
        #expect(PrepTables.cells(frame, "age") == [30, 31])
        // All three rows differ once the id column is part of the key.
        var distinct = customers()
        #expect(try distinct.dropDuplicates(keys: []) == 0)
        #expect(distinct.rowCount == 7)
    }

    @Test func zeroAndNegativeZeroAreTheSameValue() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [0, -0.0, 1])])
        #expect(try frame.dropDuplicates(keys: ["x"]) == 1)
    }

    @Test func duplicateTextsInADictionaryStillCompareEqual() throws {
        // A reader could leave "a" twice in a dictionary; codes 0 and 1 both mean "a".
        var frame = DataFrame(columns: [Column(name: "k", codes: [0, 1, 2], dictionary: ["a", "a", "b"])])
        #expect(try frame.dropDuplicates(keys: ["k"]) == 1)
        #expect(PrepTables.texts(frame, "k") == ["a", "b"])
    }

    @Test func manyRowsWithFewDistinctValues() throws {
        let count = 20_000
        var frame = DataFrame(columns: [
            PrepTables.numbers("a", (0..<count).map { Double($0 % 7) }),
            PrepTables.strings("b", (0..<count).map { String($0 % 5) }),
        ])
        // (i mod 7, i mod 5) takes all 35 combinations, first at rows 0...34.
        #expect(try frame.dropDuplicates(keys: ["a", "b"]) == count - 35)
        #expect(PrepTables.cells(frame, "a") == (0..<35).map { Double($0 % 7) })
    }

    @Test func rolesFollowTheirRows() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [1, 1, 2])])
        frame.roles = [.test, .train, .train]
        _ = try frame.dropDuplicates(keys: ["x"])
        #expect(frame.roles == [.test, .train])
    }

    @Test func unknownKeyIsAnError() {
        var frame = customers()
        #expect(PrepTables.message { _ = try frame.dropDuplicates(keys: ["nmae"]) } == "there is no column 'nmae'")
    }

    @Test func dropRowsRemovesFlaggedRowsAndToleratesShortOrLongFlags() {
        var frame = customers()
        #expect(frame.dropRows([true, false, true]) == 2)
        #expect(PrepTables.cells(frame, "id") == [2, 4, 5, 6, 7])
        #expect(frame.dropRows([false, false, false, false, true, true, true, true]) == 1)
        #expect(PrepTables.cells(frame, "id") == [2, 4, 5, 6])
        #expect(frame.dropRows([]) == 0)
    }
}

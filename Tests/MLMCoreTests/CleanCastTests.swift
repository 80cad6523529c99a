import Testing
@testable import MLMCore

@Suite("cast")
struct CleanCastTests {
    @Test func textToNumberCountsCellsThatCouldNotBeRead() throws {
        var frame = DataFrame(columns: [PrepTables.strings("amount", [" 12.5", "7", "abc", nil, "1e3", "nan"])])
        // "abc" and "nan" fail; the missing cell was missing already and is not counted.
        #expect(try frame.cast("amount", to: .number) == 2)
        #expect(frame["amount"]?.type == .number)
        #expect(PrepTables.cells(frame, "amount") == [12.5, 7, nil, nil, 1000, nil])
    }

    @Test func toIntegerRoundsHalvesAwayFromZero() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("x", [2.5, -2.5, 2.4]),
            PrepTables.strings("y", ["3.5", "4", "four"]),
        ])
        #expect(try frame.cast("x", to: .integer) == 0)
        #expect(PrepTables.cells(frame, "x") == [3, -3, 2])
        #expect(try frame.cast("y", to: .integer) == 1)
        #expect(PrepTables.cells(frame, "y") == [4, 4, nil])
    }

    @Test func numbersToTextUseTheShortestExactForm() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [25, 2.5, 1000, nil, 0.1, -0.0])])
        #expect(try frame.cast("x", to: .category) == 0)
        #expect(PrepTables.texts(frame, "x") == ["25", "2.5", "1000", nil, "0.1", "0"])
    }

    @Test func booleansAndDatesToText() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("member", [1, 0, nil], type: .boolean),
            PrepTables.dates("signup", ["2024-02-29", nil, "1999-12-31"]),
        ])
        _ = try frame.cast("member", to: .text)
        _ = try frame.cast("signup", to: .category)
        #expect(PrepTables.texts(frame, "member") == ["true", "false", nil])
        #expect(PrepTables.texts(frame, "signup") == ["2024-02-29", nil, "1999-12-31"])
    }

    @Test func textToBooleanAcceptsCommonSpellings() throws {
        var frame = DataFrame(columns: [PrepTables.strings("flag", ["Yes", "no", "TRUE", "0", "maybe"])])
        #expect(try frame.cast("flag", to: .boolean) == 1)
        #expect(PrepTables.cells(frame, "flag") == [1, 0, 1, 0, nil])
    }

    @Test func textToDateReadsIsoDatesWithOptionalTime() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("d", ["1970-01-02", "2024-02-30", "2024-01-01 18:00", "01/02/2024", "2024-01-01T06:30:00Z"]),
        ])
        // 2024-02-30 does not exist; 01/02/2024 is not ISO.
        #expect(try frame.cast("d", to: .date) == 2)
        #expect(PrepTables.cells(frame, "d") == [1, nil, 19_723.75, nil, 19_723 + 6.5 / 24])
    }

    @Test func numbersCannotBecomeDatesAndOnlyZeroOrOneBecomeBooleans() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("n", [20_240_101, nil])])
        #expect(try frame.cast("n", to: .date) == 1)
        #expect(PrepTables.cells(frame, "n") == [nil, nil])
        var flags = DataFrame(columns: [PrepTables.numbers("b", [0, 1, 2], type: .integer)])
        #expect(try flags.cast("b", to: .boolean) == 1)
        #expect(PrepTables.cells(flags, "b") == [0, 1, nil])
    }

    @Test func categoryToTextKeepsTheCellsAndSameTypeDoesNothing() throws {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef", nil])])
        #expect(try frame.cast("job", to: .text) == 0)
        #expect(frame["job"]?.type == .text)
        #expect(PrepTables.texts(frame, "job") == ["chef", nil])
        #expect(try frame.cast("job", to: .text) == 0)
        #expect(PrepTables.message { _ = try frame.cast("jbo", to: .text) } == "there is no column 'jbo'")
    }

    @Test func datesToNumbersGiveDayNumbersAndToIntegerDropsTheTime() throws {
        var frame = DataFrame(columns: [
            Column(name: "at", type: .date, numbers: [19_723.75]), Column(name: "on", type: .date, numbers: [19_723.75]),
        ])
        _ = try frame.cast("at", to: .number)
        _ = try frame.cast("on", to: .integer)
        #expect(PrepTables.cells(frame, "at") == [19_723.75])
        #expect(PrepTables.cells(frame, "on") == [19_723])
    }
}

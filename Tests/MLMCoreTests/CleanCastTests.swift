import Testing
@testable import MLMCore

@Suite("cast")
struct CleanCastTests {
    @Test func textToNumberCountsCellsThatCouldNotBeRead() throws {
        var frame = DataFrame(columns: [PrepTables.strings("amount", [" 12.5", "7", "abc", nil, "1e3", "nan"])])
        // "abc" and "nan" fail; the missing cell was missing already and is not counted.
        #expect(try frame.cast("amount", to: .number).failed == 2)
        #expect(frame["amount"]?.type == .number)
        #expect(PrepTables.cells(frame, "amount") == [12.5, 7, nil, nil, 1000, nil])
    }

    @Test func toIntegerRoundsHalvesAwayFromZero() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("x", [2.5, -2.5, 2.4]),
            PrepTables.strings("y", ["3.5", "4", "four"]),
        ])
        #expect(try frame.cast("x", to: .integer).failed == 0)
        #expect(PrepTables.cells(frame, "x") == [3, -3, 2])
        #expect(try frame.cast("y", to: .integer).failed == 1)
        #expect(PrepTables.cells(frame, "y") == [4, 4, nil])
    }

    @Test func numbersToTextUseTheShortestExactForm() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [25, 2.5, 1000, nil, 0.1, -0.0])])
        #expect(try frame.cast("x", to: .category).failed == 0)
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
        #expect(try frame.cast("flag", to: .boolean).failed == 1)
        #expect(PrepTables.cells(frame, "flag") == [1, 0, 1, 0, nil])
    }

    @Test func textToDateReadsTheReadersFormsWithOptionalTime() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("d", ["1970-01-02", "2024-02-30", "2024-01-01 18:00", "01/02/2024", "2024-01-01T06:30:00Z"]),
        ])
        // 2024-02-30 does not exist; 01/02/2024 fits both orders and is read month first.
        let result = try frame.cast("d", to: .date)
        #expect(result.failed == 1)
        #expect(result.examples == [CastExample(row: 1, text: "2024-02-30")])
        #expect(result.order == .byDefault(monthFirst: true))
        #expect(PrepTables.cells(frame, "d") == [1, nil, 19_723.75, 19_724, 19_723 + 6.5 / 24])
    }

    @Test func textToDateReadsOneOrderForTheWholeColumn() throws {
        var settled = DataFrame(columns: [PrepTables.strings("d", ["03/04/2024", "25/12/2023", nil])])
        let result = try settled.cast("d", to: .date)
        #expect(result.order == .settled(monthFirst: false))
        #expect(result.orderExamples == [CastExample(row: 1, text: "25/12/2023")])
        #expect(PrepTables.cells(settled, "d") == [day(2024, 4, 3), day(2023, 12, 25), nil])

        var mixed = DataFrame(columns: [PrepTables.strings("d", ["31/01/2024", "01/31/2024"])])
        let refused = try mixed.cast("d", to: .date)
        #expect(refused.order == .mixed)
        #expect(refused.orderExamples.map(\.row) == [0, 1])
        #expect(mixed["d"]?.type == .category || mixed["d"]?.type == .text)
    }

    @Test func aFormatReadsTextAndNumbers() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("t", ["15-03-2024", "31-02-2024", "2024-03-15"]),
            PrepTables.numbers("n", [20_240_315, 20_241_301, nil], type: .integer),
            PrepTables.numbers("x", [45_366, 60, 61.5]),
        ])
        let text = try frame.cast("t", to: .date, format: try DateFormat.compile("dd-mm-yyyy"))
        #expect(text.failed == 2)
        #expect(text.examples.map(\.text) == ["31-02-2024", "2024-03-15"])
        #expect(PrepTables.cells(frame, "t") == [day(2024, 3, 15), nil, nil])
        let compact = try frame.cast("n", to: .date, format: try DateFormat.compile("yyyymmdd"))
        #expect(compact.failed == 1)
        #expect(compact.examples == [CastExample(row: 1, text: "20241301")])
        #expect(PrepTables.cells(frame, "n") == [day(2024, 3, 15), nil, nil])
        let excel = try frame.cast("x", to: .date, format: try DateFormat.compile("excel"))
        #expect(excel.failed == 1)
        #expect(PrepTables.cells(frame, "x") == [day(2024, 3, 15), nil, day(1900, 3, 1) + 0.5])
    }

    private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Double {
        Double(CivilDate(year: year, month: month, day: dayOfMonth).dayNumber)
    }

    @Test func numbersCannotBecomeDatesAndOnlyZeroOrOneBecomeBooleans() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("n", [20_240_101, nil])])
        #expect(PrepTables.message { _ = try frame.cast("n", to: .date) }?.contains("give its format") == true)
        #expect(PrepTables.cells(frame, "n") == [20_240_101, nil])
        var flags = DataFrame(columns: [PrepTables.numbers("b", [0, 1, 2], type: .integer)])
        #expect(try flags.cast("b", to: .boolean).failed == 1)
        #expect(PrepTables.cells(flags, "b") == [0, 1, nil])
    }

    @Test func categoryToTextKeepsTheCellsAndSameTypeDoesNothing() throws {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef", nil])])
        #expect(try frame.cast("job", to: .text).failed == 0)
        #expect(frame["job"]?.type == .text)
        #expect(PrepTables.texts(frame, "job") == ["chef", nil])
        #expect(try frame.cast("job", to: .text).failed == 0)
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

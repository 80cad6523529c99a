import Testing
import MLMCore

private func read(_ text: String, _ options: CSVReadOptions = .init()) throws(CSVError) -> (DataFrame, CSVReadReport) {
    try CSVReader.read(bytes: Array(text.utf8), options: options)
}

/// Reads a one-column file made of the given cells; returns the column.
private func column(_ cells: [String], header: String = "x", _ options: CSVReadOptions = .init()) throws -> Column {
    let text = header + "\n" + cells.joined(separator: "\n") + "\n"
    let (frame, _) = try read(text, options)
    return try #require(frame[header])
}

/// Like `column`, with a second column so an empty cell is not a blank line.
private func firstOfTwo(_ cells: [String]) throws -> Column {
    let text = "x,y\n" + cells.map { $0 + ",0" }.joined(separator: "\n") + "\n"
    let (frame, _) = try read(text)
    return try #require(frame["x"])
}

private func values(_ column: Column) -> [Double?] {
    (0..<column.count).map { column.number(at: $0) }
}

private func texts(_ column: Column) -> [String?] {
    (0..<column.count).map { column.string(at: $0) }
}

private func day(_ year: Int, _ month: Int, _ day: Int) -> Double {
    Double(CivilDate(year: year, month: month, day: day).dayNumber)
}

@Suite struct CSVTypeInferenceTests {
    // MARK: Booleans

    @Test func onlyTrueAndFalseSpellingsAreBooleans() throws {
        let flags = try column(["true", "FALSE", "True", "false", "TRUE", "False"])
        #expect(flags.type == .boolean)
        #expect(values(flags) == [1, 0, 1, 0, 1, 0])
        #expect(try column(["yes", "no", "yes"]).type == .category)
        #expect(try column(["0", "1", "1"]).type == .integer)
        #expect(try column(["true", "tRUE"]).type == .category)
    }

    // MARK: Numbers

    @Test func wholeNumbersAreIntegers() throws {
        let counts = try column(["0", "-12", "+7", "9007199254740991"])
        #expect(counts.type == .integer)
        #expect(values(counts) == [0, -12, 7, 9_007_199_254_740_991])
    }

    @Test func wholeNumbersTooBigForADoubleStayText() throws {
        let ids = try column(["9007199254740992", "1"])
        #expect(ids.type == .category)
        #expect(texts(ids) == ["9007199254740992", "1"])
    }

    @Test func leadingZerosKeepZipCodesAsText() throws {
        let zips = try column(["01234", "10115", "80331"])
        #expect(zips.type == .category)
        #expect(texts(zips) == ["01234", "10115", "80331"])
        #expect(try column(["007.5", "1.5"]).type == .category)
    }

    @Test func decimalsAndScientificNotationAreNumbers() throws {
        let amounts = try column(["7.50E-05", ".5", "-3.", "1e3", "2", "-0.25", "1E+02"])
        #expect(amounts.type == .number)
        #expect(values(amounts) == [7.5e-05, 0.5, -3, 1000, 2, -0.25, 100])
    }

    @Test func infinityAndThousandsSeparatorsAreNotNumbers() throws {
        #expect(try column(["inf", "1"]).type == .category)
        #expect(try column(["Infinity", "2.5"]).type == .category)
        let amounts = try column(["\"1,234.56\"", "7.5"])
        #expect(amounts.type == .category)
        #expect(texts(amounts) == ["1,234.56", "7.5"])
        #expect(try column(["0x1F", "2"]).type == .category)
    }

    @Test func onlyMissingCellsMakeAnIntegerColumnWithGaps() throws {
        let ids = try firstOfTwo(["17850", "", "NA", "12583"])
        #expect(ids.type == .integer)
        #expect(values(ids) == [17850, nil, nil, 12583])
        #expect(ids.missingCount == 2)
    }

    // MARK: Decimal comma

    @Test func decimalCommaIsDetectedWithSemicolons() throws {
        let (frame, report) = try read("preis;menge;name\n1.234,56;3;a\n3,5;1.000;b\n-0,75;12;c\n")
        #expect(report.decimalComma)
        #expect(frame["preis"]?.type == .number)
        #expect(values(try #require(frame["preis"])) == [1234.56, 3.5, -0.75])
        #expect(frame["menge"]?.type == .integer)
        #expect(values(try #require(frame["menge"])) == [3, 1000, 12])
    }

    @Test func decimalCommaIsDetectedWithTabs() throws {
        let (frame, report) = try read("a\tb\n3,5\tx\n4,25\ty\n")
        #expect(report.decimalComma)
        #expect(values(try #require(frame["a"])) == [3.5, 4.25])
    }

    @Test func dotDecimalsInASemicolonFileStayDotDecimals() throws {
        let (frame, report) = try read("rate;idx;conf\n1.1;93.994;-36.4\n-0.1;93.2;-42.0\n")
        #expect(!report.decimalComma)
        #expect(values(try #require(frame["rate"])) == [1.1, -0.1])
        #expect(values(try #require(frame["idx"])) == [93.994, 93.2])
    }

    @Test func decimalCommaIsNeverGuessedForCommaFiles() throws {
        let (frame, report) = try read("a,b\n\"3,5\",1\n\"4,5\",2\n")
        #expect(!report.decimalComma)
        #expect(frame["a"]?.type == .category)
    }

    @Test func decimalCommaCanBeForcedOnOrOff() throws {
        let (on, onReport) = try read("a;b\n1.234;x\n", CSVReadOptions(decimalComma: true))
        #expect(onReport.decimalComma)
        #expect(values(try #require(on["a"])) == [1234])
        let (off, _) = try read("a;b\n3,5;x\n", CSVReadOptions(decimalComma: false))
        #expect(off["a"]?.type == .category)
    }

    // MARK: Dates

    @Test func isoDatesAndDateTimes() throws {
        let dates = try column(["2023-01-15", "2024-02-29 08:26", "2024-03-01T13:45:30", "1999-12-31 23:59:59"])
        #expect(dates.type == .date)
        #expect(values(dates) == [
            day(2023, 1, 15), day(2024, 2, 29) + (8 * 3600 + 26 * 60) / 86_400.0,
            day(2024, 3, 1) + (13 * 3600 + 45 * 60 + 30) / 86_400.0, day(1999, 12, 31) + 86_399 / 86_400.0,
        ])
    }

    @Test func dottedDatesAreDayFirst() throws {
        let dates = try column(["01.02.2023", "31.12.2022", "5.3.2021 7:05"])
        #expect(dates.type == .date)
        #expect(values(dates) == [day(2023, 2, 1), day(2022, 12, 31), day(2021, 3, 5) + (7 * 3600 + 5 * 60) / 86_400.0])
    }

    @Test func slashDatesAreMonthFirstUnlessADayExceedsTwelve() throws {
        let american = try column(["03/04/2024", "12/31/2023"])
        #expect(american.type == .date)
        #expect(values(american) == [day(2024, 3, 4), day(2023, 12, 31)])
        let european = try column(["03/04/2024", "25/12/2023", "1/2/2020"])
        #expect(european.type == .date)
        #expect(values(european) == [day(2024, 4, 3), day(2023, 12, 25), day(2020, 2, 1)])
        #expect(try column(["13/04/2024", "04/13/2024"]).type == .category)
    }

    @Test func impossibleCalendarDatesAreNotDates() throws {
        #expect(try column(["2023-02-30", "2023-01-01"]).type == .category)
        #expect(try column(["2023-02-28", "2023-13-01"]).type == .category)
        #expect(try column(["2023-01-01 24:00"]).type == .category)
        #expect(try column(["2023-01-01Z"]).type == .category)
        #expect(try column(["2024-02-29", "2023-02-28"]).type == .date)
    }

    // MARK: Missing values and text

    @Test func everyMissingMarkerIsMissing() throws {
        let cells = try firstOfTwo(["", "NA", "N/A", "null", "NULL", "NaN", "nan", "  NA  ", "\"\"", "5"])
        #expect(cells.type == .integer)
        #expect(cells.missingCount == 9)
        #expect(values(cells).last == 5)
        #expect(try column(["na", "n/a", "None"]).missingCount == 0)
    }

    @Test func aColumnWithOnlyMissingCellsIsText() throws {
        let empty = try firstOfTwo(["", "NA", ""])
        #expect(empty.type == .text)
        #expect(empty.missingCount == 3)
    }

    @Test func quotedContentIsKeptAsWritten() throws {
        let cells = try column(["\" 5\"", "\"7 \""])
        #expect(cells.type == .category)
        #expect(texts(cells) == [" 5", "7 "])
        let quotedNumbers = try column(["\"5\"", "\"7\""])
        #expect(quotedNumbers.type == .integer)
    }

    @Test func fewDistinctValuesMakeACategoryAndManyMakeText() throws {
        let twenty = (0..<25).map { "v\($0 % 20)" }
        #expect(try column(twenty).type == .category)
        let twentyOne = (0..<25).map { "v\($0 % 21)" }
        #expect(try column(twentyOne).type == .text)
        // 3000 filled cells allow up to 600 distinct values (5 cells per value on average).
        #expect(try column((0..<3000).map { "c\($0 % 600)" }).type == .category)
        #expect(try column((0..<3000).map { "c\($0 % 601)" }).type == .text)
        // The limit stops at 1000, however large the file.
        #expect(try column((0..<20_000).map { "c\($0 % 1001)" }).type == .text)
        #expect(try column((0..<20_000).map { "c\($0 % 1000)" }).type == .category)
    }

    @Test func shortCodesThatRepeatAreACategoryAndIdsStayText() throws {
        // 27 distinct 8-character hex codes in 200 rows: about 7 rows per code.
        let codes = (0..<27).map { String(format: "%08x", 0x9E37_79B9 &* UInt32($0 + 1)) }
        #expect(try column((0..<200).map { codes[$0 % 27] }).type == .category)
        // 45 codes in 200 rows repeat less than 5 times each: text.
        #expect(try column((0..<200).map { "k\($0 % 45)" }).type == .text)
        // A different (short) value on every row is an id: text.
        #expect(try column((0..<200).map { String(format: "%06x", $0 * 7919) }).type == .text)
    }

    @Test func categoryRuleSaysWhyAColumnIsText() {
        #expect(CategoryRule.textReason(distinct: 27, filled: 200) == nil)
        #expect(CategoryRule.textReason(distinct: 20, filled: 20) == nil)
        #expect(CategoryRule.textReason(distinct: 198, filled: 200) == .fewRepeats(distinct: 198, filled: 200))
        #expect(CategoryRule.textReason(distinct: 200, filled: 200) == .allDifferent(filled: 200))
        #expect(CategoryRule.textReason(distinct: 1001, filled: 100_000) == .tooManyValues(distinct: 1001))
        #expect(CategoryRule.textReason(distinct: 0, filled: 0) == .empty)
        #expect(CategoryRule.type(distinct: 40, filled: 200) == .category)
        #expect(CategoryRule.type(distinct: 41, filled: 200) == .text)
    }

    @Test func dictionaryIsInFirstSeenOrder() throws {
        let cities = try column(["Paris", "Berlin", "Paris", "NA", "Rome"])
        let (codes, dictionary) = try #require(cities.strings)
        #expect(dictionary == ["Paris", "Berlin", "Rome"])
        #expect(codes == [0, 1, 0, -1, 2])
    }

    // MARK: Forced types

    @Test func forcedTypesOverrideInference() throws {
        let text = "zip,score,when,flag\n01234,5,03/04/2024,true\n80331,6,25/12/2023,false\n"
        let options = CSVReadOptions(columnTypes: ["zip": .integer, "score": .text, "when": .date, "flag": .category])
        let (frame, _) = try read(text, options)
        #expect(frame["zip"]?.type == .integer)
        #expect(values(try #require(frame["zip"])) == [1234, 80331])
        #expect(frame["score"]?.type == .text)
        #expect(texts(try #require(frame["score"])) == ["5", "6"])
        #expect(values(try #require(frame["when"])) == [day(2024, 4, 3), day(2023, 12, 25)])
        #expect(texts(try #require(frame["flag"])) == ["true", "false"])
    }

    @Test func aCellThatDoesNotFitAForcedTypeIsAnError() {
        let text = "age,name\n31,Ann\nunknown,Bob\n"
        var caught: CSVError?
        do { _ = try read(text, CSVReadOptions(columnTypes: ["age": .integer])) } catch { caught = error }
        #expect(caught == CSVError(message: "column 'age' should hold whole numbers but line 3 has 'unknown'", line: 3, kind: .typeMismatch))
    }

    @Test func forcedNumbersFollowTheFileDecimalComma() throws {
        let (frame, _) = try read("a;b\n3,5;1,5\n2;x\n", CSVReadOptions(columnTypes: ["a": .number]))
        #expect(values(try #require(frame["a"])) == [3.5, 2])
    }

    // MARK: Single-cell parsers (used by cast)

    @Test func parseNumberAcceptsWhatInferenceAcceptsAndLeadingZeros() {
        #expect(CSVReader.parseNumber(" 3.25 ", decimalComma: false) == 3.25)
        #expect(CSVReader.parseNumber("01234", decimalComma: false) == 1234)
        #expect(CSVReader.parseNumber("1.234,5", decimalComma: true) == 1234.5)
        #expect(CSVReader.parseNumber("1.5", decimalComma: true) == 1.5)
        #expect(CSVReader.parseNumber("1,234.5", decimalComma: false) == nil)
        #expect(CSVReader.parseNumber("NA", decimalComma: false) == nil)
        #expect(CSVReader.parseNumber("inf", decimalComma: false) == nil)
        #expect(CSVReader.parseNumber("", decimalComma: false) == nil)
        #expect(CSVReader.parseNumber("1e400", decimalComma: false) == nil)
    }

    @Test func parseDateReadsEveryFormat() {
        #expect(CSVReader.parseDate("2024-03-01") == day(2024, 3, 1))
        #expect(CSVReader.parseDate("03/04/2024") == day(2024, 3, 4))
        #expect(CSVReader.parseDate("13/04/2024") == day(2024, 4, 13))
        #expect(CSVReader.parseDate("01.02.2023 12:00") == day(2023, 2, 1) + 0.5)
        #expect(CSVReader.parseDate("2023-02-30") == nil)
        #expect(CSVReader.parseDate("yesterday") == nil)
    }

    @Test func parseBooleanReadsOnlyTrueAndFalse() {
        #expect(CSVReader.parseBoolean("TRUE") == true)
        #expect(CSVReader.parseBoolean(" False ") == false)
        #expect(CSVReader.parseBoolean("yes") == nil)
        #expect(CSVReader.parseBoolean("1") == nil)
    }
}

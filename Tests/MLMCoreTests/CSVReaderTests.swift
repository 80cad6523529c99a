import Foundation
import Testing
import MLMCore

private func read(_ text: String, _ options: CSVReadOptions = .init()) throws(CSVError) -> (DataFrame, CSVReadReport) {
    try CSVReader.read(bytes: Array(text.utf8), options: options)
}

private func strings(_ frame: DataFrame, _ name: String) -> [String?] {
    guard let column = frame[name] else { return [] }
    return (0..<column.count).map { column.string(at: $0) }
}

private func numbers(_ frame: DataFrame, _ name: String) -> [Double?] {
    guard let column = frame[name] else { return [] }
    return (0..<column.count).map { column.number(at: $0) }
}

private func readError(_ text: String, _ options: CSVReadOptions = .init()) -> CSVError? {
    do {
        _ = try CSVReader.read(bytes: Array(text.utf8), options: options)
        return nil
    } catch {
        return error
    }
}

private func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/csv"))
    return url.path
}

@Suite struct CSVReaderTests {
    // MARK: Quoting

    @Test func quotedFieldsKeepDelimitersAndDoubledQuotes() throws {
        let (frame, _) = try read("name,quote\n\"Smith, John\",\"she said \"\"hi\"\"\"\nplain,\"\"\"\"\n")
        #expect(strings(frame, "name") == ["Smith, John", "plain"])
        #expect(strings(frame, "quote") == ["she said \"hi\"", "\""])
    }

    @Test func quotedFieldsHoldLineBreaksOfEveryKind() throws {
        let text = "id,note\r\n1,\"line one\r\nline two\"\r\n2,\"a\nb\"\r\n3,\"lone\rcarriage\"\r\n"
        let (frame, _) = try read(text)
        #expect(frame.rowCount == 3)
        #expect(strings(frame, "note") == ["line one\r\nline two", "a\nb", "lone\rcarriage"])
        #expect(numbers(frame, "id") == [1, 2, 3])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        let (frame, _) = try read("a,b\n\"abc\"def,1\n\"x\" ,2\n")
        #expect(strings(frame, "a") == ["abcdef", "x"])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsData() throws {
        let (frame, _) = try read("height,n\n5'10\",1\n6'1\",2\n")
        #expect(strings(frame, "height") == ["5'10\"", "6'1\""])
    }

    @Test func unquotedFieldsAreTrimmedButQuotedOnesAreKept() throws {
        let (frame, _) = try read("a,b\n  hello  ,\" padded \"\n x , y \n")
        #expect(strings(frame, "a") == ["hello", "x"])
        #expect(strings(frame, "b") == [" padded ", "y"])
    }

    // MARK: Delimiters

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t")), ("|", UInt8(ascii: "|"))])
    func everyDelimiterIsDetected(symbol: String, byte: UInt8) throws {
        let text = ["city", "visits", "note"].joined(separator: symbol) + "\n"
            + ["Berlin", "3", "\"a\(symbol)b\""].joined(separator: symbol) + "\n"
            + ["Paris", "5", "plain"].joined(separator: symbol) + "\n"
        let (frame, report) = try read(text)
        #expect(report.separator == .character(byte))
        #expect(frame.columnNames == ["city", "visits", "note"])
        #expect(numbers(frame, "visits") == [3, 5])
        #expect(strings(frame, "note") == ["a\(symbol)b", "plain"])
    }

    @Test func commasInsideTextDoNotBeatAConsistentSemicolon() throws {
        let text = "name;comment;score\nAnna;good, fast;3\nBen;slow;4\nCem;ok, I guess, fine;5\n"
        let (frame, report) = try read(text)
        #expect(report.separator == .character(UInt8(ascii: ";")))
        #expect(strings(frame, "comment") == ["good, fast", "slow", "ok, I guess, fine"])
    }

    @Test func aForcedDelimiterWins() throws {
        let (frame, report) = try read("a;b|c\n1;2|3\n", CSVReadOptions(separator: .character(UInt8(ascii: "|"))))
        #expect(report.separator == .character(UInt8(ascii: "|")))
        #expect(frame.columnNames == ["a;b", "c"])
    }

    @Test func aQuoteCannotBeTheDelimiter() {
        let error = readError("a,b\n1,2\n", CSVReadOptions(separator: .character(UInt8(ascii: "\""))))
        #expect(error?.message == "a quote cannot separate fields (it encloses values)")
    }

    @Test func aSingleColumnFileReadsAsOneColumn() throws {
        let (frame, _) = try read("email\na@x.com\nb@y.org\n")
        #expect(frame.columnNames == ["email"])
        #expect(strings(frame, "email") == ["a@x.com", "b@y.org"])
    }

    // MARK: Encodings

    @Test func byteOrderMarkIsStrippedAndReported() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name,age\nAnn,30\n".utf8)
        let (frame, report) = try CSVReader.read(bytes: bytes)
        #expect(frame.columnNames == ["name", "age"])
        #expect(report.hadByteOrderMark)
        #expect(report.encoding == .utf8)
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let bytes = Array("product,price\n".utf8) + [0x80, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x2C, 0x35, 0x0A]
            + Array("Stra".utf8) + [0xDF, 0x65, 0x2C, 0x36, 0x0A] + [0x93, 0x71, 0x94, 0x81, 0x2C, 0x37, 0x0A]
        let (frame, report) = try CSVReader.read(bytes: bytes)
        #expect(report.encoding == .windows1252)
        #expect(strings(frame, "product") == ["€ café", "Straße", "\u{201C}q\u{201D}\u{FFFD}"])
        #expect(numbers(frame, "price") == [5, 6, 7])
    }

    @Test func latin1CanBeForced() throws {
        let bytes = Array("x\n".utf8) + [0x80, 0xE9, 0x0A]
        let (frame, report) = try CSVReader.read(bytes: bytes, options: CSVReadOptions(encoding: .latin1))
        #expect(report.encoding == .latin1)
        #expect(strings(frame, "x") == ["\u{80}é"])
    }

    @Test func forcedUTF8RepairsBadBytes() throws {
        let bytes = Array("x\n".utf8) + [0x61, 0xE9, 0x62, 0x0A]
        let (frame, _) = try CSVReader.read(bytes: bytes, options: CSVReadOptions(encoding: .utf8))
        #expect(strings(frame, "x") == ["a\u{FFFD}b"])
    }

    @Test func validUTF8IsNotMistakenForWindows1252() throws {
        let (frame, report) = try read("city\nKöln\nZürich\n")
        #expect(report.encoding == .utf8)
        #expect(strings(frame, "city") == ["Köln", "Zürich"])
    }

    @Test func utf16FilesAreRefusedWithAnExplanation() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00]
        var message = ""
        do { _ = try CSVReader.read(bytes: bytes) } catch { message = error.message }
        #expect(message.hasPrefix("the file is saved as UTF-16 text (little-endian); open it in Excel"))
    }

    // MARK: Ragged rows, quotes, empty input

    @Test func aRaggedRowIsAnErrorNamingItsLine() {
        let text = "a,b,c,d\n1,2,3,4\n5,6,7,8,9\n"
        let error = readError(text)
        #expect(error == CSVError(
            message: "line 3 has 5 fields but the header has 4 (check for an unquoted delimiter or a missing quote)",
            line: 3, kind: .ragged))
    }

    @Test func lineNumbersCountPhysicalLinesInsideQuotes() {
        let text = "a,b\n1,\"two\nlines\"\n\n3\n"
        let error = readError(text)
        #expect(error?.line == 5)
        #expect(error?.message.hasPrefix("line 5 has 1 field but the header has 2") == true)
    }

    @Test func skipModeSkipsAndCountsBadRows() throws {
        var text = "a,b\n"
        for i in 1...15 { text += i % 3 == 0 ? "\(i)\n" : "\(i),\(i * 10)\n" }
        let (frame, report) = try read(text, CSVReadOptions(skipBadRows: true))
        #expect(frame.rowCount == 10)
        #expect(report.skippedRows == 5)
        #expect(report.skippedLines == [4, 7, 10, 13, 16])
        #expect(numbers(frame, "b").first == 10)
    }

    @Test func skipModeListsAtMostTenLines() throws {
        var text = "a,b\n"
        for i in 1...30 { text += i % 2 == 0 ? "\(i),1,2\n" : "\(i),1\n" }
        let (frame, report) = try read(text, CSVReadOptions(skipBadRows: true))
        #expect(frame.rowCount == 15)
        #expect(report.skippedRows == 15)
        #expect(report.skippedLines == [3, 5, 7, 9, 11, 13, 15, 17, 19, 21])
    }

    @Test func anUnterminatedQuoteNamesTheLineItOpensOn() {
        let error = readError("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        #expect(error == CSVError(message: "a quote opened on line 3 is never closed (check for a missing '\"')", line: 3))
    }

    @Test func anUnterminatedQuoteInTheHeaderIsReported() {
        let error = readError("\"a,b\n1,2\n")
        #expect(error?.line == 1)
    }

    @Test func aFieldOver16MBIsAnErrorNamingItsLine() {
        let huge = String(repeating: "x", count: 16 * 1024 * 1024)
        let error = readError("a,b\n1,2\n3,\(huge)\n")
        #expect(error == CSVError(message: "line 3 has a field longer than 16 MB (check for a missing quote)", line: 3))
    }

    @Test func aHeaderWithAbsurdlyManyColumnsIsRefused() {
        let header = String(repeating: "a,", count: 150_000) + "a\n"
        let error = readError(header + "1\n")
        #expect(error?.message.hasPrefix("the header has 150,001 columns; at most 100,000 are supported") == true)
        #expect(error?.line == 1)
    }

    @Test func anEmptyFileIsAnError() {
        #expect(readError("") == CSVError(message: "the file is empty"))
        #expect(readError("\n\n  \r\n") == CSVError(message: "the file is empty"))
        #expect((try? CSVReader.read(bytes: [0xEF, 0xBB, 0xBF])) == nil)
    }

    @Test func aHeaderAloneGivesAnEmptyTable() throws {
        let (frame, _) = try read("name,age,city\n")
        #expect(frame.rowCount == 0)
        #expect(frame.columnNames == ["name", "age", "city"])
        #expect(frame.columns.allSatisfy { $0.type == .text && $0.count == 0 })
    }

    @Test func blankLinesAndTheTrailingNewlineAreNotRows() throws {
        let (frame, _) = try read("\n\na,b\n1,2\n\n   \n3,4\n\n")
        #expect(frame.rowCount == 2)
        #expect(numbers(frame, "b") == [2, 4])
    }

    @Test func aMissingFinalNewlineStillReadsTheLastRow() throws {
        let (frame, _) = try read("a,b\n1,2\n3,4")
        #expect(numbers(frame, "a") == [1, 3])
    }

    @Test func oldMacLineEndsWork() throws {
        let (frame, _) = try read("a,b\r1,2\r3,4\r")
        #expect(numbers(frame, "b") == [2, 4])
        #expect(readError("a,b\r1,2\r3\r")?.line == 3)
    }

    // MARK: Headers

    @Test func manyRepeatsOfOneHeaderAreNumberedInOrder() throws {
        let header = Array(repeating: "x", count: 5000).joined(separator: ",")
        let row = Array(repeating: "1", count: 5000).joined(separator: ",")
        let (frame, report) = try read(header + "\n" + row + "\n")
        #expect(frame.columnNames.prefix(3) == ["x", "x_2", "x_3"])
        #expect(frame.columnNames.last == "x_5000")
        #expect(report.renamedHeaders.count == 4999)
    }

    @Test func emptyAndDuplicateHeadersAreRenamedAndReported() throws {
        let (frame, report) = try read(" id ,,name,name,,name_2\n1,2,3,4,5,6\n")
        #expect(frame.columnNames == ["id", "column_2", "name", "name_3", "column_5", "name_2"])
        let renamed = report.renamedHeaders.map { "\($0.original)->\($0.new)" }
        #expect(renamed == ["->column_2", "name->name_3", "->column_5"])
    }

    @Test func columnTypesForUnknownNamesAreIgnored() throws {
        let (frame, _) = try read("a,b\n1,x\n", CSVReadOptions(columnTypes: ["c": .integer, "b": .text]))
        #expect(frame.columnNames == ["a", "b"])
        #expect(frame["a"]?.type == .integer)
        #expect(frame["b"]?.type == .text)
    }

    // MARK: Files

    @Test func aMissingFileIsReportedByPath() {
        #expect(throws: CSVError(message: "cannot read '/nonexistent/bank.csv': the file does not exist")) {
            try CSVReader.read(path: "/nonexistent/bank.csv")
        }
        #expect(throws: CSVError(message: "'/tmp' is a folder, not a file")) {
            try CSVReader.read(path: "/tmp")
        }
    }

    @Test func bankLikeFileReadsWithoutOptions() throws {
        let (frame, report) = try CSVReader.read(path: fixture("bank_sample"))
        #expect(report.separator == .character(UInt8(ascii: ";")))
        #expect(!report.decimalComma)
        #expect(frame.rowCount == 40)
        #expect(frame.columnNames == ["age", "job", "marital", "balance", "housing", "month", "duration", "y"])
        #expect(frame["age"]?.type == .integer)
        #expect(frame["balance"]?.type == .integer)
        #expect(frame["job"]?.type == .category)
        #expect(frame["y"]?.type == .category)
        #expect(Array(strings(frame, "job").prefix(3)) == ["management", "technician", "entrepreneur"])
        #expect(Array(numbers(frame, "balance").prefix(3)) == [2143, 29, 2])
    }

    @Test func shoppersLikeFileWithCRLFReadsBooleans() throws {
        let (frame, _) = try CSVReader.read(path: fixture("shoppers_sample"))
        #expect(frame.rowCount == 30)
        #expect(frame["Weekend"]?.type == .boolean)
        #expect(frame["Revenue"]?.type == .boolean)
        #expect(frame["Month"]?.type == .category)
        #expect(frame["VisitorType"]?.type == .category)
        #expect(frame["ProductRelated_Duration"]?.type == .number)
        #expect(Array(numbers(frame, "ProductRelated_Duration").prefix(3)) == [0, 64, 2.666666667])
        #expect(Array(numbers(frame, "Weekend").prefix(3)) == [0, 0, 1])
    }

    @Test func retailLikeFileReadsDateTimesAndMissingIds() throws {
        let (frame, _) = try CSVReader.read(path: fixture("retail_sample"))
        #expect(frame.rowCount == 6)
        #expect(frame["InvoiceDate"]?.type == .date)
        let firstDate = try #require(frame["InvoiceDate"]?.number(at: 0))
        let expected = Double(CivilDate(year: 2010, month: 12, day: 1).dayNumber) + (8 * 3600 + 26 * 60) / 86_400.0
        #expect(abs(firstDate - expected) < 1e-9)
        #expect(frame["CustomerID"]?.type == .integer)
        #expect(numbers(frame, "CustomerID") == [17850, 17850, nil, 14527, 12583, 12583])
        #expect(frame["InvoiceNo"]?.type == .category)
        #expect(strings(frame, "Description")[2] == nil)
        #expect(strings(frame, "Description")[4] == "CIRCUS PARADE LUNCH BOX ")
        #expect(strings(frame, "Description")[5] == "POSTAGE, \"EXPRESS\"")
        #expect(numbers(frame, "Quantity") == [6, 6, 56, -1, 24, 3])
    }

    @Test func germanExcelFileReadsDecimalCommasDatesAndWindows1252() throws {
        let (frame, report) = try CSVReader.read(path: fixture("german_excel"))
        #expect(report.encoding == .windows1252)
        #expect(report.decimalComma)
        #expect(strings(frame, "Kunde") == ["Müller", "Schäfer", "Béatrice"])
        #expect(strings(frame, "Stadt") == ["Köln", "München", "Zürich €"])
        #expect(numbers(frame, "Umsatz") == [1234.56, 987.10, 12000])
        #expect(numbers(frame, "Rabatt") == [3.5, 0, 10.25])
        #expect(frame["Datum"]?.type == .date)
        #expect(numbers(frame, "Datum").first == Double(CivilDate(year: 2023, month: 2, day: 1).dayNumber))
    }

    // MARK: Large inputs (several chunks on several cores)

    @Test func aLargeInputReadsTheSameOnAllCores() throws {
        var text = "id,label,amount,note\n"
        let rows = 60_000
        for i in 0..<rows {
            let note = i % 7 == 0 ? "\"multi\nline, \"\"\(i)\"\"\"" : "n\(i % 13)"
            text += "\(i),\(["red", "green", "blue"][i % 3]),\(Double(i) / 4),\(note)\n"
        }
        let (frame, _) = try read(text)
        #expect(frame.rowCount == rows)
        let ids = try #require(frame["id"]?.numbers)
        #expect(ids == (0..<rows).map(Double.init))
        let amounts = try #require(frame["amount"]?.numbers)
        #expect(amounts == (0..<rows).map { Double($0) / 4 })
        let notes = strings(frame, "note")
        #expect(notes[7] == "multi\nline, \"7\"")
        #expect(notes[59_998] == "n\(59_998 % 13)")
        #expect(frame["label"]?.type == .category)
    }

    @Test func aStrayQuoteBeforeTheMiddleStillReadsCorrectly() throws {
        // The quote in row 0 is data (an unquoted field), so counting quotes puts the middle
        // cut inside a quoted comment: the second piece starts mid-field, does not line up with
        // where the first piece ends, and must be redone rather than trusted.
        var text = "height,n,comment\n5'10\",0,\"a\nb\"\n"
        let rows = 90_000
        for i in 1..<rows { text += "6,\(i),\"x\ny\"\n" }
        let (frame, _) = try read(text)
        #expect(frame.rowCount == rows)
        #expect(try #require(frame["n"]?.numbers) == (0..<rows).map(Double.init))
        let comments = strings(frame, "comment")
        #expect(comments[0] == "a\nb")
        #expect(comments.dropFirst().allSatisfy { $0 == "x\ny" })
        #expect(strings(frame, "height")[0] == "5'10\"")
    }

    @Test func aRaggedRowLateInALargeFileReportsItsLine() {
        var text = "a,b\n"
        for i in 0..<100_000 { text += "\(i),\(i)\n" }
        text += "1,2,3\n"
        for i in 0..<1000 { text += "\(i),\(i)\n" }
        #expect(readError(text)?.line == 100_002)
    }

    @Test func aWideFileKeepsEveryColumnInPlace() throws {
        let columns = 3000
        let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
        let rows = (0..<40).map { row in (0..<columns).map { "\(row * columns + $0)" }.joined(separator: ",") }
        let (frame, _) = try read(([header] + rows).joined(separator: "\n") + "\n")
        #expect(frame.columnCount == columns)
        #expect(frame.rowCount == 40)
        #expect(frame["c2999"]?.number(at: 39) == Double(39 * columns + 2999))
        #expect(frame["c17"]?.number(at: 21) == Double(21 * columns + 17))
    }

    @Test func aColumnThatTurnsIntoTextLateKeepsEveryValue() throws {
        var text = "code,n\n"
        let rows = 30_000
        for i in 0..<rows { text += (i == 25_000 ? "X\(i)" : "\(i % 500)") + ",\(i)\n" }
        let (frame, _) = try read(text)
        let codes = strings(frame, "code")
        #expect(codes.count == rows)
        #expect(codes[0] == "0")
        #expect(codes[24_999] == "\(24_999 % 500)")
        #expect(codes[25_000] == "X25000")
        #expect(codes[29_999] == "\(29_999 % 500)")
        #expect(frame["code"]?.type == .category)
    }
}

import Foundation
import Testing
@testable import MLMCore

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
        _ = try read(text, options)
        return nil
    } catch {
        return error
    }
}

/// Whitespace-aligned exports: runs of spaces and tabs separate the columns.
@Suite struct CSVWhitespaceTests {
    static let aligned = """
          id   city          spend   plan
        C01    Leeds         12.50   basic
        C02    "New York"     3.25   "gold plus"
        C03    Hull             NA   basic

        C04    Bath          80.00   gold\t\t
        """ + "\n"

    @Test func runsOfSpacesAndTabsSeparateColumnsAndQuotesKeepSpaces() throws {
        let (frame, report) = try read(CSVWhitespaceTests.aligned, CSVReadOptions(separator: .whitespace))
        #expect(report.separator == .whitespace)
        #expect(frame.columnNames == ["id", "city", "spend", "plan"])
        #expect(strings(frame, "city") == ["Leeds", "New York", "Hull", "Bath"])
        #expect(strings(frame, "plan") == ["basic", "gold plus", "basic", "gold"])
        #expect(frame["spend"]?.type == .number)
        #expect(numbers(frame, "spend").map { $0 ?? -1 } == [12.5, 3.25, -1, 80])
    }

    @Test func anAlignedFileWithNoOtherDelimiterIsDetected() throws {
        let (frame, report) = try read(CSVWhitespaceTests.aligned)
        #expect(report.separator == .whitespace)
        #expect(frame.columnNames == ["id", "city", "spend", "plan"])
        #expect(frame.rowCount == 4)
    }

    @Test func tabsAndSpacesMixedForAlignmentAreOneSeparator() throws {
        let text = "a \t b\t\tc\n1\t  2 3\n  4  5\t\t\t6  \n"
        let (frame, report) = try read(text)
        #expect(report.separator == .whitespace)
        #expect(numbers(frame, "c") == [3, 6])
    }

    @Test func aCommaFileWithSpacesStaysCommaSeparated() throws {
        // Every row also splits into three on spaces; the comma fits perfectly, so it wins.
        let (frame, report) = try read("a, b, c\n1, 2, 3\n4, 5, 6\n")
        #expect(report.separator == .character(UInt8(ascii: ",")))
        #expect(numbers(frame, "b") == [2, 5])
        let (cities, cityReport) = try read("name,city\nAnn,New York\nBo,San Diego\n")
        #expect(cityReport.separator == .character(UInt8(ascii: ",")))
        #expect(strings(cities, "city") == ["New York", "San Diego"])
    }

    @Test func aTabFileWithEmptyCellsStaysTabSeparated() throws {
        let (frame, report) = try read("a\tb\tc\n1\t\t3\n4\tx y\t6\n")
        #expect(report.separator == .character(UInt8(ascii: "\t")))
        #expect(strings(frame, "b") == [nil, "x y"])
    }

    @Test func thousandsCommasDoNotHideAnAlignedFile() throws {
        // Split on commas the header has one field and each row two: runs of spaces fit better.
        let (frame, report) = try read("region   revenue\nnorth    1,200\nsouth    3,400\n")
        #expect(report.separator == .whitespace)
        #expect(frame.columnNames == ["region", "revenue"])
    }

    @Test func aSingleColumnWithoutRunsOfSpacesStillLoads() throws {
        let (frame, _) = try read("full name\nAnn Lee\nBo Chen Wu\n")
        #expect(frame.columnNames == ["full name"])
        #expect(strings(frame, "full name") == ["Ann Lee", "Bo Chen Wu"])
        // Every row splits in two like the header, but nothing is aligned: still one column.
        let (pairs, _) = try read("full name\nAnn Lee\nBo Chen\n")
        #expect(pairs.columnNames == ["full name"])
    }

    @Test func anAlignedHeaderOverUnevenRowsIsRefusedNotOneColumn() {
        let text = "id   city        spend\n1    New York       10\n2    San Diego      20\n3    Hull           30\n"
        let error = readError(text)
        #expect(error?.kind == .singleColumnWithSpaces)
        #expect(error?.line == 2)
        #expect(error?.message == "the file reads as a single column named 'id   city        spend': its header looks aligned "
            + "with spaces, but split at runs of spaces the header has 3 columns and line 2 has 4")
        // Asked for explicitly, the separator is the user's choice and the file loads.
        #expect(readError(text, CSVReadOptions(separator: .character(UInt8(ascii: ",")))) == nil)
    }

    @Test func aRaggedWhitespaceRowSaysEmptyCellsNeedNA() {
        let error = readError("a  b  c\n1  2  3\n4     6\n", CSVReadOptions(separator: .whitespace))
        #expect(error?.kind == .ragged)
        #expect(error?.message == "line 3 has 2 fields but the header has 3 (columns are separated by runs of spaces, "
            + "so an empty cell must be written NA and a value with spaces quoted)")
    }

    @Test func decimalCommasCanBeAlignedToo() throws {
        let (frame, report) = try read("name   price\nx      1.234,50\ny      3,25\n")
        #expect(report.separator == .whitespace)
        #expect(report.decimalComma)
        #expect(numbers(frame, "price") == [1234.5, 3.25])
    }

    @Test func crlfAndTrailingPaddingEndRecords() throws {
        let (frame, _) = try read("a   b  \r\n1   2  \r\n  3   4\r\n", CSVReadOptions(separator: .whitespace))
        #expect(numbers(frame, "a") == [1, 3])
        #expect(numbers(frame, "b") == [2, 4])
    }

    @Test func aLargeAlignedFileReadsTheSameOnEveryCore() throws {
        // Over a megabyte, so the parallel chunks cut it; every row must survive the cuts.
        var text = "  id      score   segment\n"
        for k in 0..<60_000 { text += "  \(k)\t   \(k % 97).5   \"s \(k % 7)\"\n" }
        let (frame, report) = try read(text)
        #expect(report.separator == .whitespace)
        #expect(frame.rowCount == 60_000)
        #expect(numbers(frame, "id").last == 59_999)
        #expect(frame["segment"]?.type == .category)
        #expect(strings(frame, "segment").last == "s \(59_999 % 7)")
    }

    @Test func separatorRulesRefuseBytesThatOccurInValues() {
        #expect(FieldSeparator.problem(with: UInt8(ascii: ";")) == nil)
        #expect(FieldSeparator.problem(with: UInt8(ascii: "\t")) == nil)
        #expect(FieldSeparator.problem(with: UInt8(ascii: " ")) != nil)
        #expect(FieldSeparator.problem(with: UInt8(ascii: "7")) != nil)
        #expect(FieldSeparator.problem(with: 0x0A) != nil)
        #expect(FieldSeparator.problem(with: 0xC3) != nil)
    }
}

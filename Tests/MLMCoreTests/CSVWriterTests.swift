import Foundation
import Testing
import MLMCore

private func text(_ frame: DataFrame) -> String {
    String(decoding: CSVWriter.encode(frame), as: UTF8.self)
}

private func day(_ year: Int, _ month: Int, _ day: Int) -> Double {
    Double(CivilDate(year: year, month: month, day: day).dayNumber)
}

/// A fresh empty folder under the system temp folder.
private func scratchFolder() throws -> String {
    let path = NSTemporaryDirectory() + "csv-writer-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite struct CSVWriterTests {
    @Test func textIsQuotedOnlyWhenNeeded() {
        let values = ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\rhere", " padded", "trailing ", "in side"]
        let frame = DataFrame(columns: [Column(name: "v", type: .text, strings: values)])
        #expect(text(frame) == "v\nplain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"line\nbreak\"\n\"cr\rhere\"\n\" padded\"\n\"trailing \"\nin side\n")
    }

    @Test func formulaLikeTextIsDefused() {
        let values = ["=SUM(A1)", "+49 30 123", "-x", "@me", "\tindent", "\rcr", "a=b"]
        let frame = DataFrame(columns: [Column(name: "v", type: .category, strings: values)])
        #expect(text(frame) == "v\n'=SUM(A1)\n'+49 30 123\n'-x\n'@me\n'\tindent\n\"'\rcr\"\na=b\n")
    }

    @Test func headerNamesAreEscapedLikeText() {
        let frame = DataFrame(columns: [
            Column(name: "a,b", type: .integer, numbers: [1]),
            Column(name: "=c", type: .integer, numbers: [2]),
        ])
        #expect(text(frame) == "\"a,b\",'=c\n1,2\n")
    }

    @Test func negativeNumbersAreNotEscaped() {
        let frame = DataFrame(columns: [Column(name: "n", type: .integer, numbers: [-3, 4])])
        #expect(text(frame) == "n\n-3\n4\n")
    }

    @Test func numbersAreShortestAndPlain() {
        let numbers: [Double] = [3, -3, 0.1, 1e-05, -2.5e-06, 1.5e-07, 1e15, 1e16, 123456.789, -0.0, 1 / 3, 2.5, 1e-6]
        let frame = DataFrame(columns: [Column(name: "n", numbers: numbers)])
        let lines = text(frame).split(separator: "\n").map(String.init)
        #expect(lines == ["n", "3", "-3", "0.1", "0.00001", "-0.0000025", "1.5e-07", "1000000000000000", "1e+16",
                          "123456.789", "0", "0.3333333333333333", "2.5", "0.000001"])
    }

    @Test func randomNumbersReadBackExactlyAndStayPlain() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<5000 {
            let exponent = random.nextInt(below: 30) - 12
            var value = (random.nextUnit() - 0.5) * 2
            for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
            if random.nextInt(below: 3) == 0 { value = (value * 1000).rounded() / 1000 }
            let frame = DataFrame(columns: [Column(name: "n", numbers: [value])])
            let written = String(text(frame).dropFirst(2).dropLast())
            #expect(Double(written) == value, "\(value) written as \(written)")
            if value.magnitude >= 1e-6 && value.magnitude < 1e15 {
                #expect(!written.contains("e"), "\(value) written as \(written)")
            }
            if !value.description.contains("e") && value != value.rounded() {
                #expect(written == value.description, "\(value) written as \(written)")
            }
        }
    }

    @Test func datesAreWrittenExactlyAsCivilDateFormats() {
        var random = SeededGenerator(seed: 12)
        var values: [Double] = []
        for _ in 0..<3000 {
            let dayNumber = Double(random.nextInt(below: 80_000) - 20_000)
            let seconds = random.nextInt(below: 3) == 0 ? 0 : Double(random.nextInt(below: 86_400))
            values.append(dayNumber + seconds / 86_400 + (random.nextInt(below: 5) == 0 ? random.nextUnit() * 1e-6 : 0))
        }
        let frame = DataFrame(columns: [Column(name: "d", type: .date, numbers: values)])
        let lines = text(frame).split(separator: "\n").dropFirst().map(String.init)
        #expect(lines == values.map(CivilDate.format))
    }

    @Test func booleansDatesAndMissingCells() {
        let frame = DataFrame(columns: [
            Column(name: "flag", type: .boolean, numbers: [1, 0, .nan]),
            Column(name: "when", type: .date, numbers: [day(2024, 3, 1), .nan, day(2010, 12, 1) + (8 * 3600 + 26 * 60) / 86_400.0]),
            Column(name: "city", type: .category, strings: [nil, "Rome", "Oslo"]),
            Column(name: "n", type: .number, numbers: [.nan, 2.5, .infinity]),
        ])
        // No step leaves an infinity in a cell; one that got here anyway is written missing, since
        // the text `inf` would reload as a category.
        #expect(text(frame) == "flag,when,city,n\ntrue,2024-03-01,,\nfalse,,Rome,2.5\n,2010-12-01 08:26,Oslo,\n")
    }

    @Test func writingThenReadingGivesTheSameValues() throws {
        let numbers: [Double] = [0.1, 1e-05, 123.456, -7.25e-08, .nan, 42, 1e300, 5e-324]
        let original = DataFrame(columns: [
            Column(name: "id", type: .integer, numbers: [17850, .nan, -3, 0, 9_007_199_254_740_991, 1, 2, 3]),
            Column(name: "amount", type: .number, numbers: numbers),
            Column(name: "flag", type: .boolean, numbers: [1, 0, 1, .nan, 0, 0, 1, 1]),
            Column(name: "when", type: .date, numbers: [
                day(2024, 2, 29), day(1999, 12, 31) + 86_399 / 86_400.0, .nan, day(2010, 12, 1) + 30_360 / 86_400.0,
                day(1970, 1, 1), day(2000, 1, 1), day(2000, 1, 2), day(2000, 1, 3),
            ]),
            Column(name: "label", type: .category, strings: [
                "a,b", "say \"hi\"", "two\nlines", " padded", nil, "Köln", "a,b", "plain",
            ]),
        ])
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/round trip.csv"
        try CSVWriter.write(original, to: path)
        let (copy, _) = try CSVReader.read(path: path)
        #expect(copy.columnNames == original.columnNames)
        for column in original.columns {
            let read = try #require(copy[column.name])
            #expect(read.type == column.type)
            for row in 0..<column.count {
                #expect(read.isMissing(row) == column.isMissing(row))
                #expect(read.number(at: row) == column.number(at: row))
                #expect(read.string(at: row) == column.string(at: row))
            }
        }
    }

    @Test func writingIsAtomicAndLeavesNoTempFile() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.csv"
        try "old content\n".write(toFile: path, atomically: false, encoding: .utf8)
        let frame = DataFrame(columns: [Column(name: "a", type: .integer, numbers: [1, 2])])
        try CSVWriter.write(frame, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n1\n2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }

    @Test func aFailedWriteNamesThePathAndCleansUp() throws {
        let frame = DataFrame(columns: [Column(name: "a", type: .integer, numbers: [1])])
        #expect(throws: CSVError(message: "cannot write '/nonexistent-folder/out.csv': the folder does not exist")) {
            try CSVWriter.write(frame, to: "/nonexistent-folder/out.csv")
        }
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/taken", withIntermediateDirectories: false)
        #expect(throws: CSVError.self) { try CSVWriter.write(frame, to: folder + "/taken") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["taken"])
    }

    @Test func datesOutsideTheCalendarAreWrittenMissing() {
        // Stored dates always lie in 0001-01-01...9999-12-31; anything else is no date to write
        // (as a number it would reload as a number column).
        let frame = DataFrame(columns: [Column(name: "d", type: .date, numbers: [1e300, -2.5e15, 2_932_897, 0])])
        #expect(text(frame) == "d\n\n\n\n1970-01-01\n")
    }

    @Test func anEmptyTableWritesItsHeader() {
        let frame = DataFrame(columns: [Column(name: "a", type: .text, strings: []), Column(name: "b", numbers: [])])
        #expect(text(frame) == "a,b\n")
    }
}

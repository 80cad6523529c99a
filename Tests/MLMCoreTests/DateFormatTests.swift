import Foundation
import Testing
@testable import MLMCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Double {
    Double(CivilDate(year: year, month: month, day: dayOfMonth).dayNumber)
}

private func format(_ text: String) throws -> DateFormat { try DateFormat.compile(text) }

private func compileError(_ text: String) -> String? {
    do {
        _ = try DateFormat.compile(text)
        return nil
    } catch {
        return error.message
    }
}

/// Reads a file made of one header and the given lines.
private func read(_ lines: [String], _ options: CSVReadOptions = .init()) throws -> (DataFrame, CSVReadReport) {
    try CSVReader.read(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), options: options)
}

@Suite struct DateFormatTests {
    @Test func eachFormatReadsItsDates() throws {
        let expected = day(2024, 3, 5)
        let cases: [(String, String)] = [
            ("dd-mm-yyyy", "05-03-2024"), ("dd/mm/yyyy", "5/3/2024"), ("mm/dd/yyyy", "03/05/2024"),
            ("dd.mm.yyyy", "05.03.2024"), ("yyyy/mm/dd", "2024/03/05"), ("yyyymmdd", "20240305"),
            ("dd-Mon-yyyy", "05-Mar-2024"), ("dd-Mon-yyyy", "5-MARCH-2024"), ("Mon dd, yyyy", "mar 5, 2024"),
            ("Month dd, yyyy", "March 05, 2024"), ("dd Mon yyyy", "5 Mar 2024"), ("yyyy-mm-dd", " 2024-03-05 "),
        ]
        for (written, cell) in cases {
            #expect(try format(written).read(cell) == expected, "\(written) reading \(cell)")
        }
    }

    @Test func timesZonesAndTwelveHourClocks() throws {
        let iso = try format("yyyy-mm-ddTHH:MM:SS.fffZ")
        #expect(iso.read("2024-03-05T10:30:15.250Z") == day(2024, 3, 5) + (10 * 3600 + 30 * 60 + 15.25) / 86_400)
        // Offsets are moved to UTC, across midnight too.
        #expect(iso.read("2024-03-05T23:30:00.0-02:00") == day(2024, 3, 6) + 1.5 / 24)
        #expect(iso.read("2024-03-05T01:00:00.5+0530") == day(2024, 3, 4) + (19.5 * 3600 + 0.5) / 86_400)
        let clock = try format("mm/dd/yyyy HH:MM AM")
        #expect(clock.read("03/05/2024 12:05 AM") == day(2024, 3, 5) + 5 * 60 / 86_400)
        #expect(clock.read("03/05/2024 12:05 pm") == day(2024, 3, 5) + (12 * 3600 + 5 * 60) / 86_400)
        #expect(clock.read("03/05/2024 13:05 PM") == nil)
        // A format without a time still takes one after the date.
        #expect(try format("dd/mm/yyyy").read("05/03/2024 18:00") == day(2024, 3, 5) + 0.75)
    }

    @Test func badValuesAreNotDates() throws {
        let dmy = try format("dd/mm/yyyy")
        #expect(dmy.read("31/02/2024") == nil)      // February has no 31st
        #expect(dmy.read("29/02/2023") == nil)      // 2023 is not a leap year
        #expect(dmy.read("29/02/2024") == day(2024, 2, 29))
        #expect(dmy.read("29/02/1900") == nil)      // 1900 is not a leap year (Excel's bug aside)
        #expect(dmy.read("29/02/2000") == day(2000, 2, 29))
        #expect(dmy.read("01/13/2024") == nil)      // no 13th month
        #expect(dmy.read("01/01/2024x") == nil)     // trailing junk
        #expect(dmy.read("01/01/2024 25:00") == nil)
        #expect(dmy.read("01-01-2024") == nil)      // other separator
        #expect(dmy.read("01/01/24") == nil)        // two-digit year
        #expect(dmy.read("00/01/2024") == nil)
        #expect(dmy.read("01/01/0000") == nil)      // year 0 is outside the calendar
        #expect(dmy.read("") == nil)
        let compact = try format("yyyymmdd")
        #expect(compact.read("2024035") == nil)
        #expect(compact.read("20241301") == nil)
        #expect(compact.read("202403051") == nil)
        #expect(try format("dd-Mon-yyyy").read("05-Mrz-2024") == nil)
        #expect(try format("Mon dd, yyyy").read("Mar 32, 2024") == nil)
    }

    @Test func numbersReadWithAFormat() throws {
        let compact = try format("yyyymmdd")
        #expect(compact.read(number: 20_240_305) == day(2024, 3, 5))
        // A number loses leading zeros; a format of digits only puts them back.
        #expect(compact.read(number: 10_101) == day(1, 1, 1))
        #expect(compact.read(number: 20_240_305.5) == nil)
        #expect(compact.read(number: -20_240_305) == nil)
        #expect(try format("dd-mm-yyyy").read(number: 5_032_024) == nil)
    }

    @Test func excelSerialsKeepTheLeapYearBugOutOfTheData() throws {
        let excel = try format("excel")
        #expect(excel.read(number: 1) == day(1900, 1, 1))
        #expect(excel.read(number: 59) == day(1900, 2, 28))
        #expect(excel.read(number: 60) == nil)      // 29 February 1900 never was
        #expect(excel.read(number: 61) == day(1900, 3, 1))
        #expect(excel.read(number: 45_356.75) == day(2024, 3, 5) + 0.75)
        #expect(excel.read(number: 2_958_465) == day(9999, 12, 31))
        #expect(excel.read(number: 2_958_466) == nil)
        #expect(excel.read(number: 0) == nil)
        #expect(excel.read("45356") == day(2024, 3, 5))
        #expect(excel.write(day(1900, 2, 28)) == "59")
        #expect(excel.write(day(1900, 3, 1)) == "61")
        #expect(excel.write(day(1899, 12, 31)) == "")
    }

    @Test func invalidFormatsSayWhatIsWrong() {
        #expect(compileError("dd-mm-yy")?.contains("'yy' is not a year field: write yyyy") == true)
        #expect(compileError("dd-mm-yyy")?.contains("write yyyy") == true)
        #expect(compileError("d/m/yyyy")?.contains("'d' is not a date field: write dd") == true)
        #expect(compileError("dd/mm/yyyy/dd")?.contains("twice") == true)
        #expect(compileError("dd/Mon/mm/yyyy")?.contains("month twice") == true)
        #expect(compileError("mm/yyyy")?.contains("no day") == true)
        #expect(compileError("dd/mm")?.contains("no year") == true)
        #expect(compileError("dd/yyyy")?.contains("no month") == true)
        #expect(compileError("dd/mm/yyyy MM")?.contains("MM without HH") == true)
        #expect(compileError("dd/mm/yyyy q")?.contains("'q' is not a letter of date formats") == true)
        #expect(compileError("dd/mm/2024")?.contains("digit") == true)
        #expect(compileError("dd·mm·yyyy") != nil)
        #expect(compileError("") != nil)
        #expect(compileError("Excel") == nil)
        #expect(compileError("yyyy-mm-ddTHH:MM:SS.fffZ") == nil)
    }
}

@Suite struct DateInferenceTests {
    @Test func everyExportFormIsADate() throws {
        let cells: [(String, Double)] = [
            ("2024/03/05", day(2024, 3, 5)), ("2024/3/5", day(2024, 3, 5)), ("05-Mar-2024", day(2024, 3, 5)),
            ("5 march 2024", day(2024, 3, 5)), ("Mar 5, 2024", day(2024, 3, 5)), ("September 30 2024", day(2024, 9, 30)),
            ("Sept 30, 2024", day(2024, 9, 30)), ("2024-03-05T10:00:00+01:00", day(2024, 3, 5) + 9 / 24.0),
            ("2024-03-05T10:00:00.5Z", day(2024, 3, 5) + (10 * 3600 + 0.5) / 86_400), ("31.12.2023", day(2023, 12, 31)),
            ("3/5/2024 2:30 PM", day(2024, 3, 5) + 14.5 / 24),
        ]
        for (cell, value) in cells {
            let (frame, _) = try read(["d", "\"\(cell)\""])
            #expect(frame["d"]?.type == .date, "\(cell)")
            #expect(frame["d"]?.numbers?.first == value, "\(cell)")
        }
    }

    @Test func theDataSettlesDayOrMonthFirst() throws {
        let (dayFirst, report) = try read(["d", "03-04-2024", "25-12-2023"])
        #expect(dayFirst["d"]?.numbers == [day(2024, 4, 3), day(2023, 12, 25)])
        #expect(report.dateOrders.map(\.decision) == [.settled(monthFirst: false)])
        #expect(report.dateOrders.first?.examples == [DateExample(line: 3, text: "25-12-2023")])
        let (monthFirst, _) = try read(["d", "03-04-2024", "12-25-2023"])
        #expect(monthFirst["d"]?.numbers == [day(2024, 3, 4), day(2023, 12, 25)])
    }

    @Test func aColumnBothOrdersFitIsReadTheDocumentedWay() throws {
        let (slash, slashReport) = try read(["d", "03/04/2024", "05/05/2024"])
        #expect(slash["d"]?.numbers?.first == day(2024, 3, 4))
        #expect(slashReport.dateOrders.first?.decision == .byDefault(monthFirst: true))
        #expect(slashReport.dateOrders.first?.other == "dd/mm/yyyy")
        let (dash, dashReport) = try read(["d", "03-04-2024"])
        #expect(dash["d"]?.numbers?.first == day(2024, 4, 3))
        #expect(dashReport.dateOrders.first?.decision == .byDefault(monthFirst: false))
        // Day equal to month: nothing to decide, nothing to say.
        let (_, plain) = try read(["d", "05/05/2024", "2024-01-01"])
        #expect(plain.dateOrders.isEmpty)
    }

    @Test func aColumnWithEvidenceForBothOrdersIsNeverMixed() throws {
        let (frame, report) = try read(["d", "31/01/2024", "01/02/2024", "01/31/2024"])
        #expect(frame["d"]?.type.isString == true)
        #expect(report.dateOrders.first?.decision == .mixed)
        #expect(report.dateOrders.first?.examples == [DateExample(line: 2, text: "31/01/2024"), DateExample(line: 4, text: "01/31/2024")])
        // Forced to a date without a format: an error, not a guess.
        var options = CSVReadOptions()
        options.columnTypes = ["d": .date]
        #expect(throws: CSVError.self) { try read(["d", "31/01/2024", "01/31/2024"], options) }
        // A forced date reads the column's one order, never cell by cell.
        let (forced, _) = try read(["d", "03/04/2024", "25/12/2023"], options)
        #expect(forced["d"]?.numbers == [day(2024, 4, 3), day(2023, 12, 25)])
    }

    @Test func anExplicitFormatAtLoadReadsEveryCellOrNamesTheLine() throws {
        var options = CSVReadOptions()
        options.columnTypes = ["d": .date]
        options.dateFormats = ["d": try format("yyyymmdd")]
        let (frame, _) = try read(["d", "20240305", "NA", "19991231"], options)
        #expect(frame["d"]?.numbers?.map { $0.isNaN ? -1 : $0 } == [day(2024, 3, 5), -1, day(1999, 12, 31)])
        do {
            _ = try read(["d", "20240305", "20241301"], options)
            Issue.record("a bad cell was read")
        } catch let error as CSVError {
            #expect(error.message == "column 'd' should hold dates written \"yyyymmdd\" but line 3 has '20241301'")
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aForcedTypeCountsEveryCellItRejects() throws {
        var options = CSVReadOptions()
        options.columnTypes = ["d": .date]
        options.dateFormats = ["d": try format("dd/mm/yyyy")]
        let cells = ["d"] + (1...12).map { $0 % 2 == 0 ? "31/02/2024" : "01/0\($0 % 9 + 1)/2024" }
        do {
            _ = try read(cells, options)
            Issue.record("bad cells were read")
        } catch let error as CSVError {
            #expect(error.message == "column 'd' should hold dates written \"dd/mm/yyyy\" but 6 cells do not: line 3 has "
                + "'31/02/2024', line 5 has '31/02/2024', line 7 has '31/02/2024', line 9 has '31/02/2024', line 11 has "
                + "'31/02/2024', and 1 more")
            #expect(error.line == 3)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func integerColumnsOfCompactDatesGetAHint() throws {
        let (_, report) = try read(["d,id,n", "20240315,12345678,1", "19991231,20240230,2", "NA,20240101,3"])
        // 20240230 is no date; 1 and 2 are not written yyyymmdd.
        #expect(report.compactDateColumns == ["d"])
    }

    @Test func linesOfRowsAreFoundInTheFile() throws {
        let path = "/tmp/mlm-date-lines-\(UInt32.random(in: 0...UInt32.max)).csv"
        let text = "a,b\n1,x\n\n2,\"two\nlines\"\n3,y\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var (frame, _) = try CSVReader.read(path: path)
        frame = frame.gatheringRows([2, 0])
        let lineage = try #require(frame.lineage)
        #expect(CSVReader.lines(of: lineage, dataRows: [lineage.dataRow(0) ?? -1, lineage.dataRow(1) ?? -1]) == [6, 2])
    }
}

import Testing
@testable import MLMCore

@Suite("extract date parts")
struct FeatureDateTests {
    // 2024-03-15 was a Friday, the 75th day of a leap year (31 + 29 + 15);
    // 2023-12-31 a Sunday, the 365th day; 2024-01-01 a Monday.
    private func signups() -> DataFrame {
        DataFrame(columns: [
            PrepTables.dates("signup", ["2024-03-15", "2023-12-31", nil, "2024-01-01"]),
            PrepTables.numbers("age", [1, 2, 3, 4]),
        ])
    }

    @Test func everyPartOfKnownDates() throws {
        var frame = signups()
        let expected: [(DatePart, [Double?])] = [
            (.year, [2024, 2023, nil, 2024]), (.quarter, [1, 4, nil, 1]), (.month, [3, 12, nil, 1]),
            (.day, [15, 31, nil, 1]), (.weekday, [5, 7, nil, 1]), (.dayOfYear, [75, 365, nil, 1]),
            (.hour, [0, 0, nil, 0]),
        ]
        for (part, values) in expected {
            let name = try frame.extractDatePart("signup", part: part)
            #expect(name == "signup_\(part.rawValue)")
            #expect(frame[name]?.type == .integer)
            #expect(PrepTables.cells(frame, name) == values, "\(part)")
        }
        #expect(frame.columnNames.first == "signup")
        #expect(frame.columnNames[1] == "signup_hour")  // each new part goes right after the source
        #expect(frame.columnNames.last == "age")
        #expect(frame.preparation.isEmpty)
    }

    @Test func hourComesFromTheTimeOfDay() throws {
        var frame = DataFrame(columns: [Column(name: "at", type: .date, numbers: [19_723.75, 19_723.5 + 1.0 / 86_400])])
        #expect(try frame.extractDatePart("at", part: .hour) == "at_hour")
        #expect(PrepTables.cells(frame, "at_hour") == [18, 12])
        #expect(try frame.extractDatePart("at", part: .dayOfYear) == "at_day_of_year")
    }

    @Test func onlyDateColumnsHaveParts() {
        var frame = signups()
        #expect(PrepTables.message { _ = try frame.extractDatePart("age", part: .month) }
            == "column 'age' holds numbers; extract needs dates")
    }

    @Test func extractingTwiceReplacesTheColumn() throws {
        var frame = signups()
        _ = try frame.extractDatePart("signup", part: .month)
        _ = try frame.extractDatePart("signup", part: .month)
        #expect(frame.columnNames == ["signup", "signup_month", "age"])
    }
}

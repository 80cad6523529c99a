import Testing
@testable import MLMCore

@Suite("replace and text transforms")
struct CleanValuesTests {
    @Test func replaceTextsWithMissingInNamedColumns() throws {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef", "?", "n/a", nil, "?"])])
        let changed = try frame.replace([.string("?"), .string("n/a")], with: .missing, in: ["job"])
        #expect(changed == 3)
        #expect(PrepTables.texts(frame, "job") == ["chef", nil, nil, nil, nil])
        // The replaced texts are gone from the dictionary too.
        #expect(frame["job"]?.strings?.dictionary == ["chef"])
    }

    @Test func replaceMissingWithAValue() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("calls", [nil, 2, nil], type: .integer)])
        #expect(try frame.replace([.missing], with: .number(0), in: ["calls"]) == 2)
        #expect(PrepTables.cells(frame, "calls") == [0, 2, 0])
        #expect(frame["calls"]?.type == .integer)
    }

    @Test func numberMatchesItsTextInACategoryColumn() throws {
        var frame = DataFrame(columns: [PrepTables.strings("code", ["999", "12", "999"])])
        #expect(try frame.replace([.number(999)], with: .string("unknown"), in: ["code", "code"]) == 2)
        #expect(PrepTables.texts(frame, "code") == ["unknown", "12", "unknown"])
    }

    @Test func wholeNumberColumnReceivingAFractionBecomesNumber() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("rating", [-1, 3, 4], type: .integer)])
        #expect(try frame.replace([.number(-1)], with: .number(2.5), in: ["rating"]) == 1)
        #expect(frame["rating"]?.type == .number)
        #expect(PrepTables.cells(frame, "rating") == [2.5, 3, 4])
    }

    @Test func withoutColumnsEveryColumnTheValuesFitIsChanged() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("job", ["?", "chef"]),
            PrepTables.numbers("age", [30, 40]),
            PrepTables.strings("city", ["Oslo", "?"], type: .text),
        ])
        // "?" cannot occur in the number column 'age', which is left alone.
        #expect(try frame.replace([.string("?")], with: .missing, in: []) == 2)
        #expect(PrepTables.texts(frame, "job") == [nil, "chef"])
        #expect(PrepTables.texts(frame, "city") == ["Oslo", nil])
        #expect(PrepTables.cells(frame, "age") == [30, 40])
    }

    @Test func valueThatCannotOccurInANamedColumnIsAnError() {
        var frame = DataFrame(columns: [PrepTables.numbers("age", [30, 40], type: .integer)])
        #expect(PrepTables.message { _ = try frame.replace([.string("?")], with: .missing, in: ["age"]) }
            == "column 'age' holds whole numbers; '?' is text, not a number")
        #expect(PrepTables.message { _ = try frame.replace([.number(1)], with: .missing, in: ["agee"]) }
            == "there is no column 'agee'")
    }

    @Test func replacingAValueWithItselfChangesNothing() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("job", ["chef", "cook"]), PrepTables.numbers("n", [1, 2]),
        ])
        #expect(try frame.replace([.string("chef")], with: .string("chef"), in: ["job"]) == 0)
        #expect(try frame.replace([.number(1)], with: .number(1), in: ["n"]) == 0)
        #expect(try frame.replace([.missing], with: .missing, in: ["n"]) == 0)
    }

    @Test func trimMergesValuesThatBecomeEqual() throws {
        var frame = DataFrame(columns: [PrepTables.strings("city", [" Paris", "Paris ", "Paris", nil, "Oslo"])])
        #expect(try frame.transformText("city", .trim) == 2)
        #expect(PrepTables.texts(frame, "city") == ["Paris", "Paris", "Paris", nil, "Oslo"])
        #expect(frame["city"]?.strings?.dictionary == ["Paris", "Oslo"])
    }

    @Test func trimmingNothingButSpacesLeavesAMissingCell() throws {
        // An empty cell of a file is missing; a cell that trimming empties is missing the same way.
        var frame = DataFrame(columns: [PrepTables.strings("note", ["  ", "ok ", "\t", nil])])
        #expect(try frame.transformText("note", .trim) == 3)
        #expect(PrepTables.texts(frame, "note") == [nil, "ok", nil, nil])
        #expect(frame["note"]?.strings?.dictionary == ["ok"])
        #expect(frame["note"]?.missingCount == 3)
    }

    @Test func lowerAndUpperCountOnlyCellsThatChange() throws {
        var frame = DataFrame(columns: [PrepTables.strings("city", ["PARIS", "paris", "Oslo"], type: .text)])
        #expect(try frame.transformText("city", .lower) == 2)
        #expect(PrepTables.texts(frame, "city") == ["paris", "paris", "oslo"])
        #expect(frame["city"]?.type == .text)
        #expect(try frame.transformText("city", .upper) == 3)
        #expect(PrepTables.texts(frame, "city") == ["PARIS", "PARIS", "OSLO"])
        #expect(try frame.transformText("city", .upper) == 0)
    }

    @Test func textTransformsNeedTextColumns() {
        var frame = DataFrame(columns: [PrepTables.numbers("age", [1])])
        #expect(PrepTables.message { _ = try frame.transformText("age", .trim) }
            == "column 'age' holds numbers; trim needs text or categories")
    }
}

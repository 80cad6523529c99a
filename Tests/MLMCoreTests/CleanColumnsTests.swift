import Testing
@testable import MLMCore

@Suite("drop, keep and rename columns")
struct CleanColumnsTests {
    private func table() -> DataFrame {
        DataFrame(columns: [
            PrepTables.numbers("age", [30]), PrepTables.strings("job", ["chef"]),
            PrepTables.numbers("balance", [5]), PrepTables.strings("city", ["Oslo"]),
        ])
    }

    @Test func dropColumnsRemovesThem() throws {
        var frame = table()
        try frame.dropColumns(["job", "city"])
        #expect(frame.columnNames == ["age", "balance"])
    }

    @Test func dropColumnsChangesNothingWhenOneNameIsUnknown() {
        var frame = table()
        #expect(PrepTables.message { try frame.dropColumns(["job", "balanse"]) } == "there is no column 'balanse'")
        #expect(frame.columnNames == ["age", "job", "balance", "city"])
    }

    @Test func keepColumnsKeepsTheGivenOrderOnce() throws {
        var frame = table()
        try frame.keepColumns(["city", "age", "city"])
        #expect(frame.columnNames == ["city", "age"])
        #expect(PrepTables.message { try frame.keepColumns(["job"]) } == "there is no column 'job'")
    }

    @Test func renameChecksBothNames() throws {
        var frame = table()
        try frame.rename("job", to: "occupation")
        #expect(frame.columnNames == ["age", "occupation", "balance", "city"])
        try frame.rename("age", to: "age")
        #expect(PrepTables.message { try frame.rename("job", to: "x") } == "there is no column 'job'")
        #expect(PrepTables.message { try frame.rename("age", to: "city") }
            == "there is already a column 'city'; drop it first or choose another name for 'age'")
        #expect(PrepTables.message { try frame.rename("age", to: "") }
            == "the new name for 'age' is empty; give it a name")
    }
}

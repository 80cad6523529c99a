import Testing
@testable import MLMCore

@Suite("fill")
struct CleanFillTests {
    @Test func meanFillsMissingCellsAndRecordsTheStep() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("income", [10, nil, 20, 60, nil])])
        let result = try frame.fill("income", with: .mean)
        // (10 + 20 + 60) / 3 = 30
        #expect(result == FillResult(filled: 2, value: .number(30)))
        #expect(PrepTables.cells(frame, "income") == [10, 30, 20, 60, 30])
        #expect(frame.preparation == [.fillNumber(column: "income", strategy: "mean", value: 30)])
    }

    @Test func anAllMissingColumnIsNotSaidToHoldText() {
        var frame = DataFrame(columns: [Column(name: "notes", type: .text, strings: [nil, nil, nil])])
        #expect(throws: PrepError("column 'notes' is missing in every row, so it holds no numbers for fill with median; drop it, or check the file for why it is empty")) {
            try frame.fill("notes", with: .median)
        }
        var text = DataFrame(columns: [Column(name: "notes", type: .text, strings: ["a", nil, "b"])])
        #expect(throws: PrepError("column 'notes' holds text; fill with median needs numbers")) {
            try text.fill("notes", with: .median)
        }
    }

    @Test func wholeMeanKeepsAnIntegerColumnAndFractionTurnsItIntoNumber() throws {
        var whole = DataFrame(columns: [PrepTables.numbers("age", [20, nil, 40], type: .integer)])
        _ = try whole.fill("age", with: .mean)
        #expect(whole["age"]?.type == .integer)
        #expect(PrepTables.cells(whole, "age") == [20, 30, 40])

        // Median of 1, 2, 3, 4 is 2.5: the column becomes `number` rather than rounding.
        var fraction = DataFrame(columns: [PrepTables.numbers("visits", [1, 2, nil, 3, 4], type: .integer)])
        let result = try fraction.fill("visits", with: .median)
        #expect(result.value == .number(2.5))
        #expect(fraction["visits"]?.type == .number)
        #expect(PrepTables.cells(fraction, "visits") == [1, 2, 2.5, 3, 4])
    }

    @Test func meanIsLearnedFromTrainingRowsOnly() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("spend", [10, 20, 1000, nil, nil])])
        frame.roles = [.train, .train, .test, .train, .test]
        let result = try frame.fill("spend", with: .mean)
        // Train rows hold 10 and 20 (and one missing): mean 15, not (10 + 20 + 1000) / 3.
        #expect(result == FillResult(filled: 2, value: .number(15)))
        #expect(PrepTables.cells(frame, "spend") == [10, 20, 1000, 15, 15])
    }

    @Test func modeOfNumbersTakesTheSmallestOnTies() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("children", [3, 1, 3, 1, nil, 2], type: .integer)])
        let result = try frame.fill("children", with: .mode)
        #expect(result == FillResult(filled: 1, value: .number(1)))
        #expect(PrepTables.cells(frame, "children") == [3, 1, 3, 1, 1, 2])
    }

    @Test func modeOfCategoriesTakesTheFirstAlphabeticallyOnTies() throws {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["nurse", "admin", nil, "nurse", "admin", "chef"])])
        let result = try frame.fill("job", with: .mode)
        #expect(result == FillResult(filled: 1, value: .string("admin")))
        #expect(PrepTables.texts(frame, "job") == ["nurse", "admin", "admin", "nurse", "admin", "chef"])
        #expect(frame.preparation == [.fillString(column: "job", strategy: "mode", value: "admin")])
    }

    @Test func constantTextFillsACategoryColumn() throws {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef", nil, nil])])
        let result = try frame.fill("job", with: .constant(.string("unknown")))
        #expect(result == FillResult(filled: 2, value: .string("unknown")))
        #expect(PrepTables.texts(frame, "job") == ["chef", "unknown", "unknown"])
    }

    @Test func constantNumberInACategoryColumnIsStoredAsItsText() throws {
        var frame = DataFrame(columns: [PrepTables.strings("zip", ["1000", nil])])
        let result = try frame.fill("zip", with: .constant(.number(9999)))
        #expect(result.value == .string("9999"))
        #expect(PrepTables.texts(frame, "zip") == ["1000", "9999"])
    }

    @Test func constantsForBooleanAndDateColumns() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("member", [1, nil], type: .boolean),
            PrepTables.dates("signup", ["2024-01-02", nil]),
        ])
        #expect(try frame.fill("member", with: .constant(.string("no"))).value == .number(0))
        #expect(try frame.fill("signup", with: .constant(.string("2024-02-01"))).value == .string("2024-02-01"))
        #expect(PrepTables.cells(frame, "member") == [1, 0])
        #expect(PrepTables.cells(frame, "signup") == [19_724, 19_754])
        #expect(frame.preparation.last == .fillNumber(column: "signup", strategy: "constant", value: 19_754))
    }

    @Test func constantThatDoesNotFitTheColumnIsAnError() {
        var frame = DataFrame(columns: [
            PrepTables.numbers("age", [30, nil], type: .integer),
            PrepTables.numbers("member", [1, nil], type: .boolean),
            PrepTables.dates("signup", ["2024-01-02", nil]),
        ])
        #expect(PrepTables.message { _ = try frame.fill("age", with: .constant(.string("old"))) }
            == "column 'age' holds whole numbers; 'old' is text, not a number")
        #expect(PrepTables.message { _ = try frame.fill("member", with: .constant(.number(2))) }
            == "column 'member' holds yes/no values; 2 is neither 1 (yes) nor 0 (no)")
        #expect(PrepTables.message { _ = try frame.fill("signup", with: .constant(.string("soon"))) }
            == "column 'signup' holds dates; 'soon' is not a date like '2024-01-31'")
        #expect(PrepTables.message { _ = try frame.fill("age", with: .constant(.missing)) }
            == "fill needs a value to put in the missing cells of 'age', not missing")
        #expect(frame.preparation.isEmpty)
    }

    @Test func columnWithoutMissingCellsStillRecordsTheStep() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("score", [1, 2, 6])])
        let result = try frame.fill("score", with: .median)
        #expect(result == FillResult(filled: 0, value: .number(2)))
        #expect(frame.preparation == [.fillNumber(column: "score", strategy: "median", value: 2)])
    }

    @Test func noTrainingValuesIsAnError() {
        var frame = DataFrame(columns: [PrepTables.numbers("x", [nil, 5, nil])])
        frame.roles = [.train, .test, .train]
        #expect(PrepTables.message { _ = try frame.fill("x", with: .median) }
            == "column 'x' has no values in the training rows to compute a median from")
        var unsplit = DataFrame(columns: [PrepTables.strings("job", [nil, nil])])
        #expect(PrepTables.message { _ = try unsplit.fill("job", with: .mode) }
            == "column 'job' has no values to compute a most frequent value from")
    }

    @Test func meanOfCategoriesAndUnknownColumnsAreErrors() {
        var frame = DataFrame(columns: [PrepTables.strings("job", ["chef", nil])])
        #expect(PrepTables.message { _ = try frame.fill("job", with: .mean) }
            == "column 'job' holds categories; fill with mean needs numbers")
        #expect(PrepTables.message { _ = try frame.fill("revenu", with: .mean) } == "there is no column 'revenu'")
    }
}

import Testing
@testable import MLMCore

@Suite("onehot")
struct FeatureOneHotTests {
    @Test func levelsBecomeZeroOneColumnsWhereTheSourceWas() throws {
        var frame = DataFrame(columns: [
            PrepTables.numbers("id", [1, 2, 3, 4]),
            PrepTables.strings("job", ["nurse", "admin", nil, "nurse"]),
            PrepTables.numbers("age", [30, 40, 50, 60]),
        ])
        let outputs = try frame.oneHot("job")
        #expect(outputs == ["job_admin", "job_nurse"])
        #expect(frame.columnNames == ["id", "job_admin", "job_nurse", "age"])
        #expect(frame["job_admin"]?.type == .integer)
        #expect(PrepTables.cells(frame, "job_admin") == [0, 1, 0, 0])
        #expect(PrepTables.cells(frame, "job_nurse") == [1, 0, 0, 1])
        #expect(frame.preparation == [.oneHot(column: "job", levels: ["admin", "nurse"], outputs: outputs)])
    }

    @Test func levelsAreLearnedOnTrainingRowsAndUnseenLevelsGetZeros() throws {
        var frame = DataFrame(columns: [PrepTables.strings("city", ["Oslo", "Rome", "Lima", "Oslo"])])
        frame.roles = [.train, .train, .test, .validation]
        #expect(try frame.oneHot("city") == ["city_oslo", "city_rome"])
        // Lima only occurs in a test row: it has no column and its row is all zeros.
        #expect(PrepTables.cells(frame, "city_oslo") == [1, 0, 0, 1])
        #expect(PrepTables.cells(frame, "city_rome") == [0, 1, 0, 0])
    }

    @Test func namesAreMadeSafeAndCollisionsNumbered() throws {
        var frame = DataFrame(columns: [
            PrepTables.strings("segment", ["Blue-Collar", "blue collar", "Self Employed", "Étudiant"]),
            PrepTables.numbers("segment_self_employed", [0, 0, 0, 0]),
        ])
        let outputs = try frame.oneHot("segment")
        // Sorted levels: "Blue-Collar" < "Self Employed" < "blue collar" < "Étudiant".
        #expect(outputs == ["segment_blue_collar", "segment_self_employed_2", "segment_blue_collar_2", "segment_etudiant"])
        #expect(PrepTables.cells(frame, "segment_blue_collar_2") == [0, 1, 0, 0])
    }

    @Test func wholeNumberLevelsSortNumerically() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("plan", [10, 2, -1, 2], type: .integer)])
        #expect(try frame.oneHot("plan") == ["plan_minus_1", "plan_2", "plan_10"])
        #expect(PrepTables.cells(frame, "plan_10") == [1, 0, 0, 0])
        #expect(frame.preparation.first == .oneHot(column: "plan", levels: ["-1", "2", "10"], outputs: ["plan_minus_1", "plan_2", "plan_10"]))
    }

    @Test func booleanLevelsAreFalseAndTrue() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("member", [1, 0, nil], type: .boolean)])
        #expect(try frame.oneHot("member") == ["member_false", "member_true"])
        #expect(PrepTables.cells(frame, "member_true") == [1, 0, 0])
    }

    @Test func tooManyLevelsIsAnError() {
        var frame = DataFrame(columns: [PrepTables.strings("customer", (0..<5321).map { "c\($0)" })])
        #expect(PrepTables.message { _ = try frame.oneHot("customer") }
            == "column 'customer' has 5,321 different values; one-hot encoding would add 5,321 columns "
            + "(at most 100 are allowed); bin it or drop it instead")
        #expect(frame.columnNames == ["customer"])
    }

    @Test func numberAndDateColumnsAreRefused() {
        var frame = DataFrame(columns: [PrepTables.numbers("balance", [1.5])])
        #expect(PrepTables.message { _ = try frame.oneHot("balance") }
            == "column 'balance' holds numbers; onehot needs categories, text, yes/no values or whole numbers")
    }

    @Test func noLevelsInTrainingRowsIsAnError() {
        var frame = DataFrame(columns: [PrepTables.strings("job", [nil, "chef"])])
        frame.roles = [.train, .test]
        #expect(PrepTables.message { _ = try frame.oneHot("job") }
            == "column 'job' has no values in the training rows to compute the levels from")
    }
}

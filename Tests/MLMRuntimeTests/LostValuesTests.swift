import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// A step that turns present values into missing ones says how many, per column; one that
/// would leave a column without a single value is an error (see LostCells.enforce, AlwaysLost).
@Suite struct LostValuesTests {
    /// x: 4, -1, 0, missing, 9 · visits: 2, 0, 3, 0, 1 · status: n/a, ok, n/a, n/a, ok
    private let table = "id,x,visits,status,name\n1,4,2,n/a,ann\n2,-1,0,ok,\"  \"\n3,0,3,n/a,bo\n4,,0,n/a,cy\n5,9,1,ok,di\n"

    private func run(_ steps: String, csv: String? = nil) throws -> (outputs: [StepOutput], error: RuntimeError?, check: [Diagnostic]) {
        let run = try runScript("load \"t.csv\" as t\n" + steps, files: ["t.csv": csv ?? table])
        return (run.outputs, run.error, run.check)
    }

    @Test func divisionByZeroCountsOnlyRowsThatHadBothValues() throws {
        // Rows 2 and 4 divide by zero; row 4 had no x, so only row 2 lost a value.
        let run = try run("feature t:\n    r = x / visits\n")
        #expect(run.error == nil)
        #expect(run.outputs.last?.warnings == ["1 row of 'r' was divided by zero and is missing"])
    }

    @Test func logAndSqrtOfValuesWithoutAResultAreCounted() throws {
        let run = try run("feature t:\n    l = log(x)\n    s = sqrt(x - 1)\n")
        #expect(run.outputs.last?.warnings == [
            "2 rows of 'l' took log() of zero or a negative number and are missing",
            "2 rows of 's' took sqrt() of a negative number and are missing",
        ])
    }

    @Test func aDeliberateMissingBranchIsNotALoss() throws {
        // Row 2 (x = -1) chooses `missing` as written; row 3 (x = 0) chooses log(0) and loses it.
        let run = try run("feature t:\n    k = if(x < 0, missing, log(x))\n")
        #expect(run.outputs.last?.warnings == ["1 row of 'k' took log() of zero or a negative number and is missing"])
    }

    @Test func aLostValueThatDoesNotReachTheResultIsNotCounted() throws {
        let run = try run("feature t:\n    flag = log(x) is missing\n")
        #expect(run.outputs.last?.warnings == [])
    }

    @Test func aFilterSaysWhereItsConditionLostItsValue() throws {
        // Rows 2 and 3 (x = -1, 0) have no log: the condition is not met, so they stay.
        let filtered = try run("clean t:\n    drop rows where log(x) > 1\nshow t where x / visits > 1 or visits > 100\n")
        #expect(filtered.outputs[1].warnings == ["2 rows took log() of zero or a negative number and are missing, so the condition is not met there"])
        #expect(filtered.outputs[2].warnings == ["1 row was divided by zero and is missing, so the condition is not met there"])
        // A lost value that does not decide the condition is no loss.
        let decided = try run("show t where x / visits > 1 or visits >= 0\n")
        #expect(decided.outputs[1].warnings == [])
    }

    @Test func replacingAColumnCountsValuesEmptiedByAMissingInput() throws {
        // Rows 2 and 4 choose missing; row 4's x was missing already.
        let run = try run("feature t:\n    x = x * if(visits > 0, 1, missing)\n")
        #expect(run.outputs.last?.warnings == ["1 present value of 'x' became missing"])
    }

    @Test func replaceWithMissingIsCountedWithThousandsSeparators() throws {
        let rows = (1...2_400).map { "\($0),\($0 % 2 == 0 ? "n/a" : "ok")" }.joined(separator: "\n")
        let run = try run("clean t:\n    replace \"n/a\" with missing in status\n", csv: "id,status\n" + rows + "\n")
        #expect(run.error == nil)
        #expect(run.outputs.last?.warnings == ["1,200 present values of 'status' became missing"])
    }

    @Test func replaceThatEmptiesAColumnIsAnError() throws {
        let run = try run("clean t:\n    replace \"n/a\", \"ok\" with missing in status\n")
        let error = try #require(run.error)
        #expect(error.kind == .failedStep)
        #expect(error.diagnostic.message == "this would make every value of 'status' missing (5 present values would become missing)")
        #expect(error.diagnostic.help == "check the values this step matches; to get rid of the column, write: drop columns status")
        // The whole step is undone: the table keeps its values.
        #expect(run.outputs.count == 1)
    }

    @Test func aDerivedColumnWithoutASingleValueIsAnErrorAtTheCause() throws {
        let source = "load \"t.csv\" as t\nfeature t:\n    l = log(0 - abs(x))\n"
        let run = try runScript(source, files: ["t.csv": table])
        let error = try #require(run.error)
        #expect(error.diagnostic.message == "this would leave 'l' without a single value: 4 rows took log() of zero or a negative number")
        let location = SourceFile(name: "script.mlm", text: source).location(of: error.diagnostic.range.start)
        #expect(location.line == 3 && location.column == 9)
        #expect(error.diagnostic.help?.contains("log(x + 1)") == true)
    }

    @Test func checkRefusesWhatLosesEveryRowWhateverTheData() throws {
        let run = try run("feature t:\n    q = x / 0 + 1\n    w = x * log(0)\n    fine = if(x > 1, log(0), 1)\n")
        #expect(run.check.map(\.message) == [
            "this would leave 'q' without a single value: every row is divided by zero",
            "this would leave 'w' without a single value: log() of zero or a negative number has no value",
        ])
        #expect(AlwaysLost.cause(of: try #require(parseExpression("x / (2 - 2)")))?.0 == .divisionByZero)
        #expect(AlwaysLost.cause(of: try #require(parseExpression("exp(1000) + x")))?.0 == .overflow)
        #expect(AlwaysLost.cause(of: try #require(parseExpression("x > 1 or 1 / 0 > 2"))) == nil)
        #expect(AlwaysLost.cause(of: try #require(parseExpression("missing"))) == nil)
    }

    @Test func trimmingTextToNothingMakesItMissingAndSaysSo() throws {
        let clean = try run("clean t:\n    trim name\n")
        #expect(clean.outputs.last?.warnings == ["1 present value of 'name' became missing"])
        let feature = try run("feature t:\n    n = trim(name)\n")
        #expect(feature.outputs.last?.warnings == ["1 row of 'n' held only spaces (trim() leaves them empty) and is missing"])
    }

    @Test func oneHotSaysWhichRowsHoldALevelTheTrainingRowsLack() throws {
        var frame = DataFrame(columns: [Column(name: "city", type: .category, strings: ["rome", "oslo", "rome", "lima"])])
        frame.roles = [.train, .train, .train, .test]
        let source = SourceFile(name: "s.mlm", text: "feature t:\n    onehot city\n")
        let (program, _) = Parser.parse(source)
        guard case .feature(let feature)? = program.statements.first?.kind else { Issue.record("no feature step"); return }
        var warnings: [String] = []
        _ = try Interpreter(session: Session(baseDirectory: "/tmp"), source: source).apply(feature.operations[0], to: &frame, warnings: &warnings)
        #expect(warnings == ["1 row of 'city' holds a value not seen in the training rows; its one-hot columns are all 0, as for a missing value"])
    }

    @Test func stepsReplayedForPredictionSayWhatTheyLost() throws {
        let train = "x,y\n" + (1...40).map { "\($0),\($0 % 3 == 0 ? "yes" : "no")" }.joined(separator: "\n") + "\n"
        let script = """
        load "train.csv" as t
        feature t:
            lx = log(x)
        model m = train logistic on t target y = "yes"
        load "new.csv" as n
        predict m on n as score
        """
        let run = try runScript(script, files: ["train.csv": train, "new.csv": "x\n5\n-2\n7\n"])
        #expect(run.error == nil)
        #expect(run.outputs.last?.warnings.contains(
            "preparing the rows like the training data at 'lx = log(x)': 1 row of 'lx' took log() of zero or a negative number and is missing") == true)
        // New rows that lose every value of a derived input are still scored (the model fills
        // a missing input as it learned), and the note says what was lost.
        let single = try runScript(script, files: ["train.csv": train, "new.csv": "x\n-2\n"])
        #expect(single.error == nil)
        #expect(single.outputs.last?.warnings.contains(
            "preparing the rows like the training data at 'lx = log(x)': 1 row of 'lx' took log() of zero or a negative number and is missing") == true)
    }
}

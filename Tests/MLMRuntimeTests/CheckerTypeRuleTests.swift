import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Every type error `mlm check` reports before running is the error the step gives when it
/// runs: same words, same place. Each script is checked, then run without the check (as a REPL
/// line whose table is already loaded would be), and the two first problems compared.
@Suite struct CheckerTypeRuleTests {
    static let data = """
        id,plan,note,spend,visits,signup,conversion,segment
        1,basic,called back,10.5,3,2024-01-05,0,a
        2,premium,no answer,20.25,5,2024-02-11,1,b
        3,premium,left a message,5,2,2024-03-01,0,c
        4,premium,asked for a quote,40.75,8,2024-03-15,1,a
        5,basic,wrong number,3.5,1,2024-04-02,0,b
        6,basic,signed up online,35,7,2024-04-20,1,c
        7,basic,busy,12,4,2024-05-09,0,a
        8,premium,call next week,30.5,6,2024-05-30,1,b
        """

    /// The first problem `mlm check` finds, and the error the run gives without the check.
    static func bothWays(_ script: String) throws -> (check: Diagnostic?, run: Diagnostic?) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlm-types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try data.write(to: directory.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        let source = SourceFile(name: "script.mlm", text: "load \"leads.csv\" as t\n" + script + "\n")
        let (program, syntax) = Parser.parse(source)
        #expect(syntax.isEmpty, "\(syntax)")
        let check = Checker.check(program, session: Session(baseDirectory: directory.path)).diagnostics.first
        let run = Interpreter(session: Session(baseDirectory: directory.path), source: source).run(program) { _ in }
        return (check, run?.diagnostic)
    }

    static let caughtBeforeRunning: [(script: String, message: String)] = [
        ("clean t:\n    fill plan with median", "column 'plan' holds categories; fill with median needs numbers"),
        ("clean t:\n    fill note with mean", "column 'note' holds categories; fill with mean needs numbers"),
        ("clean t:\n    clip plan at 0 and 1", "column 'plan' holds categories; clip needs numbers"),
        ("feature t:\n    extract month from note", "column 'note' holds categories; extract needs dates"),
        ("feature t:\n    extract month from spend", "column 'spend' holds numbers; extract needs dates"),
        ("feature t:\n    standardize plan", "column 'plan' holds categories; standardize needs numbers"),
        ("feature t:\n    log signup", "column 'signup' holds dates; log needs numbers"),
        ("feature t:\n    b = bin plan into 3 quantiles", "column 'plan' holds categories; bin needs numbers"),
        ("feature t:\n    x = plan * 2", "'*' needs numbers, but one side is text"),
        ("feature t:\n    x = spend > \"10\"", "'>' cannot compare text with a number"),
        ("feature t:\n    x = -plan", "'-' needs a number, but this is text"),
        ("feature t:\n    x = if(spend, 1, 0)", "the first value of 'if' must be a condition (true/false), but this is a number"),
        ("feature t:\n    x = lower(spend)", "'lower' needs text here, but this is a number"),
        ("feature t:\n    x = round(plan)", "'round' needs a number here, but this is text"),
        ("feature t:\n    x = signup * 2", "dates can only be moved by a number of days (+, -) or subtracted from each other"),
        ("feature t:\n    x = 30 - signup", "dates can only be moved by a number of days (+, -) or subtracted from each other"),
        ("clean t:\n    drop rows where spend", "this condition gives a number, not true/false"),
        ("clean t:\n    drop rows where plan and spend > 1", "'and' joins conditions (true/false), but one side is text"),
        ("model m = train logistic on t target spend",
         "logistic predicts classes, but 'spend' holds numbers; use linear or random_forest, or write target spend = <value> to predict one value"),
        ("model m = train naive_bayes on t target visits",
         "naive_bayes predicts classes, but 'visits' holds numbers; use linear or random_forest, or write target visits = <value> to predict one value"),
        ("model m = train linear on t target plan", "linear predicts numbers, but 'plan' holds classes; use logistic or random_forest"),
        ("model m = train ridge on t target conversion = 1", "ridge predicts numbers, but 'conversion' holds classes; use logistic or random_forest"),
        ("model m = train logistic on t target conversion as number",
         "logistic predicts classes, but 'as number' asks for 'conversion' as a number; use linear or random_forest, or leave out 'as number' to predict its classes"),
        ("model m = train linear on t target plan as number",
         "'as number' needs a number column, but 'plan' holds categories; leave out 'as number' to predict its classes"),
        ("compare logistic, linear on t target segment", "linear predicts numbers, but 'segment' holds classes; use logistic or random_forest"),
        ("tune logistic on t target spend over c [0.1, 1]",
         "logistic predicts classes, but 'spend' holds numbers; use linear or random_forest, or write target spend = <value> to predict one value"),
        ("select features of t for plan as number top 2 by correlation",
         "'as number' needs a number column, but 'plan' holds categories; leave out 'as number' to predict its classes"),
    ]

    @Test(arguments: 0..<caughtBeforeRunning.count)
    func checkReportsWhatTheRunRejectsAtTheSamePlace(_ index: Int) throws {
        let (script, message) = Self.caughtBeforeRunning[index]
        let (check, run) = try Self.bothWays(script)
        #expect(check?.message == message, "check: \(script)")
        #expect(run?.message == message, "run: \(script)")
        #expect(check?.range == run?.range, "\(script)")
        #expect(check?.help == run?.help, "\(script)")
    }

    /// What only the data settles is left to the run, and the run still refuses it.
    @Test func zeroOneTargetsAreSettledByTheData() throws {
        let (check, run) = try Self.bothWays("model m = train linear on t target conversion")
        #expect(check == nil)
        #expect(run?.message == "linear predicts numbers, but 'conversion' holds classes; use logistic or random_forest, or write target conversion as number to fit a regression on its 0/1 values")
        let filtered = try Self.bothWays("clean t:\n    drop rows where spend > 100\nmodel m = train logistic on t target visits")
        #expect(filtered.check == nil, "a filter may change which values a column holds")
        #expect(filtered.run?.message.hasPrefix("logistic predicts classes") == true)
    }

    @Test func stepsThatFitTheirColumnsPassBothWays() throws {
        let script = """
            clean t:
                fill spend with median
                trim plan
            feature t:
                extract month from signup
                standardize spend
                onehot plan
            model m = train logistic on t target conversion = "1"
            model n = train gradient_boosting on t target conversion with trees 3, min_samples_leaf 1
            model r = train gradient_boosting on t target conversion as number with trees 3, min_samples_leaf 1
            """
        let (check, run) = try Self.bothWays(script)
        #expect(check == nil)
        #expect(run == nil, "\(run?.message ?? "")")
    }
}

@testable import MLMRuntime
import MLMSyntax
import Testing

/// The checker finds problems before anything runs, using the schema sampled from each file.
@Suite struct CheckerTests {
    static let csv = """
        customer_id,signup,country,revenue,visits
        1,2023-01-05,UK,120.5,3
        2,2023-02-11,DE,80,1

        """

    func check(_ script: String) throws -> [Diagnostic] {
        try runScript(script, files: ["customers.csv": CheckerTests.csv]).check
    }

    @Test func unknownColumnSuggestsTheClosestName() throws {
        let problems = try check("load \"customers.csv\" as c\nclean c:\n    fill revenu with median\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message == "there is no column 'revenu'")
        #expect(problems.first?.help == "did you mean 'revenue'?")
    }

    @Test func unknownTableSuggestsTheClosestName() throws {
        let problems = try check("load \"customers.csv\" as customers\ndescribe customer\n")
        #expect(problems.first?.message == "there is no table 'customer'")
        #expect(problems.first?.help == "did you mean 'customers'?")
    }

    @Test func reportsEveryProblemNotJustTheFirst() throws {
        let problems = try check("""
            load "customers.csv" as c
            feature c:
                a = revenu * 2
                b = lower(visits)
                c = country * 2
            clean c:
                drop rows where visits
            """)
        #expect(problems.count == 4)
    }

    @Test func typeErrorsInExpressions() throws {
        let problems = try check("load \"customers.csv\" as c\nfeature c:\n    b = lower(visits)\n")
        #expect(problems.first?.message == "'lower' needs text here, but this is a number")
        let condition = try check("load \"customers.csv\" as c\nshow c where revenue\n")
        #expect(condition.first?.message == "this condition gives a number, not true/false")
    }

    @Test func columnsTrackedThroughSteps() throws {
        let ok = try check("""
            load "customers.csv" as c
            clean c:
                rename revenue to sales
            feature c:
                per_visit = sales / visits
                onehot country
            show c columns per_visit, country_uk
            """)
        #expect(ok.isEmpty)
        let gone = try check("load \"customers.csv\" as c\nclean c:\n    drop column revenue\nshow c columns revenue\n")
        #expect(gone.first?.message == "there is no column 'revenue'")
    }

    @Test func splitSharesMustAddUp() throws {
        let problems = try check("load \"customers.csv\" as c\nsplit c into train 70%, test 20%\n")
        #expect(problems.first?.message == "the shares add up to 90%; they must add up to 100%")
        let role = try check("load \"customers.csv\" as c\nsplit c into trian 80%, test 20%\n")
        #expect(role.first?.help == "did you mean 'train'?")
    }

    @Test func unknownOptionsAndReservedSteps() throws {
        let option = try check("load \"customers.csv\" as c with seperator \";\"\n")
        #expect(option.first?.message == "'load' has no option 'seperator'")
        #expect(option.first?.help == "did you mean 'sep'?")
        let report = try check("load \"customers.csv\" as c\nreport \"churn.pdf\"\n")
        #expect(report.first?.message == "cannot tell the report format of 'churn.pdf'")
        #expect(try check("load \"customers.csv\" as c\nreport \"out/churn.html\"\n").isEmpty)
    }

    @Test func modelStepsAreChecked() throws {
        let problems = try check("""
            load "customers.csv" as c
            model a = train logistc on c target visits
            model b = train logistic on c target visits = 3 with c 0, penalti l2
            evaluate d
            predict b on c as score
            show c columns score, score_label
            """)
        #expect(problems.map(\.message) == [
            "there is no algorithm 'logistc'",
            "option 'c' of logistic must be a number above 0 and at most 1,000,000; got 0",
            "logistic has no option 'penalti'",
            "there is no model 'd'",
        ])
        #expect(problems.first?.help == "did you mean 'logistic'?")
        #expect(problems[2].help == "did you mean 'penalty'?")
    }

    @Test func thresholdRules() throws {
        let ok = try check("load \"customers.csv\" as c\nmodel m = train logistic on c target country = \"UK\"\nevaluate m at threshold recall(80%)\nevaluate m at threshold best_f1\n")
        #expect(ok.isEmpty)
        let bad = try check("load \"customers.csv\" as c\nmodel m = train logistic on c target country = \"UK\"\nevaluate m at threshold 2\n")
        #expect(bad.first?.message == "the threshold must be a number more than 0 and less than 1, best_f1, or recall(80%); got 2")
    }

    @Test func numericStepsRejectTextColumns() throws {
        let problems = try check("load \"customers.csv\" as c\nfeature c:\n    standardize country\n")
        #expect(problems.first?.message == "column 'country' holds categories; standardize needs numbers")
        #expect(problems.first?.help == "use 'onehot country' to turn categories into numbers")
    }
}

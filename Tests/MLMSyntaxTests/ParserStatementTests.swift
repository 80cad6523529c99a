import Testing
@testable import MLMSyntax

@Suite struct ParserStatementTests {
    // MARK: - load, describe, show

    @Test func loadWithPathAndName() throws {
        let statement = try #require(singleStatement("load \"data/bank.csv\" as bank"))
        guard case .load(let load) = statement.kind else { Issue.record("not a load"); return }
        #expect(load.path == PathLiteral("data/bank.csv", range: SourceRange(start: 5, end: 20)))
        #expect(load.name == Identifier("bank", range: SourceRange(start: 24, end: 28)))
        #expect(load.options.isEmpty && load.columnTypes.isEmpty)
        #expect(statement.keyword == Identifier("load", range: SourceRange(start: 0, end: 4)))
        #expect(statement.range == SourceRange(start: 0, end: 28))
    }

    @Test func loadOptionsSplitIntoOptionsAndColumnTypes() throws {
        let text = "load \"data/export.csv\" as leads with sep \";\", decimal \",\", encoding \"windows-1252\", "
            + "skip_bad_rows, column zip as text, column signup as date"
        let statement = try #require(singleStatement(text))
        guard case .load(let load) = statement.kind else { Issue.record("not a load"); return }
        #expect(load.options.map(describe) == ["sep=\";\"", "decimal=\",\"", "encoding=\"windows-1252\"", "skip_bad_rows"])
        #expect(load.columnTypes.map { "\($0.column.name):\($0.type.name)" } == ["zip:text", "signup:date"])
        #expect(load.columnTypes.allSatisfy { $0.format == nil })
        let flag = load.options[3]
        #expect(flag.range == rangeOf("skip_bad_rows", in: text))
        #expect(load.options[0].range == rangeOf("sep \";\"", in: text))
    }

    @Test func aColumnTypeMayHaveADateFormat() throws {
        let text = "load \"a.csv\" as a with column signup as date \"dd-mm-yyyy\", sep \";\""
        let statement = try #require(singleStatement(text))
        guard case .load(let load) = statement.kind else { Issue.record("not a load"); return }
        #expect(load.columnTypes.map { $0.format?.value } == ["dd-mm-yyyy"])
        #expect(load.columnTypes.first?.format?.range == rangeOf("\"dd-mm-yyyy\"", in: text))
        #expect(load.options.map(describe) == ["sep=\";\""])
    }

    @Test func optionNamedColumnWithAValueStaysAnOption() throws {
        let statement = try #require(singleStatement("load \"a.csv\" as a with column 3"))
        guard case .load(let load) = statement.kind else { Issue.record("not a load"); return }
        #expect(load.options.map(describe) == ["column=3"])
        #expect(load.columnTypes.isEmpty)
    }

    @Test func loadModelIsItsOwnStatementWithKeywordLoad() throws {
        let statement = try #require(singleStatement("load model \"models/lead.mlmodel\" as lead2"))
        guard case .loadModel(let load) = statement.kind else { Issue.record("not load model"); return }
        #expect(load.path.value == "models/lead.mlmodel")
        #expect(load.name.name == "lead2")
        #expect(statement.keyword.name == "load")
    }

    @Test func tableNamedModelCanStillBeLoaded() throws {
        let statement = try #require(singleStatement("load \"model.csv\" as model"))
        guard case .load(let load) = statement.kind else { Issue.record("not a load"); return }
        #expect(load.name.name == "model")
    }

    @Test func describeWithAndWithoutColumns() throws {
        let plain = try #require(singleStatement("describe bank"))
        #expect(plain.kind == .describe(DescribeStatement(table: Identifier("bank", range: SourceRange(start: 9, end: 13)),
                                                          columns: [])))
        for word in ["columns", "column"] {
            let statement = try #require(singleStatement("describe bank \(word) age, `Annual Income`"))
            guard case .describe(let describe) = statement.kind else { Issue.record("not describe"); return }
            #expect(names(describe.columns) == ["age", "Annual Income"])
        }
    }

    @Test func showWithEveryClause() throws {
        let text = "show bank columns age, job where balance > 1000 and job in [\"admin.\", \"technician\"] limit 5"
        let statement = try #require(singleStatement(text))
        guard case .show(let show) = statement.kind else { Issue.record("not show"); return }
        #expect(show.table.name == "bank")
        #expect(names(show.columns) == ["age", "job"])
        #expect(show.filter.map(sexpr) == "(and (> balance 1000) (in job [\"admin.\", \"technician\"]))")
        #expect(show.limit.map(sexpr) == "5")
        #expect(statement.range == SourceRange(start: 0, end: text.utf8.count))
    }

    @Test func showOrderByBetweenWhereAndLimit() throws {
        let text = "show customers columns id, score where plan = \"pro\" order by score desc, name limit 50"
        let statement = try #require(singleStatement(text))
        guard case .show(let show) = statement.kind else { Issue.record("not show"); return }
        #expect(names(show.columns) == ["id", "score"])
        #expect(show.filter.map(sexpr) == "(= plan \"pro\")")
        #expect(show.order.map { "\($0.column.name):\($0.descending)" } == ["score:true", "name:false"])
        #expect(show.order[0].column.range == rangeOf("score", in: text, occurrence: 1))
        #expect(show.order[0].direction?.name == "desc")
        #expect(show.order[1].direction == nil)
        #expect(show.limit.map(sexpr) == "50")
        let orderOnly = try #require(singleStatement("show t order by x"))
        guard case .show(let plain) = orderOnly.kind else { Issue.record("not show"); return }
        #expect(plain.order.map(\.column.name) == ["x"] && plain.columns.isEmpty && plain.filter == nil && plain.limit == nil)
    }

    @Test func sortWithKeysAndDirections() throws {
        let text = "sort customers by score desc, signup ascending, `Customer ID` descending, name asc, plan"
        let statement = try #require(singleStatement(text))
        guard case .sort(let sort) = statement.kind else { Issue.record("not sort"); return }
        #expect(sort.table.name == "customers")
        #expect(sort.keys.map { "\($0.column.name):\($0.descending)" }
            == ["score:true", "signup:false", "Customer ID:true", "name:false", "plan:false"])
        #expect(statement.keyword.name == "sort")
        #expect(statement.range == SourceRange(start: 0, end: text.utf8.count))
    }

    @Test func directionWordsAreColumnNamesWhereANameIsExpected() throws {
        // A column called desc, sorted descending; `limit` as a column after order by.
        let statement = try #require(singleStatement("sort t by desc desc"))
        guard case .sort(let sort) = statement.kind else { Issue.record("not sort"); return }
        #expect(sort.keys.map { "\($0.column.name):\($0.descending)" } == ["desc:true"])
        let show = try #require(singleStatement("show t order by limit limit 3"))
        guard case .show(let shown) = show.kind else { Issue.record("not show"); return }
        #expect(shown.order.map(\.column.name) == ["limit"])
        #expect(shown.limit.map(sexpr) == "3")
    }

    @Test func showClausesAreEachOptional() throws {
        let limitOnly = try #require(singleStatement("show bank limit 10"))
        #expect(limitOnly.kind == .show(ShowStatement(
            table: Identifier("bank", range: SourceRange(start: 5, end: 9)), columns: [], filter: nil,
            limit: Expr(.number(10), range: SourceRange(start: 16, end: 18)))))
        let whereOnly = try #require(singleStatement("show bank where age >= 65"))
        guard case .show(let show) = whereOnly.kind else { Issue.record("not show"); return }
        #expect(show.filter.map(sexpr) == "(>= age 65)")
        #expect(show.limit == nil && show.columns.isEmpty)
    }

    // MARK: - split, export

    @Test func splitWithStratifyAndSeed() throws {
        let statement = try #require(singleStatement("split bank into train 80%, test 20% stratify by y seed 42"))
        guard case .split(let split) = statement.kind else { Issue.record("not split"); return }
        #expect(split.table.name == "bank")
        #expect(split.parts.map { "\($0.role.name) \(sexpr($0.share))" } == ["train 80%", "test 20%"])
        #expect(split.stratifyBy?.name == "y")
        #expect(split.seed.map(sexpr) == "42")
    }

    @Test func splitIntoThreePartsWithFractions() throws {
        let statement = try #require(singleStatement("split bank into train 0.7, validation 0.15, test 0.15"))
        guard case .split(let split) = statement.kind else { Issue.record("not split"); return }
        #expect(split.parts.map { "\($0.role.name) \(sexpr($0.share))" } == ["train 0.7", "validation 0.15", "test 0.15"])
        #expect(split.stratifyBy == nil && split.seed == nil)
    }

    @Test func exportWithAndWithoutOptions() throws {
        let plain = try #require(singleStatement("export bank to \"out/bank.csv\""))
        guard case .export(let export) = plain.kind else { Issue.record("not export"); return }
        #expect(export.path.value == "out/bank.csv" && export.options.isEmpty)
        let forced = try #require(singleStatement("export bank to \"data/bank.csv\" with force, sep \";\""))
        guard case .export(let withOptions) = forced.kind else { Issue.record("not export"); return }
        #expect(withOptions.options.map(describe) == ["force", "sep=\";\""])
    }

    // MARK: - clean

    @Test func everyCleanOperation() {
        let text = """
        clean bank:
            drop duplicates
            drop duplicates by customer_id, email
            drop column duration
            drop columns a, b
            keep columns age, job, y
            drop rows where age < 18 or balance is missing
            keep rows where country = "UK"
            replace "unknown" with missing in job, education
            replace "unknown", "n/a" with missing
            replace -1 with 0 in pdays
            fill job, education with mode
            fill balance with median
            fill age with mean
            fill segment with "none"
            fill pdays with -1
            clip balance at 1% and 99%
            clip age at 18 and 95
            remove outliers in balance
            remove outliers in balance by iqr 3
            clip outliers in campaign by zscore 3
            clip outliers in campaign by zscore
            trim name, city
            lower email
            upper country
            rename `Annual Income (k$)` to income, Age to age
            cast zip, phone to text
            cast signup to date "dd-mm-yyyy" with coerce
            cast age to integer with coerce
        """
        #expect(cleanSummaries(text) == [
            "dropDuplicates()",
            "dropDuplicates(customer_id,email)",
            "dropColumns(duration)",
            "dropColumns(a,b)",
            "keepColumns(age,job,y)",
            "dropRows((or (< age 18) (is-missing balance)))",
            "keepRows((= country \"UK\"))",
            "replace(\"unknown\"; missing; job,education)",
            "replace(\"unknown\",\"n/a\"; missing; )",
            "replace(-1; 0; pdays)",
            "fill(job,education; mode)",
            "fill(balance; median)",
            "fill(age; mean)",
            "fill(segment; \"none\")",
            "fill(pdays; -1)",
            "clip(balance; 1%; 99%)",
            "clip(age; 18; 95)",
            "removeOutliers(balance; iqr 1.5)",
            "removeOutliers(balance; iqr 3)",
            "clipOutliers(campaign; zscore 3)",
            "clipOutliers(campaign; zscore 3)",
            "trim(name,city)",
            "lower(email)",
            "upper(country)",
            "rename(Annual Income (k$)->income,Age->age)",
            "cast(zip,phone; text)",
            "cast(signup; date; \"dd-mm-yyyy\"; with)",
            "cast(age; integer; with)",
        ])
    }

    @Test func cleanOperationRangesCoverTheirLine() throws {
        let text = "clean bank:\n    drop columns a, b   # gone\n    trim name\n"
        let statement = try #require(singleStatement(text))
        guard case .clean(let clean) = statement.kind else { Issue.record("not clean"); return }
        #expect(clean.operations.map(\.range) == [rangeOf("drop columns a, b", in: text), rangeOf("trim name", in: text)])
        // The step covers the header through the last token of the block, not the final line break.
        #expect(statement.range == SourceRange(start: 0, end: text.utf8.count - 1))
    }

    @Test func oneOperationMayFollowTheColon() throws {
        let text = "clean bank: drop duplicates          # one operation\ndescribe bank"
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.count == 2)
        #expect(result.program.statements.first?.range == rangeOf("clean bank: drop duplicates", in: text))
        #expect(cleanSummaries("clean bank: fill age with mean") == ["fill(age; mean)"])
    }

    @Test func fillStrategyWordFollowedByMoreIsAnExpression() {
        #expect(cleanSummaries("clean t: fill x with mean + 1") == ["fill(x; (+ mean 1))"])
    }

    @Test func clipColumnCalledOutliers() {
        #expect(cleanSummaries("clean t: clip outliers at 1 and 2") == ["clip(outliers; 1; 2)"])
    }

    @Test func keywordsAreContextualColumnNames() {
        #expect(cleanSummaries("clean t: drop columns month, log, rows, date, type, target")
            == ["dropColumns(month,log,rows,date,type,target)"])
    }

    @Test func blankAndCommentLinesInsideABlockAreIgnored() {
        let text = "clean t:\n    drop duplicates\n\n    # comment\n        # deeper comment\n    trim a\n"
        #expect(cleanSummaries(text) == ["dropDuplicates()", "trim(a)"])
    }

    // MARK: - feature

    @Test func everyFeatureOperation() {
        let text = """
        feature bank:
            contacted_before = pdays >= 0
            log_balance = log(1 + max(balance, 0))
            age_group = bin age at 25, 35, 50, 65
            balance_band = bin balance into 4 quantiles
            is_senior = if(age >= 65, "yes", "no")
            short_email = lower(trim(email))
            onehot job, marital, education, contact, month
            standardize age, balance, campaign
            normalize duration
            log balance
            extract year, month, weekday from signup
            tenure_days = days_between(signup, last_order)
        """
        #expect(featureSummaries(text) == [
            "derive(contacted_before; (>= pdays 0))",
            "derive(log_balance; log((+ 1 max(balance, 0))))",
            "bin(age_group; age; at 25,35,50,65)",
            "bin(balance_band; balance; into 4)",
            "derive(is_senior; if((>= age 65), \"yes\", \"no\"))",
            "derive(short_email; lower(trim(email)))",
            "onehot(job,marital,education,contact,month)",
            "standardize(age,balance,campaign)",
            "normalize(duration)",
            "log(balance)",
            "extract(year,month,weekday; signup)",
            "derive(tenure_days; days_between(signup, last_order))",
        ])
    }

    @Test func keywordNamedColumnsCanBeAssigned() {
        #expect(featureSummaries("feature t:\n    log = x + 1\n    bin = 3\n    `my col` = bin\n")
            == ["derive(log; (+ x 1))", "derive(bin; 3)", "derive(my col; bin)"])
    }

    // MARK: - reserved steps

    @Test func trainWithPositiveValueAndOptions() throws {
        let text = "model forest = train random_forest on bank target y = \"yes\" with trees 300, depth 12, seed 42"
        let statement = try #require(singleStatement(text))
        guard case .train(let train) = statement.kind else { Issue.record("not train"); return }
        #expect([train.model, train.algorithm, train.table, train.target].map(\.name)
            == ["forest", "random_forest", "bank", "y"])
        #expect(train.positiveValue.map(sexpr) == "\"yes\"")
        #expect(train.options.map(describe) == ["trees=300", "depth=12", "seed=42"])
        #expect(statement.keyword.name == "model")
    }

    @Test func trainWithoutPositiveValue() throws {
        let statement = try #require(singleStatement("model spend = train linear on customers target revenue"))
        guard case .train(let train) = statement.kind else { Issue.record("not train"); return }
        #expect(train.positiveValue == nil && train.options.isEmpty)
        #expect(train.target.name == "revenue")
    }

    @Test func evaluateForms() throws {
        let bare = try #require(singleStatement("evaluate lead"))
        #expect(bare.kind == .evaluate(EvaluateStatement(
            model: Identifier("lead", range: SourceRange(start: 9, end: 13)), on: nil, threshold: nil)))
        let full = try #require(singleStatement("evaluate forest on test at threshold 0.3"))
        guard case .evaluate(let evaluate) = full.kind else { Issue.record("not evaluate"); return }
        #expect(evaluate.on?.name == "test")
        #expect(evaluate.threshold.map(sexpr) == "0.3")
    }

    @Test func predictSaveAndReport() throws {
        let predict = try #require(singleStatement("predict forest on new_leads as score"))
        guard case .predict(let prediction) = predict.kind else { Issue.record("not predict"); return }
        #expect([prediction.model, prediction.table, prediction.output].map(\.name) == ["forest", "new_leads", "score"])
        let save = try #require(singleStatement("save forest to \"models/lead.mlmodel\""))
        guard case .save(let saving) = save.kind else { Issue.record("not save"); return }
        #expect(saving.model.name == "forest" && saving.path.value == "models/lead.mlmodel")
        let report = try #require(singleStatement("report \"churn.html\""))
        #expect(report.kind == .report(ReportStatement(path: PathLiteral("churn.html", range: SourceRange(start: 7, end: 19)))))
    }

    @Test func segmentOptionsBeforeAndAfterAsShareOneList() throws {
        let text = "segment customers with kmeans k 4 on recency, frequency, monetary as segment seed 7"
        let statement = try #require(singleStatement(text))
        guard case .segment(let segment) = statement.kind else { Issue.record("not segment"); return }
        #expect(segment.table.name == "customers" && segment.algorithm.name == "kmeans")
        #expect(names(segment.columns) == ["recency", "frequency", "monetary"])
        #expect(segment.output.name == "segment")
        #expect(segment.options.map(describe) == ["k=4", "seed=7"])
    }

    @Test func segmentRangeOptionAndFlagBeforeOn() throws {
        let statement = try #require(singleStatement("segment c with kmeans k 2..8 scaled on a, b as s"))
        guard case .segment(let segment) = statement.kind else { Issue.record("not segment"); return }
        #expect(segment.options.map(describe) == ["k=(.. 2 8)", "scaled"])
    }

    @Test func optionValuesAtUnaryLevel() throws {
        let statement = try #require(singleStatement("export t to \"x\" with a -3, b [1, 2], c name, d 5%, e 1..-1"))
        guard case .export(let export) = statement.kind else { Issue.record("not export"); return }
        #expect(export.options.map(describe) == ["a=-3", "b=[1, 2]", "c=name", "d=5%", "e=(.. 1 -1)"])
    }

    // MARK: - scripts

    @Test func wholeExampleScriptParsesInOrder() {
        let text = """
        # Bank marketing
        load "data/bank.csv" as bank
        describe bank

        clean bank:
            drop duplicates
            fill age with mean
        feature bank:
            onehot job
        split bank into train 80%, test 20% seed 42
        export bank to "out/bank.csv"
        """
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.map(\.keyword.name) == ["load", "describe", "clean", "feature", "split", "export"])
    }

    @Test func crlfScriptParsesLikeLf() {
        let lf = "clean bank:\n    drop duplicates\n    trim a\nshow bank limit 3\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(parse(crlf).diagnostics.isEmpty)
        #expect(parse(crlf).program.statements.map(\.keyword.name) == ["clean", "show"])
        #expect(cleanSummaries("clean bank:\r\n    drop duplicates\r\n    trim a\r\n") == ["dropDuplicates()", "trim(a)"])
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import Testing
@testable import MLMSyntax

@Suite struct ParserErrorTests {
    /// The single diagnostic of `text`, failing the test when there is not exactly one.
    private func only(_ text: String) -> Diagnostic? {
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.count == 1, "diagnostics: \(diagnostics.map(\.message))")
        return diagnostics.first
    }

    // MARK: - Unknown words

    @Test func misspeltStepSuggestsTheClosest() {
        #expect(located("claen bank:\n    drop duplicates\n") == ["1:1 unknown step 'claen'"])
        #expect(only("claen bank:\n    drop duplicates\n")?.help == "did you mean 'clean'?")
        #expect(only("Load \"a.csv\" as a")?.help == "did you mean 'load'?")
    }

    @Test func unrecognisableStepListsTheSteps() {
        let diagnostic = only("frobnicate bank")
        #expect(diagnostic?.message == "unknown step 'frobnicate'")
        #expect(diagnostic?.help == "the steps are: load, describe, show, clean, feature, split, sort, export, "
            + "model, evaluate, predict, save, segment, rfm, profile, name, report, compare, tune, select, explain, set")
    }

    @Test func operationOutsideItsBlockSaysWhereItBelongs() {
        #expect(only("drop duplicates")?.help
            == "'drop' is a clean operation: write it on an indented line under 'clean <table>:'")
        #expect(only("onehot job")?.help
            == "'onehot' is a feature operation: write it on an indented line under 'feature <table>:'")
        #expect(only("age2 = age * 2")?.help
            == "to add the column 'age2', write 'age2 = ...' on an indented line under 'feature <table>:'")
    }

    @Test func lineNotStartingWithAWord() {
        #expect(located("\"bank.csv\" as bank")
            == ["1:1 expected a step such as 'load' or 'clean' at the start of the line, found the text \"bank.csv\""])
    }

    @Test func misspeltCleanOperation() {
        let text = "clean bank:\n    fil age with mean\n"
        #expect(located(text) == ["2:5 unknown clean operation 'fil'"])
        #expect(only(text)?.help == "did you mean 'fill'?")
        #expect(only("clean bank:\n    wibble age\n")?.help
            == "clean operations are: drop, keep, replace, fill, clip, remove, trim, lower, upper, rename, cast")
    }

    @Test func misspeltFeatureOperation() {
        let text = "feature bank:\n    onehto job\n"
        #expect(located(text) == ["2:5 unknown feature operation 'onehto'"])
        #expect(only(text)?.help == "did you mean 'onehot'?")
        #expect(only("feature bank: wibble job")?.help
            == "a feature line is 'name = expression' or one of: onehot, standardize, normalize, log, extract")
    }

    @Test func wrongBlockOrStepInsideABlock() {
        #expect(only("feature bank:\n    fill age with mean\n")?.help
            == "'fill' is a clean operation: write it on an indented line under 'clean <table>:'")
        #expect(only("clean bank:\n    x = 1\n")?.help
            == "to add the column 'x', write 'x = ...' on an indented line under 'feature <table>:'")
        #expect(only("clean bank:\n    describe bank\n")?.help
            == "'describe' is a step: write it at the start of a line, without indentation")
    }

    @Test func logCallAloneOnAFeatureLine() {
        let diagnostic = only("feature bank:\n    log(balance)\n")
        #expect(diagnostic?.message == "expected a column name after 'log', found '('")
        #expect(diagnostic?.help == "to add a new column, write: log_balance = log(balance)")
    }

    // MARK: - Missing pieces

    @Test func loadWithoutAs() {
        let text = "load \"data/bank.csv\" bank"
        #expect(located(text) == ["1:22 expected 'as' and a table name after the file name, found 'bank'"])
        #expect(only(text)?.help == "write: load \"file.csv\" as name")
    }

    @Test func capitalisedClauseWordIsExplained() {
        let diagnostic = only("load \"a.csv\" AS bank")
        #expect(diagnostic?.message == "expected 'as' and a table name after the file name, found 'AS'")
        #expect(diagnostic?.help == "keywords are written in lowercase: 'as'")
    }

    @Test func loadWithoutQuotes() {
        #expect(located("load bank as bank")
            == ["1:6 expected a file name in quotes after 'load', found 'bank'"])
    }

    @Test func missingOperandPointsAtTheEndOfTheLine() {
        let text = "show bank where balance >\n"
        #expect(located(text) == ["1:26 expected an expression after '>', found end of line"])
        let diagnostic = only(text)
        #expect(diagnostic?.range == SourceRange(start: 25, end: 25))
    }

    @Test func missingOperandAtEndOfFileWithoutLineBreak() {
        #expect(located("show bank where balance > ") == ["1:27 expected an expression after '>', found end of line"])
    }

    @Test func missingColonAfterBlockHeader() {
        let text = "clean bank\n    drop duplicates\ndescribe bank\n"
        #expect(located(text) == ["1:11 expected ':' at the end of 'clean bank'"])
        #expect(only(text)?.help == "a clean step is a header line ending in ':' followed by indented operations")
        // The block under the broken header is skipped whole; the next step still parses.
        #expect(parse(text).program.statements.map(\.keyword.name) == ["describe"])
        #expect(located("clean bank drop duplicates") == ["1:12 expected ':' at the end of 'clean bank', found 'drop'"])
        #expect(only("feature bank\n    onehot job\n")?.help
            == "a feature step is a header line ending in ':' followed by indented operations")
    }

    @Test func emptyBlock() {
        let text = "clean bank:\ndescribe bank\n"
        #expect(located(text) == ["1:1 'clean' block is empty"])
        #expect(only(text)?.range == SourceRange(start: 0, end: 11))
        #expect(parse(text).program.statements.map(\.keyword.name) == ["describe"])
        #expect(located("feature bank:") == ["1:1 'feature' block is empty"])
    }

    @Test func strayIndentedLineAtTopLevel() {
        let text = "describe bank\n    show bank\nshow bank\n"
        #expect(located(text) == ["2:5 unexpected indentation"])
        #expect(parse(text).program.statements.count == 2)
    }

    @Test func indentedLineUnderAnOperation() {
        let text = "clean bank:\n    drop duplicates\n        trim name\n    lower email\n"
        #expect(located(text) == ["3:9 unexpected indentation"])
        #expect(cleanSummariesIgnoringErrors(text) == ["dropDuplicates()", "lower(email)"])
    }

    @Test func unclosedListPointsAtItsBracket() {
        let text = "show bank where job in [\"admin.\", \"technician\"\n"
        #expect(located(text) == ["1:24 expected ']' to close the list opened here"])
        let diagnostic = only(text)
        #expect(diagnostic?.range == SourceRange(start: 23, end: 24))
        #expect(diagnostic?.notes == ["found end of line before the closing ']'"])
    }

    @Test func unclosedCallPointsAtItsParenthesis() {
        #expect(located("feature t: x = max(a, 1\nshow t") == ["1:19 expected ')' to close the bracket opened here"])
    }

    @Test func unclosedBracketDoesNotHideLaterSteps() {
        let text = "show bank where job in [\"a\",\ndescribe bank\nclaen bank:\n    drop duplicates\n"
        #expect(located(text) == ["1:24 expected ']' to close the list opened here", "3:1 unknown step 'claen'"])
        #expect(parse(text).program.statements.map(\.keyword.name) == ["describe"])
    }

    @Test func chainedComparison() {
        #expect(located("show t where 1 < a < 5")
            == ["1:20 expected 'and' or 'or' before another comparison, found '<'"])
    }

    @Test func reservedWordWhereAnExpressionIsExpected() {
        let diagnostic = only("show t where in > 3")
        #expect(diagnostic?.message == "expected an expression after 'where', found 'in'")
        #expect(diagnostic?.help == "'in' is a reserved word; a column with that name is written in backticks: `in`")
    }

    @Test func clauseOutOfOrderOrMisspelt() {
        let text = "show bank limit 5 where age > 3"
        #expect(located(text) == ["1:19 'where' is in the wrong place: in the 'show' step it comes before 'limit'"])
        #expect(only(text)?.help == "write: show bank where age > 3 limit 5")
        // Written twice, no order fixes it: the clauses and their order are listed.
        #expect(only("show bank limit 5 where age > 3 limit 2")?.help
            == "the clauses of 'show' are each written at most once, in this order: columns, where, order by, limit")
        #expect(only("show bank limt 5")?.help == "did you mean 'limit'?")
        #expect(located("show bank limit 5 order by age") == ["1:19 'order' is in the wrong place: in the 'show' step it comes before 'limit'"])
        #expect(only("show bank limit 5 order by age")?.help == "write: show bank order by age limit 5")
        #expect(only("show bank ordr by age")?.help == "did you mean 'order'?")
    }

    @Test func orderingMistakes() {
        #expect(located("show bank order age") == ["1:17 expected 'by' after 'order', found 'age'"])
        #expect(only("show bank order age")?.help == "write: show customers order by score desc limit 50")
        #expect(located("sort bank score desc") == ["1:11 expected 'by' and the columns to sort by after the table name, found 'score'"])
        #expect(only("sort bank score")?.help == "write: sort customers by score desc, name")
        #expect(located("sort bank by") == ["1:13 expected a column name after 'by', found end of line"])
        #expect(located("sort bank by age desc,") == ["1:23 expected a column name after ',', found end of line"])
        #expect(located("sort bank by age dsc") == ["1:18 expected end of line after the 'sort' step, found 'dsc'"])
        #expect(only("sort bank by age dsc")?.help == "did you mean 'desc'?")
    }

    @Test func leftoverAfterAnOperation() {
        #expect(located("clean t:\n    trim a b\n") == ["2:12 expected end of line after the 'trim' operation, found 'b'"])
        #expect(located("feature t:\n    x = a b\n") == ["2:11 expected end of line, found 'b'"])
    }

    @Test func missingWordsInsideOperations() {
        #expect(located("clean t: drop everything")
            == ["1:15 expected 'duplicates', 'columns' or 'rows' after 'drop', found 'everything'"])
        #expect(located("clean t: clip a at 1 to 2")
            == ["1:22 expected 'and' and an upper bound after the lower bound, found 'to'"])
        #expect(located("clean t: remove outliers in a by median")
            == ["1:34 expected 'iqr' or 'zscore' after 'by', found 'median'"])
        #expect(located("feature t: b = bin a 3") == ["1:22 expected 'at' and bin edges, or 'into' and a number of quantiles, found '3'"])
        #expect(located("split t train 80%") == ["1:9 expected 'into' after the table name, found 'train'"])
        #expect(located("model m = train logistic on t") == ["1:30 expected 'target' and the column to predict, found end of line"])
    }

    @Test func missingClauseValueNamesWhatTheClauseWants() {
        #expect(located("show bank where") == ["1:16 expected a condition after 'where', found end of line"])
        #expect(located("show bank limit") == ["1:16 expected a number of rows after 'limit', found end of line"])
        #expect(located("split bank into train, test 20%") == ["1:22 expected a share such as 80% after 'train', found ','"])
        #expect(located("clean t: fill a with") == ["1:21 expected mean, median, mode or a value after 'with', found end of line"])
        #expect(located("clean t: clip a at") == ["1:19 expected a lower bound such as 1% after 'at', found end of line"])
        // A reserved word can start nothing, so the general message (with its backtick hint) applies.
        #expect(located("clean t: clip a at and 9") == ["1:20 expected an expression after 'at', found 'and'"])
    }

    // MARK: - Lexical errors through the parser

    @Test func unterminatedStringIsOneError() {
        let text = "load \"data/bank.csv as bank\n"
        #expect(located(text) == ["1:6 unterminated string"])
        #expect(only(text)?.help == "add a closing \"")
        #expect(only("clean t: fill x with 'none")?.help == "add a closing '")
    }

    @Test func unterminatedBacktickNameIsOneError() {
        let text = "clean t: drop column `Annual Income\n"
        #expect(located(text) == ["1:22 unterminated backtick name"])
        #expect(only(text)?.help == "add a closing `")
    }

    @Test func unexpectedCharacterIsShownAndNotRepeatedByTheParser() {
        let text = "show bank where balance > $100\n"
        #expect(located(text) == ["1:27 unexpected character '$'"])
        #expect(only(text)?.range == SourceRange(start: 26, end: 27))
    }

    @Test func mixedIndentation() {
        let text = "clean bank:\n    drop duplicates\n\t\t\t\ttrim name\n"
        #expect(located(text) == ["3:1 indentation mixes tabs and spaces"])
    }

    // MARK: - Recovery

    @Test func everyBrokenStepIsReportedOnce() {
        let text = """
        load "data/bank.csv" bank
        describe bank
        claen bank:
            drop duplicates
        show bank where balance >
        clean bank:
            fil age with mean
            drop duplicates
            clip balance at 1% 99%
            trim name
        split bank into train 80% test 20%
        export bank to "out.csv"
        """
        #expect(located(text) == [
            "1:22 expected 'as' and a table name after the file name, found 'bank'",
            "3:1 unknown step 'claen'",
            "5:26 expected an expression after '>', found end of line",
            "7:5 unknown clean operation 'fil'",
            "9:24 expected 'and' and an upper bound after the lower bound, found '99%'",
            "11:27 expected end of line after the 'split' step, found 'test'",
        ])
        let statements = parse(text).program.statements
        #expect(statements.map(\.keyword.name) == ["describe", "clean", "export"])
        #expect(cleanSummariesIgnoringErrors("clean bank:\n    fil age with mean\n    drop duplicates\n    trim name\n")
            == ["dropDuplicates()", "trim(name)"])
    }

    @Test func errorInTheLastBlockLineDoesNotSwallowTheNextStep() {
        let text = "clean bank:\n    drop duplicates\n    fill a wit mean\ndescribe bank\n"
        #expect(located(text) == ["3:12 expected 'with' and a value such as mean, median, mode or a constant, found 'wit'"])
        #expect(parse(text).program.statements.map(\.keyword.name) == ["clean", "describe"])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 5_000
        let text = "feature t: x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(parse(text).diagnostics.map(\.message) == ["this expression is nested too deeply"])
        let minuses = "feature t: x = " + String(repeating: "- ", count: depth) + "1"
        #expect(parse(minuses).diagnostics.map(\.message) == ["this expression is nested too deeply"])
        let nots = "show t where " + String(repeating: "not ", count: depth) + "a"
        #expect(parse(nots).diagnostics.map(\.message) == ["this expression is nested too deeply"])
    }

    /// Clean operations of the first statement, even when some lines had errors.
    private func cleanSummariesIgnoringErrors(_ text: String) -> [String] {
        guard case .clean(let clean)? = parse(text).program.statements.first?.kind else { return [] }
        return clean.operations.map { summary($0.kind) }
    }
}

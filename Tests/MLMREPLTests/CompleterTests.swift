@testable import MLMREPL
import Testing

/// Tab completion, rule by rule, on a hand-made session: two tables, one model, a small folder.
@Suite struct CompleterTests {
    static let files: [String: [CompletionContext.DirectoryEntry]] = [
        "/work": [.init(name: "data", isDirectory: true), .init(name: "churn.mlm", isDirectory: false),
                  .init(name: "notes.md", isDirectory: false), .init(name: ".hidden.csv", isDirectory: false)],
        "/work/data": [.init(name: "bank.csv", isDirectory: false), .init(name: "bank_small.csv", isDirectory: false),
                       .init(name: "lead.mlmodel", isDirectory: false), .init(name: "readme.txt", isDirectory: false)],
    ]

    let completer = Completer(context: CompletionContext(
        tables: ["bank": ["age", "job", "balance", "y", "Annual Income", "and"], "leads": ["email", "score"]],
        models: ["lead"],
        algorithms: [.init(name: "logistic", settings: [("penalty", ["l2", "l1"]), ("class_weight", ["none", "balanced"])]),
                     .init(name: "random_forest", settings: [("trees", []), ("depth", [])])],
        baseDirectory: "/work",
        listDirectory: { CompleterTests.files[$0] }))

    private func texts(_ line: String, after previous: [String] = []) -> [String] {
        completer.complete(line, after: previous).texts
    }

    @Test func stepKeywordsAtTheStartOfALine() {
        #expect(texts("de") == ["describe"])
        #expect(texts("sh") == ["show"])
        #expect(texts("sp") == ["split"])
        #expect(texts("").contains("load"))
    }

    @Test func tableNamesAfterStepsAboutATable() {
        #expect(texts("describe ") == ["bank", "leads"])
        #expect(texts("show b") == ["bank"])
        #expect(texts("clean l") == ["leads"])
        #expect(texts("split ") == ["bank", "leads"])
    }

    @Test func columnsOfTheTableTheStepNames() {
        #expect(texts("describe bank columns a") == ["age", "`and`"])
        #expect(texts("describe leads columns email, s") == ["score"])
        #expect(texts("show bank where ba") == ["balance"])
        #expect(texts("show bank where age > 30 and j") == ["job"])
        #expect(texts("split bank into train 80%, test 20% stratify by ") == ["age", "job", "balance", "y", "`Annual Income`", "`and`"])
    }

    @Test func namesWithSpacesAreOfferedInBackticks() {
        #expect(texts("describe bank columns Ann") == ["`Annual Income`"])
        #expect(texts("describe bank columns `Ann") == ["`Annual Income`"])
    }

    @Test func clauseWordsAfterAValue() {
        #expect(texts("show bank ") == ["columns", "where", "order", "limit"])
        #expect(texts("split bank ") == ["into"])
        #expect(texts("split bank into ") == ["train", "validation", "test"])
        #expect(texts("split bank into train 80%, test 20% ") == ["stratify", "seed"])
        #expect(texts("evaluate lead at ") == ["threshold"])
        #expect(texts("evaluate lead at threshold ") == ["best_f1", "recall("])
    }

    @Test func sortAndOrderByOfferColumnsAndDirections() {
        #expect(texts("so") == ["sort"])
        #expect(texts("sort ") == ["bank", "leads"])
        #expect(texts("sort leads ") == ["by"])
        #expect(texts("sort leads by ") == ["email", "score"])
        #expect(texts("sort leads by score ") == ["asc", "desc"])
        #expect(texts("sort leads by score d") == ["desc"])
        #expect(texts("sort leads by score desc, ") == ["email", "score"])
        #expect(texts("sort leads by score desc, email ") == ["asc", "desc"])
        #expect(texts("sort leads by score desc ") == [])
        #expect(texts("show leads order ") == ["by"])
        #expect(texts("show leads columns email ") == ["where", "order", "limit"])
        #expect(texts("show leads where email ") == ["and", "or", "order", "limit"])
        #expect(texts("show leads order by s") == ["score"])
        #expect(texts("show leads order by score ") == ["asc", "desc", "limit"])
        #expect(texts("show leads order by score desc ") == ["limit"])
        #expect(texts("show leads order by score desc, e") == ["email"])
    }

    @Test func blockOperationsKnowTheBlocksTable() {
        #expect(texts("", after: ["clean bank:"]).contains("fill"))
        #expect(texts("fi", after: ["clean bank:"]) == ["fill"])
        #expect(texts("    fill b", after: ["clean bank:"]) == ["balance"])
        #expect(texts("fill balance ", after: ["clean bank:"]) == ["with"])
        #expect(texts("fill balance with m", after: ["clean bank:"]) == ["mean", "median", "mode", "missing"])
        #expect(texts("drop ", after: ["clean bank:"]) == ["duplicates", "column", "columns", "rows"])
        #expect(texts("remove outliers in balance by ", after: ["clean bank:"]) == ["iqr", "zscore"])
        #expect(texts("cast age to i", after: ["clean bank:"]) == ["integer"])
        #expect(texts("cast age to integer ", after: ["clean bank:"]) == ["with"])
        #expect(texts("cast age to integer with ", after: ["clean bank:"]) == ["coerce"])
        #expect(texts("cast signup to date ", after: ["clean bank:"]).contains("\"dd/mm/yyyy\""))
        #expect(texts("cast signup to date ", after: ["clean bank:"]).contains("with"))
        #expect(texts("st", after: ["feature bank:"]) == ["standardize"])
        #expect(texts("onehot j", after: ["feature bank:"]) == ["job"])
        #expect(texts("clean bank: fill j") == ["job"])
    }

    @Test func expressionsOfferColumnsAndFunctions() {
        let start = texts("x = ", after: ["feature leads:"])
        #expect(start.contains("email"))
        #expect(start.contains("log("))
        #expect(start.contains("bin"))
        #expect(texts("x = lo", after: ["feature leads:"]) == ["log(", "lower("])
        #expect(texts("x = bin ", after: ["feature leads:"]) == ["email", "score"])
    }

    @Test func trainKnowsAlgorithmsAndTheirSettings() {
        #expect(texts("model m = ") == ["train"])
        #expect(texts("model m = train ") == ["logistic", "random_forest"])
        #expect(texts("model m = train r") == ["random_forest"])
        #expect(texts("model m = train logistic ") == ["on"])
        #expect(texts("model m = train logistic on ") == ["bank", "leads"])
        #expect(texts("model m = train logistic on bank ") == ["target"])
        #expect(texts("model m = train logistic on bank target ") == ["age", "job", "balance", "y", "`Annual Income`", "`and`"])
        #expect(texts(#"model m = train logistic on bank target y = "yes" "#) == ["with"])
        #expect(texts("model m = train random_forest on bank target y with ") == ["trees", "depth"])
        #expect(texts("model m = train random_forest on bank target y with trees 300, d") == ["depth"])
        #expect(texts("model m = train logistic on bank target y with class_weight ") == ["none", "balanced"])
        #expect(texts("model m = train logistic on bank target y with penalty l") == ["l2", "l1"])
    }

    @Test func modelNamesAfterModelSteps() {
        #expect(texts("evaluate ") == ["lead"])
        #expect(texts("predict l") == ["lead"])
        #expect(texts("predict lead on ") == ["bank", "leads"])
        #expect(texts("evaluate lead on t") == ["test", "train"])
    }

    @Test func filePathsInsideQuotes() {
        #expect(texts(#"load ""#) == ["data/"])
        #expect(texts(#"load "data/"#) == ["data/bank.csv", "data/bank_small.csv", "data/readme.txt"])
        #expect(texts(#"load "data/bank_"#) == ["data/bank_small.csv"])
        #expect(texts(#"load model "data/"#) == ["data/lead.mlmodel"])
        #expect(texts(#"export bank to ""#) == ["churn.mlm", "data/", "notes.md"])
        #expect(texts(#"load ".h"#) == [".hidden.csv"])
        let file = completer.complete(#"load "data/bank_s"#)
        #expect(file.candidates == [.init("data/bank_small.csv", terminator: "\" ")])
        #expect(file.prefix == "data/bank_s")
        #expect(completer.complete(#"load ""#).candidates == [.init("data/", terminator: "")])
    }

    @Test func metaCommandsAndTheirArguments() {
        #expect(texts(":s") == [":schema", ":save", ":save!"])
        #expect(texts(":he") == [":help"])
        #expect(texts(":schema ") == ["bank", "leads"])
        #expect(texts(":help cl") == ["clean", "clip"])
        #expect(texts(":run ") == ["churn.mlm", "data/"])
        #expect(texts(":save! c") == ["churn.mlm"])
    }

    @Test func nothingOfferedWhereANewNameIsExpected() {
        #expect(texts(#"load "data/bank.csv" as "#).isEmpty)
        #expect(texts("model ").isEmpty)
        #expect(texts("show bank limit ").isEmpty)
    }

    @Test func matchingIgnoresCaseWhenNothingMatchesExactly() {
        #expect(texts("describe bank columns AG") == ["age"])
        #expect(texts("describe bank columns annual") == ["`Annual Income`"])
    }

    @Test func keywordsThatAreAlsoColumnNamesInLists() {
        let completer = Completer(context: CompletionContext(tables: ["orders": ["date", "name", "amount", "city"]]))
        #expect(completer.complete("describe orders columns date, ").texts == ["date", "name", "amount", "city"])
        #expect(completer.complete("trim name, c", after: ["clean orders:"]).texts == ["city"])
        #expect(completer.complete("rfm orders by name date ").texts == ["date", "name", "amount", "city"])
        #expect(completer.complete("profile orders by ").texts == ["date", "name", "amount", "city"])
    }

    @Test func modelSelectionSteps() {
        #expect(texts("compare logistic, r") == ["random_forest"])
        #expect(texts("compare logistic, random_forest on ") == ["bank", "leads"])
        #expect(texts("tune random_forest on bank target y over ") == ["trees", "depth"])
        #expect(texts("select features of ") == ["bank", "leads"])
        #expect(texts("select features of leads for ") == ["email", "score"])
        #expect(texts("set threshold of ") == ["lead"])
        #expect(texts("set threshold of lead to best") == ["best_f1", "best_profit"])
        #expect(texts("explain ") == ["lead"])
        #expect(texts("compare logistic, random_forest(") == ["trees", "depth"])
        #expect(texts("segment bank with ") == ["kmeans", "dbscan"])
        #expect(texts("segment bank with kmeans k 4 on a") == ["age", "`and`"])
    }

    @Test func commonPrefixIsWhatAFirstTabInserts() {
        let completion = completer.complete("describe bank columns ba")
        #expect(completion.commonPrefix == "balance")
        #expect(completer.complete(#"load "data/b"#).commonPrefix == "data/bank")
        #expect(completer.complete("sh").commonPrefix == "show")
    }
}

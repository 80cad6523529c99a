/// `:help <step>`: the form of each step, what it does, and examples that run as written (a
/// test parses every one). Shipped in the binary; the grammar file is the reference it follows.
struct StepHelp: Sendable {
    let name: String
    let forms: [String]
    let summary: String
    let examples: [String]
    /// Other words that find this topic (`:help train` finds `model`).
    var aliases: [String] = []

    static let steps: [StepHelp] = [
        StepHelp(name: "load",
                 forms: [#"load "file.csv" as name [with option, ...]"#, #"load model "file.mlmodel" as name [with trust_edits]"#],
                 summary: """
                     Reads a CSV or TSV file into a table; the delimiter, decimal comma, encoding and each column's
                     type are detected. Options: sep ";", decimal ",", encoding "windows-1252", skip_bad_rows,
                     column NAME as TYPE. `load model` reads a model written by `save`; a file changed since is
                     refused unless `with trust_edits` (then it loads if every field passes the checks).
                     """,
                 examples: [#"load "data/bank.csv" as bank"#,
                            #"load "data/export.csv" as leads with sep ";", decimal ",", skip_bad_rows, column zip as text"#,
                            #"load "data/crm.csv" as crm with column signup as date "dd/mm/yyyy", column joined as date "yyyymmdd""#,
                            #"load model "models/lead.mlmodel" as lead2"#]),
        StepHelp(name: "describe", forms: ["describe table [columns a, b, ...]"],
                 summary: "Summarises each column: type, missing values, distinct values, range or top values.",
                 examples: ["describe bank", "describe bank columns age, balance"]),
        StepHelp(name: "show", forms: ["show table [columns a, b] [where condition] [order by column [desc], ...] [limit n]"],
                 summary: """
                     Prints rows of a table, optionally only some columns, the rows matching a condition, in an
                     order (the table keeps its own; see sort).
                     """,
                 examples: ["show bank limit 10",
                            #"show bank columns age, job where balance > 1000 and job in ["admin.", "technician"] limit 5"#,
                            "show bank columns age, balance order by balance desc limit 50"]),
        StepHelp(name: "sort", forms: ["sort table by column [asc|desc], ..."],
                 summary: """
                     Puts the table's rows in order, for every later step (show, export). Stable; missing values
                     last in either direction; text by Unicode code point (case-sensitive). Split roles follow
                     their rows.
                     """,
                 examples: ["sort bank by balance desc", "sort bank by job, age desc"]),
        StepHelp(name: "clean", forms: ["clean table: operation", "clean table:\n    operation\n    operation"],
                 summary: """
                     Changes a table in place, reporting what each operation changed. Operations: drop duplicates,
                     drop/keep column(s), drop/keep rows where, replace, fill, clip, remove/clip outliers,
                     trim/lower/upper, rename, cast. If one operation fails, the table stays as it was.
                     """,
                 examples: ["clean bank: drop duplicates",
                            "clean bank:\n    drop duplicates\n    fill age with mean",
                            #"clean bank: replace "unknown" with missing in job, education"#,
                            "clean bank: fill balance with median",
                            "clean bank: clip balance at 1% and 99%",
                            "clean bank: remove outliers in balance by iqr 3",
                            "clean bank: drop rows where age < 18 or balance is missing",
                            "clean bank: rename `Annual Income (k$)` to income",
                            "clean bank: cast zip to text",
                            #"clean bank: cast signup to date "dd/mm/yyyy""#,
                            "clean bank: cast age to integer with coerce"]),
        StepHelp(name: "feature", forms: ["feature table: operation", "feature table:\n    operation\n    operation"],
                 summary: """
                     Adds or transforms columns: name = expression, bin, onehot, standardize, normalize, log,
                     extract date parts. After a split, what is learned (levels, means) comes from training rows.
                     """,
                 examples: ["feature bank: contacted_before = pdays >= 0",
                            "feature bank: log_balance = log(1 + max(balance, 0))",
                            "feature bank: age_group = bin age at 25, 35, 50, 65",
                            "feature bank: balance_band = bin balance into 4 quantiles",
                            "feature bank: onehot job, marital",
                            "feature bank:\n    contacted_before = pdays >= 0\n    standardize age, balance",
                            "feature bank: extract year, month, weekday from signup"]),
        StepHelp(name: "split", forms: ["split table into part share, ... [stratify by column] [seed n]"],
                 summary: "Marks rows as train, validation and test (shares add up to 100%); models learn on train rows.",
                 examples: ["split bank into train 80%, test 20% stratify by y seed 42",
                            "split bank into train 70%, validation 15%, test 15% seed 1"]),
        StepHelp(name: "export", forms: [#"export table to "file.csv" [with force]"#],
                 summary: "Writes a table to a CSV file; `with force` is needed to overwrite a file a table was loaded from.",
                 examples: [#"export bank to "out/bank_prepared.csv""#, #"export bank to "data/bank.csv" with force"#]),
        StepHelp(name: "model",
                 forms: [#"model name = train algorithm on table target column [= "value" | as number] [with setting value, ...]"#],
                 summary: """
                     Trains a model on the training rows of a table. `target y = "yes"` predicts that value against
                     the others; a 0/1 column without a value is a yes/no target, `as number` makes it a regression.
                     Type `:help algorithms` for the algorithms and their settings.
                     """,
                 examples: [#"model lead = train logistic on bank target y = "yes""#,
                            #"model forest = train random_forest on bank target y = "yes" with trees 300, depth 12, seed 42"#,
                            "model spend = train linear on customers target revenue",
                            "model rate = train gradient_boosting on visits target conversion as number"],
                 aliases: ["train"]),
        StepHelp(name: "evaluate", forms: ["evaluate model [on part-or-table] [at threshold t] [with cost c, value v, capacity n]"],
                 summary: """
                     Measures a model on test rows (or the part or table named): AUC, accuracy, precision, recall,
                     lift. The threshold is a number, best_f1, or recall(80%); cost and value add the profit.
                     """,
                 examples: ["evaluate lead", "evaluate forest on test at threshold 0.3",
                            "evaluate forest on test at threshold best_f1",
                            "evaluate forest on test at threshold recall(80%)",
                            "evaluate lead with cost 2, value 60, capacity 500"]),
        StepHelp(name: "compare",
                 forms: [#"compare algorithm[(settings)], ... on table target column [= "value"] [by metric] [with cv n, seed n] [as name]"#],
                 summary: """
                     Trains several algorithms on the same rows and ranks them by a metric (cross-validated with
                     cv); `as name` keeps the best as a model.
                     """,
                 examples: [#"compare logistic, random_forest on bank target y = "yes""#,
                            #"compare logistic, random_forest(trees 200, depth 8) on bank target y = "yes" by auc with cv 5, seed 7 as best"#]),
        StepHelp(name: "tune",
                 forms: [#"tune algorithm on table target column [= "value"] over setting values, ... [by metric] [with ...] [as name]"#],
                 summary: "Tries settings of one algorithm (ranges like 3..8, lists like [0.1, 0.3]) and keeps the best by a metric.",
                 examples: [#"tune gradient_boosting on bank target y = "yes" over depth 3..8, rate [0.03, 0.1, 0.3] by auc with cv 5"#,
                            #"tune random_forest on bank target y = "yes" over trees [100, 200], depth 4..12 with trials 10, seed 1 as tuned"#]),
        StepHelp(name: "select", forms: [#"select features of table for column [= "value"] top n by importance|mutual_information"#],
                 summary: "Ranks a table's columns by how much they tell about the target and keeps the best n.",
                 examples: [#"select features of bank for y = "yes" top 15 by importance"#,
                            #"select features of bank for y = "yes" top 8 by mutual_information"#]),
        StepHelp(name: "explain", forms: ["explain model [on part-or-table]"],
                 summary: "Shows which inputs drive a model's predictions.",
                 examples: ["explain lead", "explain lead on validation"]),
        StepHelp(name: "set", forms: ["set threshold of model to value [with cost c, value v, capacity n]"],
                 summary: "Fixes the score from which a model predicts the positive class: a number, best_f1, best_profit or recall(80%).",
                 examples: ["set threshold of lead to 0.3", "set threshold of lead to best_f1",
                            "set threshold of lead to best_profit with cost 2, value 60, capacity 20%",
                            "set threshold of lead to recall(80%)"]),
        StepHelp(name: "predict", forms: ["predict model on table as column"],
                 summary: "Scores every row of a table and adds the score (and the predicted class) as columns.",
                 examples: ["predict forest on new_leads as score"]),
        StepHelp(name: "save", forms: [#"save model to "file.mlmodel""#],
                 summary: "Writes a model, with the preparation steps it needs, to a file `load model` reads back.",
                 examples: [#"save forest to "models/lead.mlmodel""#]),
        StepHelp(name: "segment", forms: ["segment table with algorithm settings on columns as column [settings]"],
                 summary: "Groups rows into segments and adds each row's segment as a column.",
                 examples: ["segment customers with kmeans k 4 on recency, frequency, monetary as segment seed 7",
                            "segment customers with kmeans k 2..8 on recency, frequency as segment",
                            "segment mall with dbscan eps 0.4 min_points 5 on income, spending_score as cluster"]),
        StepHelp(name: "rfm", forms: [#"rfm table by customer date column amount expression [invoice column] [reference "date"] as table"#],
                 summary: "Builds one row per customer from a transaction log: recency, frequency, monetary, 1–5 scores and the RFM segment.",
                 examples: ["rfm orders by CustomerID date InvoiceDate amount Quantity * UnitPrice invoice InvoiceNo as customers"]),
        StepHelp(name: "profile", forms: ["profile table by column [columns a, b]"],
                 summary: "Shows each segment's size, share and the mean or top value of each feature, indexed to all rows (100).",
                 examples: ["profile customers by segment", "profile customers by segment columns recency, monetary"]),
        StepHelp(name: "name", forms: [#"name segmentation number "label""#],
                 summary: "Gives a segment of a segmentation a name, in the model and in the segmented table.",
                 examples: [#"name segment 2 "Big spenders""#]),
        StepHelp(name: "report", forms: [#"report "file.html""#],
                 summary: "Writes a report of the results so far; the format (.html, .md or .json) follows the extension.",
                 examples: [#"report "churn.html""#, #"report "out/churn.md""#]),
    ]

    static func named(_ word: String) -> StepHelp? {
        steps.first { $0.name == word || $0.aliases.contains(word) }
    }

    func render() -> String {
        var lines = forms.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
        lines.append("")
        lines += summary.split(separator: "\n").map { "  " + $0 }
        lines.append("")
        lines.append("examples:")
        for example in examples {
            lines.append("  " + example.replacingOccurrences(of: "\n", with: "\n  "))
        }
        return lines.joined(separator: "\n")
    }
}

import MLMCore
import MLMRuntime

/// Terminal text for compare, tune, select features, explain, the money view of evaluate,
/// confidence intervals and thresholds. No times: output depends only on the results.
struct SelectionRenderer {
    let style: TerminalStyle
    let width: Int

    func render(_ result: SelectionResult) -> [String] {
        switch result {
        case .compared(let s): return compared(s)
        case .tuned(let s): return tuned(s)
        case .featuresSelected(let s): return featuresSelected(s)
        case .explained(let s): return explained(s)
        case .profit(let s): return profit(s)
        case .interval(let s): return [interval(s.metric, s.interval) + " on the \(s.part) rows (\(Format.count(s.interval.samples)) bootstrap samples)"]
        case .thresholdSet(let s):
            var line = "threshold of '\(s.model)' set to \(Format.summary(s.threshold)) (was \(Format.summary(s.previous)))"
            if let rule = s.rule { line += ": \(rule)" }
            return [line, "later evaluate, predict and save use it"]
        }
    }

    private func number(_ value: Double) -> String { value.isNaN ? "–" : ValueText.rounded(value, decimals: 3) }

    private func interval(_ metric: String, _ i: BootstrapInterval.Interval) -> String {
        "\(metric) \(number(i.estimate)) (\(Format.percent(i.level)) CI \(number(i.lower))–\(number(i.upper)))"
    }

    private func compared(_ s: CompareSummary) -> [String] {
        var lines = [style.bold("compared \(Format.plural(s.candidates.count, "model"))") + " predicting \(s.target.shown) on '\(s.table.shown)': "
                     + "\(s.folds)-fold stratified cross-validation of \(Format.plural(s.rows, "row")) (seed \(s.seed)), ranked by \(s.metric)"]
        lines += candidateTable(s.candidates, metric: s.metric, settingsHeader: "settings")
        if s.candidates.contains(where: { $0.interval != nil }) {
            lines.append("mean ± sd over the folds; 95% CI: bootstrap of \(s.metric) on all out-of-fold scores (each row scored by the model that did not see it)")
        }
        if !s.overlapping.isEmpty {
            lines.append("note: the 95% interval of \(s.candidates[0].label) overlaps that of \(joined(s.overlapping)): the difference may be chance")
        }
        if let kept = s.keptAs {
            lines.append("kept \(s.candidates[0].label) as '\(kept)', retrained on all \(Format.plural(s.rows, "row"))")
        }
        return lines
    }

    private func joined(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    private func tuned(_ s: TuneSummary) -> [String] {
        var lines = [style.bold("tuned \(s.algorithm)") + " predicting \(s.target.shown) on '\(s.table.shown)': \(Format.plural(s.trials.count, "setting"))"
                     + (s.trials.count < s.gridSize ? " of \(Format.count(s.gridSize)) (random search)" : " (full grid)")
                     + ", \(s.folds)-fold cross-validation of \(Format.plural(s.rows, "row")), ranked by \(s.metric)"]
        let shown = Array(s.trials.prefix(10))
        lines += candidateTable(shown, metric: s.metric, settingsHeader: "settings", showLabel: false)
        if s.trials.count > shown.count { lines.append("  … \(Format.plural(s.trials.count - shown.count, "more setting"))") }
        lines.append("best settings: " + s.bestSettings.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        if let kept = s.keptAs { lines.append("kept as '\(kept)', retrained on all \(Format.plural(s.rows, "row")) with the best settings") }
        return lines
    }

    private func candidateTable(_ rows: [CandidateRow], metric: String, settingsHeader: String, showLabel: Bool = true) -> [String] {
        let others = rows.first?.others.map(\.name) ?? []
        var headers = ["rank"] + (showLabel ? ["model"] : []) + [settingsHeader, metric, "± sd", "95% CI"] + others
        var alignments: [TextTable.Alignment] = [.right] + (showLabel ? [.left] : []) + [.left, .right, .right, .right]
        alignments += others.map { _ in .right }
        if rows.allSatisfy({ $0.settings.isEmpty }) {
            headers.remove(at: showLabel ? 2 : 1)
            alignments.remove(at: showLabel ? 2 : 1)
        }
        var table = TextTable(headers: headers, alignments: alignments)
        table.maximumWidths = headers.map { $0 == settingsHeader ? 40 : TextTable.defaultMaximumWidth }
        for (rank, row) in rows.enumerated() {
            let ci = row.interval.map { "\(number($0.lower))–\(number($0.upper))" } ?? ""
            var cells = [String(rank + 1)] + (showLabel ? [row.label] : [])
            if headers.contains(settingsHeader) { cells.append(row.settings) }
            cells += [number(row.mean), number(row.standardDeviation), ci] + row.others.map { number($0.value) }
            table.append(cells)
        }
        table = table.removingEmptyColumns()
        let fitting = table.columnsFitting(width: width - 2)
        return table.render(columnCount: fitting, indent: "  ", header: style.dim)
    }

    private func featuresSelected(_ s: FeatureSelectionSummary) -> [String] {
        let kept = s.decisions.filter(\.kept)
        var lines = [style.bold("kept \(Format.plural(kept.count, "column"))") + " of '\(s.table.shown)' for predicting \(s.target.shown), by \(s.ranking); the table now has \(Format.plural(s.remainingColumns, "column"))"]
        var table = TextTable(headers: ["column", s.ranking, "decision"], alignments: [.left, .right, .left])
        table.maximumWidths = [TextTable.defaultMaximumWidth, 20, 60]
        for d in s.decisions {
            table.append([d.column, d.score.map { ValueText.rounded($0, decimals: 4) } ?? "", d.kept ? "kept" : "dropped: \(d.reason ?? "")"])
        }
        return lines + table.render(indent: "  ", header: style.dim)
    }

    private func explained(_ s: ExplanationSummary) -> [String] {
        var lines = [style.bold("explained '\(s.model)'") + " (\(s.algorithm)) on \(Format.plural(s.rows, "\(s.part) row")): \(s.metric) \(number(s.baseline))"]
        lines.append("what the model relies on: how much \(s.metric) drops when a column is shuffled (5 repeats)")
        var table = TextTable(headers: ["column", "drop", "± sd"], alignments: [.left, .right, .right])
        for row in s.permutation.prefix(12) { table.append([row.column, ValueText.rounded(row.mean, decimals: 4), ValueText.rounded(row.standardDeviation, decimals: 4)]) }
        lines += table.render(indent: "  ", header: style.dim)
        if let native = s.native, !native.values.isEmpty {
            lines.append(native.kind + ":")
            var own = TextTable(headers: ["input", "value"], alignments: [.left, .right])
            for entry in native.values.prefix(8) { own.append([entry.column, ValueText.rounded(entry.value, decimals: 4)]) }
            lines += own.render(indent: "  ", header: style.dim)
        }
        for (column, points) in s.dependence {
            lines.append("mean \(s.scoreName) by \(column.shown): " + points.map { "\($0.value.shown) → \(number($0.meanScore))" }.joined(separator: ", "))
        }
        if !s.examples.isEmpty {
            lines.append("top-scored rows and why (effect on the \(s.scoreName)):")
            for example in s.examples {
                let reasons = example.reasons.map(\.text.shown)
                var named = "row \(Format.count(example.row + 1))"
                if let column = s.idColumn, let id = example.id { named = "\(column.shown) \(id.shown) (\(named))" }
                lines.append("  \(named): \(number(example.score)) — " + reasons.joined(separator: ", "))
            }
        }
        return lines
    }

    private func money(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = Format.summary(abs(rounded))
        return (rounded < 0 ? "−" : "") + text
    }

    /// The best cut-off on the rows that chose it, then what it gives on the rows evaluated.
    private func cutOffLines(_ cut: ProfitCutOff, part: String) -> [String] {
        let capacity = cut.value.capacity.map { ", at most \(Format.count($0)) contacts" } ?? ""
        let chosen = "  best cut-off, chosen on the \(Format.plural(cut.rows, "\(cut.part) row"))\(capacity): "
        guard let t = cut.best.threshold else {
            return [chosen + "contact nobody — no cut-off makes a profit there at these prices"]
        }
        return [chosen + "threshold \(Format.summary(t)) (there: contact \(Format.count(cut.best.contacts)), profit \(money(cut.best.profit)))",
                "  at that cut-off on these \(part) rows: contact \(Format.count(cut.applied.contacts)), convert \(Format.count(cut.applied.conversions)), profit \(money(cut.applied.profit))"
                    + (cut.capped ? " (the capacity: more rows score above it)" : "")
                    + (cut.sameRows ? " (the same rows chose it: optimistic)" : "")]
    }

    private func profit(_ s: ProfitSummary) -> [String] {
        let v = s.value
        var lines = [style.bold("business value") + " on \(Format.plural(s.rows, "\(s.part) row")): contact costs \(money(v.costPerContact)), a conversion is worth \(money(v.valuePerConversion))"
                     + (v.capacity.map { ", at most \(Format.count($0)) contacts" } ?? "")]
        let over = v.capacity.map { s.atThreshold.contacts > $0 } ?? false
        lines.append("  at the threshold \(Format.summary(s.threshold)): contact \(Format.count(s.atThreshold.contacts)), convert \(Format.count(s.atThreshold.conversions)), profit \(money(s.atThreshold.profit))"
                     + (over ? " (over capacity)" : ""))
        if let cut = s.cutOff {
            lines += cutOffLines(cut, part: s.part)
        }
        lines.append("  contacting everyone: \(Format.count(s.everyone.contacts)) contacts, \(Format.count(s.everyone.conversions)) conversions, profit \(money(s.everyone.profit))")
        var table = TextTable(headers: ["decile", "rows", "conversions", "profit", "cumulative"], alignments: [.right, .right, .right, .right, .right])
        for d in s.deciles {
            table.append([String(d.group), Format.count(d.rows), Format.count(d.conversions), money(d.profit), money(d.cumulativeProfit)])
        }
        return lines + table.render(indent: "  ", header: style.dim)
    }
}

import MLMCore
import MLMRuntime

/// `compare`, `tune`, `select features`, `explain`, the money view, intervals and thresholds
/// in a report: their tables plus a comparison chart, importance bars, partial dependence and
/// the profit curve. Fit times are left out: they differ between runs.
struct SelectionBlocks {
    let line: Int

    func blocks(_ result: SelectionResult) -> [ReportBlock] {
        switch result {
        case .compared(let s): return compared(s)
        case .tuned(let s): return tuned(s)
        case .featuresSelected(let s): return featuresSelected(s)
        case .explained(let s): return explained(s)
        case .profit(let s): return profit(s)
        case .interval(let s):
            return [.paragraph("\(s.metric) on the \(s.part) rows: \(number(s.interval.estimate)), "
                               + "\(Format.percent(s.interval.level)) interval \(number(s.interval.lower)) to \(number(s.interval.upper)) "
                               + "(\(Format.count(s.interval.samples)) bootstrap samples)")]
        case .thresholdSet(let s):
            return [.paragraph("\(s.model): threshold \(number(s.threshold)) (was \(number(s.previous)))" + (s.rule.map { ", \($0)" } ?? ""))]
        }
    }

    func number(_ value: Double) -> String { ValueText.rounded(value, decimals: 4) }

    private func candidateTable(_ rows: [CandidateRow], metric: String, first: String) -> ReportTable {
        let others = rows.first?.others.map(\.name) ?? []
        var table = ReportTable(headers: [first, "settings", metric, "± sd", "interval"] + others,
                                numeric: [false, false, true, true, false] + others.map { _ in true })
        table.rows = rows.map { row in
            let interval = row.interval.map { "\(number($0.lower)) to \(number($0.upper))" } ?? ""
            return [row.label, row.settings, number(row.mean), number(row.standardDeviation), interval]
                + others.indices.map { $0 < row.others.count ? number(row.others[$0].value) : "" }
        }
        return table.removingEmptyColumns().limited(to: 25)
    }

    private func candidateChart(_ rows: [CandidateRow], title: String, metric: String, kind: String,
                                bySettings: Bool = false) -> ReportChart {
        let bars = rows.prefix(15).map { row in
            BarChart.Bar(label: bySettings && !row.settings.isEmpty ? row.settings : row.label, value: row.mean, valueText: "\(number(row.mean)) ± \(number(row.standardDeviation))")
        }
        let chart = BarChart(title: title, valueLabel: "\(metric), mean over the folds", bars: Array(bars))
        return ReportChart(name: "line-\(line)-\(kind)", title: chart.title, svg: chart.svg())
    }

    private func compared(_ s: CompareSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .paragraph("\(Format.plural(s.candidates.count, "model")) compared on '\(s.table)' predicting \(s.target): "
                       + "\(s.folds)-fold cross-validation on \(Format.plural(s.rows, "row")), seed \(s.seed), by \(s.metric) "
                       + "(\(s.higherIsBetter ? "higher" : "lower") is better)"),
            .table(candidateTable(s.candidates, metric: s.metric, first: "model")),
        ]
        if let kept = s.keptAs { blocks.append(.paragraph("the best model is kept as '\(kept)', trained on all the rows used")) }
        if !s.overlapping.isEmpty {
            blocks.append(.paragraph("intervals overlapping the best one's: " + s.overlapping.joined(separator: ", ")))
        }
        if !s.candidates.isEmpty {
            blocks.append(.charts([candidateChart(s.candidates, title: "Model comparison (\(s.metric))", metric: s.metric, kind: "compare")]))
        }
        return blocks
    }

    private func tuned(_ s: TuneSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .paragraph("\(s.algorithm) tuned on '\(s.table)' predicting \(s.target): \(Format.plural(s.gridSize, "setting")) tried, "
                       + "\(s.folds)-fold cross-validation on \(Format.plural(s.rows, "row")), by \(s.metric)"),
            .paragraph("best settings: " + s.bestSettings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")),
            .table(candidateTable(s.trials, metric: s.metric, first: "trial")),
        ]
        if let kept = s.keptAs { blocks.append(.paragraph("kept as '\(kept)', trained with the best settings on all the rows used")) }
        if !s.trials.isEmpty {
            blocks.append(.charts([candidateChart(s.trials, title: "Settings tried, best first (\(s.metric))", metric: s.metric, kind: "tune",
                                                  bySettings: true)]))
        }
        return blocks
    }

    private func featuresSelected(_ s: FeatureSelectionSummary) -> [ReportBlock] {
        let kept = s.decisions.filter(\.kept).count
        var table = ReportTable(headers: ["column", s.ranking, "kept", "why dropped"], numeric: [false, true, false, false])
        table.rows = s.decisions.map { [$0.column, $0.score.map(number) ?? "", $0.kept ? "yes" : "no", $0.reason ?? ""] }
        var blocks: [ReportBlock] = [
            .paragraph("kept \(kept) of \(Format.plural(s.decisions.count, "input")) of '\(s.table)' for \(s.target), ranked by \(s.ranking); "
                       + "the table now has \(Format.plural(s.remainingColumns, "column"))"),
            .table(table.limited(to: 40)),
        ]
        let scored = s.decisions.filter { $0.score != nil }.prefix(20)
        if !scored.isEmpty {
            let bars = scored.map { BarChart.Bar(label: $0.column + ($0.kept ? "" : " (dropped)"), value: $0.score ?? 0,
                                                 valueText: number($0.score ?? 0)) }
            let chart = BarChart(title: "Inputs ranked by \(s.ranking)", valueLabel: s.ranking, bars: Array(bars))
            blocks.append(.charts([ReportChart(name: "line-\(line)-selection", title: chart.title, svg: chart.svg())]))
        }
        return blocks
    }
}

import MLMCore
import MLMRuntime

/// `train` and `evaluate` in a report: the terminal's tables plus feature importance bars,
/// ROC and precision-recall curves, the confusion matrix, lift, cumulative gains and calibration.
struct ModelBlocks {
    let line: Int
    static let importanceBars = 15

    func trained(_ summary: TrainSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .paragraph("\(summary.model): \(summary.algorithm) predicting \(summary.target)"),
            .paragraph("learned from \(Format.plural(summary.trainingRows, "row")) of '\(summary.table)' with \(Format.plural(summary.inputs, "input"))"),
        ]
        if !summary.settings.isEmpty {
            blocks.append(.paragraph("settings: " + summary.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")))
        }
        blocks += summary.notes.map { .paragraph($0) }
        if !summary.importances.isEmpty { blocks.append(.charts([importanceChart(summary)])) }
        return blocks
    }

    private func importanceChart(_ summary: TrainSummary) -> ReportChart {
        let shown = summary.importances.prefix(Self.importanceBars)
        let bars = shown.map { BarChart.Bar(label: $0.name, value: $0.value, valueText: ValueText.rounded($0.value, decimals: 3)) }
        let more = summary.importances.count > shown.count ? " (top \(shown.count) of \(summary.importances.count))" : ""
        let chart = BarChart(title: "\(summary.model): feature importance\(more)", valueLabel: "share of the impurity decrease", bars: bars)
        return ReportChart(name: "line-\(line)-importance", title: chart.title, svg: chart.svg())
    }

    func evaluated(_ report: EvaluationReport) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph("\(report.model): \(report.algorithm) predicting \(report.target)")]
        var metrics = ReportTable(headers: [""] + report.parts.map(\.name), numeric: [false] + report.parts.map { _ in true })
        metrics.rows.append(["rows"] + report.parts.map { Format.count($0.rows) })
        for (index, metric) in (report.parts.first?.metrics ?? []).enumerated() {
            metrics.rows.append([metric.name] + report.parts.map { part in
                index < part.metrics.count ? part.metrics[index].value.map(metricText) ?? "–" : "–"
            })
        }
        blocks.append(.table(metrics))
        if let threshold = report.threshold {
            let rule = report.thresholdRule.map { " (\($0))" } ?? ""
            blocks.append(.paragraph("accuracy, precision, recall and F1 at threshold \(ValueText.rounded(threshold, decimals: 4))\(rule)"))
        }
        var charts: [ReportChart] = []
        if let curves = report.curves { charts += curveCharts(curves, report) }
        if let confusion = report.confusion {
            blocks.append(.table(confusionTable(confusion, part: report.detailPart)))
            charts.append(confusionChart(confusion, report))
        }
        if !report.lift.isEmpty {
            blocks.append(.table(liftTable(report.lift, part: report.detailPart)))
            charts += liftCharts(report.lift, report)
        }
        if !report.perClass.isEmpty {
            var table = ReportTable(caption: "per class (\(report.detailPart) rows)", headers: ["class", "precision", "recall", "F1", "rows"],
                                    numeric: [false, true, true, true, true])
            table.rows = report.perClass.map { [$0.name, metricText($0.report.precision), metricText($0.report.recall),
                                                metricText($0.report.f1), Format.count($0.report.support)] }
            blocks.append(.table(table.limited(to: 40)))
        }
        if !charts.isEmpty { blocks.append(.charts(charts)) }
        return blocks
    }

    private func metricText(_ value: Double) -> String { ValueText.rounded(value, decimals: 4) }

    private func confusionTable(_ confusion: EvaluationReport.Confusion, part: String) -> ReportTable {
        var table = ReportTable(caption: "confusion matrix (\(part) rows)", headers: ["actual \\ predicted"] + confusion.classes,
                                numeric: [false] + confusion.classes.map { _ in true })
        table.rows = confusion.counts.enumerated().map { [confusion.classes[$0]] + $1.map(Format.count) }
        return table.limited(to: 40)
    }

    private func liftTable(_ rows: [ClassificationMetrics.LiftRow], part: String) -> ReportTable {
        var table = ReportTable(caption: "lift by decile (\(part) rows, highest scores first)",
                                headers: ["decile", "rows", "positives", "rate", "lift", "cumulative gain"],
                                numeric: Array(repeating: true, count: 6))
        table.rows = rows.map { [String($0.group), Format.count($0.rows), Format.count($0.positives), Format.percent($0.rate),
                                 ValueText.rounded($0.lift, decimals: 2), Format.percent($0.cumulativeGain)] }
        return table
    }

    private func curveCharts(_ curves: EvaluationCurves, _ report: EvaluationReport) -> [ReportChart] {
        let part = report.detailPart
        var roc = LineChart(title: "ROC curve (\(part) rows)", xLabel: "false positive rate", yLabel: "true positive rate",
                            series: [.init(name: report.model, points: curves.roc.map { ($0.x, $0.y) })])
        roc.xRange = 0...1; roc.yRange = 0...1; roc.diagonal = "random"
        var pr = LineChart(title: "Precision and recall (\(part) rows)", xLabel: "recall", yLabel: "precision",
                           series: [.init(name: report.model, points: curves.precisionRecall.map { ($0.x, $0.y) }),
                                    .init(name: "guessing (\(Format.percent(curves.positiveRate)) positive)",
                                          points: [(0, curves.positiveRate), (1, curves.positiveRate)], color: Palette.axis, dashed: true)])
        pr.xRange = 0...1; pr.yRange = 0...1
        var calibration = LineChart(title: "Calibration (\(part) rows, 10 score bins)", xLabel: "mean predicted score",
                                    yLabel: "observed share positive",
                                    series: [.init(name: report.model, points: curves.calibration.map { ($0.meanScore, $0.observedRate) },
                                                   color: Palette.green, dots: true)])
        calibration.xRange = 0...1; calibration.yRange = 0...1; calibration.diagonal = "perfect"
        return [chart(roc.svg(), "roc", roc.title), chart(pr.svg(), "precision-recall", pr.title),
                chart(calibration.svg(), "calibration", calibration.title)]
    }

    private func confusionChart(_ confusion: EvaluationReport.Confusion, _ report: EvaluationReport) -> ReportChart {
        let cells = confusion.counts.enumerated().map { actual, row -> [HeatGrid.Cell] in
            let total = max(1, row.reduce(0, +))
            return row.enumerated().map { predicted, count in
                let share = Double(count) / Double(total)
                return HeatGrid.Cell(text: Format.count(count), intensity: actual == predicted ? share : -share)
            }
        }
        let grid = HeatGrid(title: "Confusion matrix (\(report.detailPart) rows)", rowTitle: "actual", columnTitle: "predicted",
                            rowLabels: confusion.classes, columnLabels: confusion.classes, cells: cells,
                            note: "shade: share of the actual class; blue right, orange wrong")
        return chart(grid.svg(), "confusion", grid.title)
    }

    private func liftCharts(_ rows: [ClassificationMetrics.LiftRow], _ report: EvaluationReport) -> [ReportChart] {
        let bars = rows.map { BarChart.Bar(label: "decile \($0.group)", value: $0.lift, valueText: ValueText.rounded($0.lift, decimals: 2)) }
        let lift = BarChart(title: "Lift by decile (\(report.detailPart) rows)", valueLabel: "lift (positive rate ÷ overall rate)",
                            bars: bars, color: Palette.orange, reference: (1, "1 = random"))
        let total = max(1, rows.last?.cumulativeRows ?? 1)
        let points = [(0.0, 0.0)] + rows.map { (Double($0.cumulativeRows) / Double(total), $0.cumulativeGain) }
        var gains = LineChart(title: "Cumulative gains (\(report.detailPart) rows)", xLabel: "share of rows contacted, best scores first",
                              yLabel: "share of positives found",
                              series: [.init(name: report.model, points: points, color: Palette.blue, dots: true)])
        gains.xRange = 0...1; gains.yRange = 0...1; gains.diagonal = "random"
        return [chart(lift.svg(), "lift", lift.title), chart(gains.svg(), "gains", gains.title)]
    }

    private func chart(_ svg: String, _ kind: String, _ title: String) -> ReportChart {
        ReportChart(name: "line-\(line)-\(kind)", title: title, svg: svg)
    }
}

import MLMCore
import MLMRuntime

/// `train`, `evaluate`, `predict`, `save` and `load model` results.
struct ModelRenderer {
    let style: TerminalStyle

    func renderTrained(_ summary: TrainSummary) -> [String] {
        var lines = [style.bold(summary.model) + ": \(summary.algorithm) predicting \(summary.target.shown)",
                     "  learned from \(Format.plural(summary.trainingRows, "row")) of '\(summary.table.shown)' with \(Format.plural(summary.inputs, "input"))"]
        if !summary.settings.isEmpty {
            lines.append("  settings: " + summary.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        }
        lines += summary.notes.map { "  " + $0.shown }
        return lines
    }

    func renderEvaluated(_ report: EvaluationReport) -> [String] {
        var lines = [style.bold(report.model) + ": \(report.algorithm) predicting \(report.target.shown)"]
        var table = TextTable(headers: [""] + report.parts.map(\.name),
                              alignments: [.left] + report.parts.map { _ in .right })
        table.append(["rows"] + report.parts.map { Format.count($0.rows) })
        for (index, metric) in (report.parts.first?.metrics ?? []).enumerated() {
            table.append([metric.name] + report.parts.map { part in
                index < part.metrics.count ? part.metrics[index].value.map(metricText) ?? "–" : "–"
            })
        }
        lines += table.render(indent: "  ", header: style.dim)
        if let threshold = report.threshold {
            let rule = report.thresholdRule.map { " (\($0))" } ?? ""
            lines.append("  accuracy, precision, recall and F1 at threshold \(ValueText.rounded(threshold, decimals: 4))\(rule)")
        }
        if let confusion = report.confusion { lines += renderConfusion(confusion, part: report.detailPart) }
        if !report.lift.isEmpty { lines += renderLift(report.lift, part: report.detailPart) }
        if !report.perClass.isEmpty { lines += renderPerClass(report.perClass, part: report.detailPart) }
        return lines
    }

    private func metricText(_ value: Double) -> String {
        ValueText.rounded(value, decimals: 4)
    }

    private func renderConfusion(_ confusion: EvaluationReport.Confusion, part: String) -> [String] {
        var table = TextTable(headers: ["actual \\ predicted"] + confusion.classes,
                              alignments: [.left] + confusion.classes.map { _ in .right })
        for (index, row) in confusion.counts.enumerated() {
            table.append([confusion.classes[index]] + row.map(Format.count))
        }
        return ["", "  confusion matrix (\(part) rows):"] + table.render(indent: "    ", header: style.dim)
    }

    private func renderLift(_ rows: [ClassificationMetrics.LiftRow], part: String) -> [String] {
        var table = TextTable(headers: ["decile", "rows", "positives", "rate", "lift", "cumulative gain"],
                              alignments: [.right, .right, .right, .right, .right, .right])
        for row in rows {
            table.append([String(row.group), Format.count(row.rows), Format.count(row.positives),
                          Format.percent(row.rate), ValueText.rounded(row.lift, decimals: 2), Format.percent(row.cumulativeGain)])
        }
        return ["", "  lift by decile (\(part) rows, highest scores first):"] + table.render(indent: "    ", header: style.dim)
    }

    private func renderPerClass(_ classes: [(name: String, report: ClassificationMetrics.ClassReport)], part: String) -> [String] {
        var table = TextTable(headers: ["class", "precision", "recall", "F1", "rows"],
                              alignments: [.left, .right, .right, .right, .right])
        for (name, report) in classes {
            table.append([name, metricText(report.precision), metricText(report.recall), metricText(report.f1), Format.count(report.support)])
        }
        return ["", "  per class (\(part) rows):"] + table.render(indent: "    ", header: style.dim)
    }
}

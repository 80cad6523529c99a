import MLMCore
import MLMRuntime

extension SelectionBlocks {
    func explained(_ s: ExplanationSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph("\(s.model) (\(s.algorithm)) explained on \(Format.plural(s.rows, "\(s.part) row")): "
                                                + "\(s.metric) \(number(s.baseline)) with every column as it is")]
        var permutation = ReportTable(caption: "drop in \(s.metric) when a column's values are shuffled",
                                      headers: ["column", "drop", "± sd"], numeric: [false, true, true])
        permutation.rows = s.permutation.map { [$0.column, number($0.mean), number($0.standardDeviation)] }
        blocks.append(.table(permutation.limited(to: 25)))
        if !s.examples.isEmpty {
            let id = s.idColumn.map { [$0] } ?? []
            var table = ReportTable(caption: "highest \(s.scoreName) and why", headers: ["row"] + id + [s.scoreName, "reasons"],
                                    numeric: [true] + id.map { _ in false } + [true, false])
            table.rows = s.examples.map { driver in
                [String(driver.row + 1)] + id.map { _ in driver.id ?? "" } + [number(driver.score),
                 driver.reasons.map(\.text).joined(separator: ", ")]
            }
            blocks.append(.table(table.limited(to: 20)))
        }
        var charts: [ReportChart] = []
        if !s.permutation.isEmpty {
            let bars = s.permutation.prefix(15).map { BarChart.Bar(label: $0.column, value: $0.mean, valueText: number($0.mean)) }
            let chart = BarChart(title: "\(s.model): permutation importance", valueLabel: "drop in \(s.metric)", bars: Array(bars))
            charts.append(ReportChart(name: "line-\(line)-permutation", title: chart.title, svg: chart.svg()))
        }
        if let native = s.native, !native.values.isEmpty {
            let bars = native.values.prefix(15).map { BarChart.Bar(label: $0.column, value: $0.value, valueText: number($0.value)) }
            let kind = native.kind.components(separatedBy: " (").first ?? native.kind
            let chart = BarChart(title: "\(s.model): \(kind)", valueLabel: kind, bars: Array(bars), color: Palette.green)
            charts.append(ReportChart(name: "line-\(line)-native", title: chart.title, svg: chart.svg()))
        }
        for (index, entry) in s.dependence.prefix(6).enumerated() where !entry.points.isEmpty {
            let bars = entry.points.map { BarChart.Bar(label: $0.value, value: $0.meanScore, valueText: number($0.meanScore)) }
            let chart = BarChart(title: "Mean \(s.scoreName) by \(entry.column)", valueLabel: "mean \(s.scoreName) when every row has this value",
                                 bars: bars, color: Palette.orange)
            charts.append(ReportChart(name: "line-\(line)-dependence-\(index + 1)", title: chart.title, svg: chart.svg()))
        }
        if !charts.isEmpty { blocks.append(.charts(charts)) }
        return blocks
    }

    func profit(_ s: ProfitSummary) -> [ReportBlock] {
        func point(_ p: ProfitCurve.Point) -> String {
            "\(Format.plural(p.contacts, "contact")), \(Format.plural(p.conversions, "conversion")), profit \(Format.summary(p.profit))"
        }
        let capacity = s.value.capacity.map { ", at most \(Format.count($0)) contacts" } ?? ""
        var table = ReportTable(caption: "profit by decile (\(s.part) rows, highest scores first)",
                                headers: ["decile", "rows", "conversions", "profit", "cumulative profit"],
                                numeric: Array(repeating: true, count: 5))
        table.rows = s.deciles.map { [String($0.group), Format.count($0.rows), Format.count($0.conversions),
                                      Format.summary($0.profit), Format.summary($0.cumulativeProfit)] }
        var blocks: [ReportBlock] = [
            .paragraph("\(s.model) on \(Format.plural(s.rows, "\(s.part) row")): a contact costs \(Format.summary(s.value.costPerContact)), "
                       + "a conversion is worth \(Format.summary(s.value.valuePerConversion))\(capacity)"),
            .paragraph("at the threshold \(number(s.threshold)): " + point(s.atThreshold)),
            .paragraph("contacting everyone: " + point(s.everyone)),
            .table(table),
        ]
        if let cut = s.cutOff {
            let capacity = cut.value.capacity.map { ", at most \(Format.count($0)) contacts" } ?? ""
            let chosen = "best cut-off, chosen on the \(Format.plural(cut.rows, "\(cut.part) row"))\(capacity): "
            if let t = cut.best.threshold {
                blocks.insert(.paragraph(chosen + "scores ≥ \(number(t)) (there: " + point(cut.best) + ")"), at: 2)
                blocks.insert(.paragraph("at that cut-off on these \(s.part) rows: " + point(cut.applied)
                                         + (cut.capped ? " (the capacity: more rows score above it)" : "")
                                         + (cut.sameRows ? " (the same rows chose it: optimistic)" : "")), at: 3)
            } else {
                blocks.insert(.paragraph(chosen + "contact nobody — no cut-off makes a profit there at these prices"), at: 2)
            }
        }
        if !s.deciles.isEmpty {
            let total = max(1, s.deciles.reduce(0) { $0 + $1.rows })
            var contacted = 0
            var points: [(x: Double, y: Double)] = [(0, 0)]
            for decile in s.deciles {
                contacted += decile.rows
                points.append((Double(contacted) / Double(total), decile.cumulativeProfit))
            }
            let chart = LineChart(title: "Cumulative profit (\(s.part) rows)", xLabel: "share of rows contacted, best scores first",
                                  yLabel: "profit", series: [.init(name: s.model, points: points, color: Palette.green, dots: true)],
                                  xRange: 0...1)
            blocks.append(.charts([ReportChart(name: "line-\(line)-profit", title: chart.title, svg: chart.svg())]))
        }
        return blocks
    }
}

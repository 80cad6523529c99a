import MLMCore

/// `describe` in a report: the two tables the terminal shows, a box plot per number or date
/// column and a bar chart of the most frequent values of each category, text and true/false column.
struct DescribeBlocks {
    let line: Int
    static let maximumCategoryCharts = 12

    func blocks(table: String, rowCount: Int, summaries: [ColumnSummary]) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph("\(table): \(Format.plural(rowCount, "row")), \(Format.plural(summaries.count, "column")) described")]
        let quantitative = summaries.filter { $0.type.isQuantitative || $0.type == .date }
        let other = summaries.filter { !($0.type.isQuantitative || $0.type == .date) }
        if !quantitative.isEmpty {
            blocks.append(.table(numbersTable(quantitative)))
            if let chart = rangeChart(quantitative) { blocks.append(.charts([chart])) }
        }
        if !other.isEmpty {
            blocks.append(.table(categoriesTable(other)))
            let charts = other.filter { !$0.top.isEmpty }.prefix(Self.maximumCategoryCharts).enumerated().map { index, summary in
                categoryChart(summary, index: index)
            }
            if !charts.isEmpty { blocks.append(.charts(Array(charts))) }
            if other.filter({ !$0.top.isEmpty }).count > Self.maximumCategoryCharts {
                blocks.append(.paragraph("charts of the first \(Self.maximumCategoryCharts) of these columns"))
            }
        }
        return blocks
    }

    private func missingText(_ summary: ColumnSummary) -> String {
        guard summary.missing > 0 else { return "" }
        let total = summary.count + summary.missing
        return "\(Format.count(summary.missing)) (\(Format.percent(Double(summary.missing) / Double(max(total, 1)))))"
    }

    private func valueText(_ summary: ColumnSummary, _ value: Double?) -> String {
        guard let value else { return "" }
        return summary.type == .date ? CivilDate.format(value.rounded(.down)) : Format.summary(value)
    }

    private func numbersTable(_ summaries: [ColumnSummary]) -> ReportTable {
        let headers = ["column", "type", "missing", "distinct", "mean", "std", "min", "25%", "50%", "75%", "max"]
        var table = ReportTable(headers: headers, numeric: [false, false] + Array(repeating: true, count: 9))
        for s in summaries {
            let value = { (v: Double?) in valueText(s, v) }
            table.rows.append([s.name, s.type.rawValue, missingText(s), Format.count(s.distinct),
                               s.type == .date ? "" : value(s.mean), s.type == .date ? "" : value(s.standardDeviation),
                               value(s.minimum), value(s.lowerQuartile), value(s.median), value(s.upperQuartile), value(s.maximum)])
        }
        return table
    }

    private func categoriesTable(_ summaries: [ColumnSummary]) -> ReportTable {
        var table = ReportTable(headers: ["column", "type", "missing", "distinct", "most frequent"],
                                numeric: [false, false, true, true, false])
        for s in summaries {
            let top = s.top.prefix(3).map { "\($0.value) (\(Format.count($0.count)))" }.joined(separator: ", ")
            table.rows.append([s.name, s.type.rawValue, missingText(s), Format.count(s.distinct), top])
        }
        return table
    }

    private func rangeChart(_ summaries: [ColumnSummary]) -> ReportChart? {
        let rows = summaries.compactMap { s -> RangeChart.Row? in
            guard let low = s.minimum, let q1 = s.lowerQuartile, let median = s.median, let q3 = s.upperQuartile,
                  let high = s.maximum else { return nil }
            return RangeChart.Row(label: s.name, minimum: low, lowerQuartile: q1, median: median, upperQuartile: q3,
                                  maximum: high, minimumText: valueText(s, low), maximumText: valueText(s, high))
        }
        guard !rows.isEmpty else { return nil }
        let chart = RangeChart(title: "Spread of the number columns", rows: rows)
        return ReportChart(name: "line-\(line)-spread", title: chart.title, svg: chart.svg())
    }

    private func categoryChart(_ s: ColumnSummary, index: Int) -> ReportChart {
        let total = max(1, s.count + s.missing)
        let bars = s.top.map { BarChart.Bar(label: $0.value, value: Double($0.count),
                                            valueText: "\(Format.count($0.count)) (\(Format.percent(Double($0.count) / Double(total))))") }
        let title = s.distinct > s.top.count ? "\(s.name): \(s.top.count) most frequent of \(Format.count(s.distinct))" : s.name
        let chart = BarChart(title: SVG.clip(title, to: 60), valueLabel: "rows", bars: bars)
        return ReportChart(name: "line-\(line)-values-\(index + 1)", title: title, svg: chart.svg())
    }
}

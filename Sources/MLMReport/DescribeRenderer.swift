import MLMCore

/// `describe`: numbers and dates in one table (mean, spread, quartiles), categories and text in
/// another (distinct values and the most frequent ones), so neither table is mostly empty.
struct DescribeRenderer {
    let style: TerminalStyle
    let width: Int

    func render(table: String, rowCount: Int, summaries: [ColumnSummary]) -> [String] {
        var lines = [style.bold(table) + ": \(Format.plural(rowCount, "row")), \(Format.plural(summaries.count, "column")) described"]
        let quantitative = summaries.filter { $0.type.isQuantitative || $0.type == .date }
        let other = summaries.filter { !($0.type.isQuantitative || $0.type == .date) }
        if !quantitative.isEmpty {
            lines.append("")
            lines += numbersTable(quantitative).removingEmptyColumns().renderWrapped(width: width - 2, indent: "  ", header: style.dim)
        }
        if !other.isEmpty {
            lines.append("")
            lines += categoriesTable(other).renderWrapped(width: width - 2, indent: "  ", header: style.dim)
        }
        return lines
    }

    private func missingText(_ summary: ColumnSummary) -> String {
        guard summary.missing > 0 else { return "" }
        let total = summary.count + summary.missing
        return "\(Format.count(summary.missing)) (\(Format.percent(Double(summary.missing) / Double(max(total, 1)))))"
    }

    private func numbersTable(_ summaries: [ColumnSummary]) -> TextTable {
        var table = TextTable(
            headers: ["column", "type", "missing", "distinct", "mean", "std", "min", "25%", "50%", "75%", "max"],
            alignments: [.left, .left] + Array(repeating: .right, count: 9))
        for s in summaries {
            let value: (Double?) -> String = { v in
                guard let v else { return "" }
                return s.type == .date ? CivilDate.format(v.rounded(.down)) : Format.summary(v)
            }
            let mean = s.type == .date ? "" : value(s.mean)
            let std = s.type == .date ? "" : value(s.standardDeviation)
            table.append([s.name, s.type.rawValue, missingText(s), Format.count(s.distinct), mean, std,
                          value(s.minimum), value(s.lowerQuartile), value(s.median), value(s.upperQuartile), value(s.maximum)])
        }
        return table
    }

    private func categoriesTable(_ summaries: [ColumnSummary]) -> TextTable {
        var table = TextTable(headers: ["column", "type", "missing", "distinct", "most frequent"],
                              alignments: [.left, .left, .right, .right, .left])
        for s in summaries {
            let top = s.top.prefix(3).map { "\($0.value) (\(Format.count($0.count)))" }.joined(separator: ", ")
            table.append([s.name, s.type.rawValue, missingText(s), Format.count(s.distinct), top])
        }
        table = table.removingEmptyColumns()
        table.fitLastColumn(to: width - 2)
        return table
    }
}

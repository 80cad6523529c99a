import MLMCore
import MLMRuntime

/// Turns one step's results into report blocks: sentences, tables and charts. Wording and
/// numbers follow the terminal output (Format), so a report and a run read the same.
struct ResultBlocks {
    /// The step's line, to name its charts uniquely.
    let line: Int
    static let tableRowLimit = 20

    func blocks(_ result: StepResult) -> [ReportBlock] {
        switch result {
        case .loaded(let summary): return loaded(summary)
        case .described(let table, let rowCount, let summaries):
            return DescribeBlocks(line: line).blocks(table: table, rowCount: rowCount, summaries: summaries)
        case .preview(let table, let rows, let matching, let total): return preview(table, rows, matching, total)
        case .changes(let table, let changes, let rowCount, let columnCount):
            return self.changes(table, changes, rowCount, columnCount)
        case .split(let table, let counts, let stratifiedBy, let classShares):
            return split(table, counts, stratifiedBy, classShares)
        case .sorted(let summary):
            return ([SortText.headline(summary)] + SortText.notes(summary)).map { .paragraph($0) }
        case .exported(let table, let path, let rows, let columns):
            return [.paragraph("wrote '\(table)' to \(path): \(Format.count(rows)) rows, \(Format.count(columns)) columns")]
        case .trained(let summary): return ModelBlocks(line: line).trained(summary)
        case .evaluated(let report): return ModelBlocks(line: line).evaluated(report)
        case .predicted(let table, let columns, let rows):
            return [.paragraph("added \(columns.map { "'\($0)'" }.joined(separator: " and ")) to '\(table)' for \(Format.plural(rows, "row"))")]
        case .modelSaved(let model, let path): return [.paragraph("saved model '\(model)' to \(path)")]
        case .modelLoaded(let model, let path, let algorithm, let target, let rows):
            return [.paragraph("\(model): \(algorithm) predicting \(target), trained on \(Format.plural(rows, "row")) (from \(path))")]
        case .segmented(let summary): return SegmentBlocks(line: line).segmented(summary)
        case .rfm(let summary): return SegmentBlocks(line: line).rfm(summary)
        case .profiled(let summary): return SegmentBlocks(line: line).profiled(summary)
        case .segmentNamed(let segmentation, let segment, let label, let rows):
            return [.paragraph("segment \(segment) of '\(segmentation)' is now called \"\(label)\""
                               + (rows > 0 ? " (\(Format.plural(rows, "row")) relabelled)" : ""))]
        case .segmentationLoaded(let name, let path, let algorithm, let segments, let features):
            return [.paragraph("\(name): \(algorithm) segmentation with \(Format.plural(segments, "segment")) on \(features.joined(separator: ", ")) (from \(path))")]
        case .selection(let selection): return SelectionBlocks(line: line).blocks(selection)
        case .reportWritten(let path):
            return [.paragraph("wrote the report of the steps before this one to \(path)")]
        }
    }

    private func loaded(_ summary: LoadSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph("\(summary.table): \(Format.plural(summary.rows, "row")), \(Format.plural(summary.columns.count, "column"))")]
        blocks += summary.notes.map { .paragraph($0) }
        let explains = summary.columns.contains { $0.why != nil }
        let table = ReportTable(headers: ["column", "type", "missing"] + (explains ? ["why"] : []),
                                numeric: [false, false, true] + (explains ? [false] : []),
                                rows: summary.columns.map {
                                    [$0.name, $0.type.rawValue, $0.missing == 0 ? "" : Format.count($0.missing)] + (explains ? [$0.why ?? ""] : [])
                                })
        return blocks + [.table(table.limited(to: 60))]
    }

    private func preview(_ name: String, _ rows: DataFrame, _ matching: Int, _ total: Int) -> [ReportBlock] {
        var header = "\(name): showing \(Format.count(rows.rowCount)) of \(Format.plural(matching, "row"))"
        if matching != total { header += " that match (\(Format.count(total)) in all)" }
        guard rows.columnCount > 0 else { return [.paragraph(header + " (no columns)")] }
        var table = ReportTable(headers: rows.columns.map(\.name), numeric: rows.columns.map { $0.type.isQuantitative })
        for row in 0..<min(rows.rowCount, Self.tableRowLimit) {
            table.rows.append(rows.columns.map { ResultBlocks.cell($0, row) })
        }
        return [.paragraph(header), .table(table)]
    }

    /// A preview cell, the same in the terminal and the reports: a number column's values to
    /// four decimals (a preview, not the data: export writes every digit), others exactly.
    static func cell(_ column: Column, _ row: Int) -> String {
        if column.isMissing(row) { return "missing" }
        if let text = column.string(at: row) { return text }
        guard let value = column.number(at: row) else { return "" }
        if column.type == .number { return ValueText.rounded(value, decimals: 4) }
        return ValueText.format(value, type: column.type)
    }

    private func changes(_ table: String, _ changes: [Change], _ rowCount: Int, _ columnCount: Int) -> [ReportBlock] {
        let rows = changes.map { [$0.operation.trimmingCharacters(in: [" ", "\t"]), $0.summary] }
        return [.table(ReportTable(headers: ["operation", "what it did"], rows: rows).limited(to: 60)),
                .paragraph("\(table) now has \(Format.plural(rowCount, "row")), \(Format.plural(columnCount, "column"))")]
    }

    private func split(_ table: String, _ counts: [(role: RowRole, rows: Int)], _ stratifiedBy: String?,
                       _ classShares: [(value: String, shares: [(role: RowRole, share: Double)])]) -> [ReportBlock] {
        let total = counts.reduce(0) { $0 + $1.rows }
        var blocks: [ReportBlock] = [.paragraph("\(table) split into " + counts.map {
            "\($0.role.name) \(Format.count($0.rows)) (\(Format.percent(Double($0.rows) / Double(max(total, 1)))))"
        }.joined(separator: ", "))]
        guard let stratifiedBy, let first = classShares.first else { return blocks }
        let roles = first.shares.map(\.role)
        let table = ReportTable(caption: "share of each '\(stratifiedBy)' value in every part",
                                headers: [stratifiedBy] + roles.map(\.name), numeric: [false] + roles.map { _ in true },
                                rows: classShares.map { [$0.value] + $0.shares.map { Format.percent($0.share) } })
        blocks.append(.table(table.limited(to: Self.tableRowLimit)))
        return blocks
    }
}

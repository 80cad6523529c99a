import MLMCore
import MLMRuntime
import MLMSyntax

/// Renders each step notebook-style: a rule with the line number, the step's source, then its
/// result. Output depends only on the results (no times, no absolute paths), so the same script
/// and data always print the same bytes.
public struct TerminalRenderer {
    public let style: TerminalStyle
    /// Characters available per line; wide tables show the columns that fit.
    public let width: Int

    public init(color: Bool, width: Int = 100) {
        self.style = TerminalStyle(enabled: color)
        self.width = max(40, width)
    }

    public func render(_ output: StepOutput) -> String {
        var lines = [rule("line \(output.line)")]
        lines += output.source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { style.cyan(TerminalText.sourceLine(String($0))) }
        lines.append("")
        for result in output.results { lines += render(result) }
        for warning in output.warnings { lines.append(style.yellow("note: ") + TerminalText.visible(warning)) }
        // Names and values inside the lines above come from scripts and data; whatever a
        // renderer did not escape itself is shown here rather than obeyed by the terminal
        // (with colour on, only mlm's own colour codes are kept).
        return lines.map { TerminalText.outputLine($0, keepingStyles: style.enabled) }.joined(separator: "\n") + "\n"
    }

    private func rule(_ label: String) -> String {
        let head = "── \(label) "
        return style.dim(head + String(repeating: "─", count: max(3, min(width, 72) - head.count)))
    }

    private func render(_ result: StepResult) -> [String] {
        switch result {
        case .loaded(let summary): return renderLoaded(summary)
        case .described(let table, let rowCount, let summaries):
            return DescribeRenderer(style: style, width: width).render(table: table, rowCount: rowCount, summaries: summaries)
        case .preview(let table, let rows, let matching, let total):
            return PreviewRenderer(style: style, width: width).render(table: table, rows: rows, matching: matching, total: total)
        case .changes(let table, let changes, let rowCount, let columnCount):
            return renderChanges(table: table, changes: changes, rowCount: rowCount, columnCount: columnCount)
        case .split(let table, let counts, let stratifiedBy, let classShares):
            return renderSplit(table: table, counts: counts, stratifiedBy: stratifiedBy, classShares: classShares)
        case .sorted(let summary):
            return [SortText.headline(summary)] + SortText.notes(summary).map { "  " + $0 }
        case .exported(let table, let path, let rows, let columns):
            return ["wrote '\(table)' to \(TerminalText.visible(path)): \(Format.count(rows)) rows, \(Format.count(columns)) columns"]
        case .trained(let summary):
            return ModelRenderer(style: style).renderTrained(summary)
        case .evaluated(let report):
            return ModelRenderer(style: style).renderEvaluated(report)
        case .predicted(let table, let columns, let rows):
            return ["added \(columns.map { "'\(TerminalText.visible($0))'" }.joined(separator: " and ")) to '\(table)' for \(Format.plural(rows, "row"))"]
        case .modelSaved(let model, let path):
            return ["saved model '\(model)' to \(TerminalText.visible(path))"]
        case .modelLoaded(let model, let path, let algorithm, let target, let rows):
            return [style.bold(model) + ": \(algorithm) predicting \(target.shown), trained on \(Format.plural(rows, "row")) (from \(path.shown))"]
        case .segmented(let summary): return SegmentRenderer(style: style).renderSegmented(summary)
        case .rfm(let summary): return RfmRenderer(style: style).renderRfm(summary)
        case .profiled(let summary): return RfmRenderer(style: style).renderProfile(summary, width: width)
        case .segmentNamed(let segmentation, let segment, let label, let rows):
            return SegmentRenderer(style: style).renderNamed(segmentation: segmentation, segment: segment, label: label, rows: rows)
        case .segmentationLoaded(let name, let path, let algorithm, let segments, let features):
            return SegmentRenderer(style: style).renderLoaded(name: name, path: path, algorithm: algorithm, segments: segments, features: features)
        case .selection(let result): return SelectionRenderer(style: style, width: width).render(result)
        case .reportWritten(let path):
            return ["wrote the report of the steps before this one to \(path.shown)"]
        }
    }

    private func renderLoaded(_ summary: LoadSummary) -> [String] {
        var lines = [style.bold("\(summary.table)") + ": \(Format.plural(summary.rows, "row")), \(Format.plural(summary.columns.count, "column"))"]
        lines += summary.notes.map { "  " + TerminalText.visible($0) }
        // The "why" column appears only when a column became text, so most loads stay three columns wide.
        let explains = summary.columns.contains { $0.why != nil }
        var table = TextTable(headers: ["column", "type", "missing"] + (explains ? ["why"] : []),
                              alignments: [.left, .left, .right] + (explains ? [.left] : []))
        if explains { table.maximumWidths[3] = 48 }
        for column in summary.columns {
            table.append([column.name, column.type.rawValue, column.missing == 0 ? "" : Format.count(column.missing)]
                + (explains ? [column.why ?? ""] : []))
        }
        return lines + table.render(indent: "  ", header: style.dim)
    }

    private func renderChanges(table: String, changes: [Change], rowCount: Int, columnCount: Int) -> [String] {
        var lines: [String] = []
        for change in changes {
            lines.append(style.dim("  \(change.operation.trimmingLeadingSpaces()):"))
            lines += change.summary.split(separator: "\n").map { "    " + TerminalText.visible(String($0)) }
        }
        lines.append(style.bold(table) + " now has \(Format.plural(rowCount, "row")), \(Format.plural(columnCount, "column"))")
        return lines
    }

    private func renderSplit(table: String, counts: [(role: RowRole, rows: Int)], stratifiedBy: String?,
                             classShares: [(value: String, shares: [(role: RowRole, share: Double)])]) -> [String] {
        let total = counts.reduce(0) { $0 + $1.rows }
        var lines = [style.bold(table) + " split into " + counts.map {
            "\($0.role.name) \(Format.count($0.rows)) (\(Format.percent(Double($0.rows) / Double(max(total, 1)))))"
        }.joined(separator: ", ")]
        guard let stratifiedBy, !classShares.isEmpty else { return lines }
        let roles = classShares[0].shares.map(\.role)
        var shares = TextTable(headers: [stratifiedBy] + roles.map(\.name),
                               alignments: [.left] + roles.map { _ in .right })
        for entry in classShares { shares.append([entry.value] + entry.shares.map { Format.percent($0.share) }) }
        lines.append("  share of each '\(TerminalText.visible(stratifiedBy))' value in every part:")
        return lines + shares.render(indent: "  ", header: style.dim)
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
}

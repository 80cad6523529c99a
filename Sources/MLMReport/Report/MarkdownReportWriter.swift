import MLMCore

/// The report as Markdown for review in git: source in fenced blocks, tables as pipe tables,
/// charts as SVG files in `<name>_files/` beside the report, linked by relative path.
struct MarkdownReportWriter {
    /// Folder name of the chart files, relative to the report ("churn_files").
    let filesFolder: String

    struct Output {
        let markdown: String
        /// Chart files by name inside `filesFolder`.
        let files: [(name: String, contents: String)]
    }

    func render(_ document: ReportDocument) -> Output {
        var lines = ["# \(inline(document.title))", ""]
        lines.append("Report of `\(code(document.scriptName))` · \(Format.plural(document.cells.filter { $0.error == nil }.count, "step")) run"
                     + (document.failed ? " · **stopped by an error**" : ""))
        lines.append("")
        for paragraph in document.introduction { lines += [inline(paragraph), ""] }
        var files: [(name: String, contents: String)] = []
        for cell in document.cells { lines += section(cell, files: &files) }
        if document.stepsNotRun > 0 {
            lines += ["_\(Format.plural(document.stepsNotRun, "later step")) \(document.stepsNotRun == 1 ? "was" : "were") not run._", ""]
        }
        lines += footer(document.audit)
        while lines.last == "" { lines.removeLast() }
        return Output(markdown: lines.joined(separator: "\n") + "\n", files: files)
    }

    private func section(_ cell: ReportCell, files: inout [(name: String, contents: String)]) -> [String] {
        var lines = ["## Line \(cell.line): \(inline(SVG.clip(cell.heading, to: 70)))", ""]
        for paragraph in cell.prose { lines += [inline(paragraph), ""] }
        let fence = self.fence(cell.source)
        lines.append(fence + "mlm")
        lines += cell.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += [fence, ""]
        if let seconds = cell.seconds { lines += ["_\(ReportTiming.text(seconds))_", ""] }
        for result in cell.results {
            for block in ResultBlocks(line: cell.line).blocks(result) { lines += render(block, files: &files) }
        }
        for warning in cell.warnings { lines += ["> note: \(inline(warning))", ""] }
        if let error = cell.error {
            lines += error.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, text in
                "> " + (index == 0 ? "**error:** " : "") + inline(String(text))
            } + [""]
        }
        return lines
    }

    private func render(_ block: ReportBlock, files: inout [(name: String, contents: String)]) -> [String] {
        switch block {
        case .paragraph(let text): return [inline(text), ""]
        case .table(let table): return render(table)
        case .charts(let charts):
            var lines: [String] = []
            for chart in charts {
                let name = chart.name + ".svg"
                files.append((name, SVG.standalone(chart.svg)))
                lines += ["![\(inline(chart.title))](\(filesFolder)/\(name))", ""]
            }
            return lines
        }
    }

    private func render(_ table: ReportTable) -> [String] {
        var lines: [String] = []
        if let caption = table.caption { lines += ["_\(inline(caption))_", ""] }
        let header = table.headers.map { $0.isEmpty ? " " : cellText($0) }
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + table.headers.indices.map { column in
            column < table.numeric.count && table.numeric[column] ? "---:" : ":---"
        }.joined(separator: "|") + "|")
        for row in table.rows { lines.append("| " + row.map(cellText).joined(separator: " | ") + " |") }
        lines.append("")
        if let total = table.totalRows, total > table.rows.count {
            lines += ["_… \(Format.count(total - table.rows.count)) more rows (\(Format.count(total)) in all)_", ""]
        }
        return lines
    }

    private func footer(_ audit: AuditTrail) -> [String] {
        var lines = ["## Audit trail", "", "Made by mlm \(inline(audit.version)).", ""]
        if !audit.inputs.isEmpty {
            var table = ReportTable(caption: "input files", headers: ["file", "table", "rows", "bytes", "SHA-256"],
                                    numeric: [false, false, true, true, false])
            table.rows = audit.inputs.map { [$0.path, $0.table, Format.count($0.rows), $0.bytes.map(Format.count) ?? "unreadable", $0.sha256 ?? ""] }
            lines += render(table)
        }
        if !audit.seeds.isEmpty {
            var table = ReportTable(caption: "seeds", headers: ["line", "step", "seed"], numeric: [true, false, true])
            table.rows = audit.seeds.map { [String($0.line), $0.step, $0.value] }
            lines += render(table)
        }
        if !audit.models.isEmpty {
            var table = ReportTable(caption: "models (fingerprint of the encoded training data)",
                                    headers: ["model", "algorithm", "rows", "inputs", "SHA-256"], numeric: [false, false, true, true, false])
            table.rows = audit.models.map { [$0.name, $0.kind, Format.count($0.rows), Format.count($0.inputs), $0.sha256] }
            lines += render(table)
        }
        if let generated = audit.generatedAt {
            lines += ["Written \(inline(generated))" + (audit.totalSeconds.map { "; the run took \(ReportTiming.text($0))" } ?? "") + ".", ""]
        }
        return lines
    }

    /// Text from the script or the data, with Markdown's punctuation escaped so it shows as written.
    private func inline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "{", "}": out += "\\\(character)"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    private func cellText(_ text: String) -> String { inline(text) }

    /// Text inside an inline code span: backticks cannot be escaped there, so they are replaced.
    private func code(_ text: String) -> String { String(text.map { $0 == "`" ? "'" : $0 }) }

    /// A code fence longer than any run of backticks in the source.
    private func fence(_ source: String) -> String {
        var longest = 0, run = 0
        for character in source { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

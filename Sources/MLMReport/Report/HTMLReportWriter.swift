import MLMCore

/// The report as one self-contained HTML file: inline CSS and SVG, no scripts, no fonts or
/// images fetched, every piece of text from the script or the data escaped.
struct HTMLReportWriter {
    func render(_ document: ReportDocument) -> String {
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"mlm \(html(document.audit.version))\">",
            "<title>\(html(document.title))</title>", "<style>", HTMLStyle.css, "</style>", "</head>", "<body>", "<main>",
            "<header>", "<h1>\(html(document.title))</h1>",
            "<p class=\"meta\">Report of <code>\(html(document.scriptName))</code> · \(steps(document))</p>",
        ]
        if !document.introduction.isEmpty {
            out.append("<div class=\"intro\">" + document.introduction.map { "<p>\(html($0))</p>" }.joined() + "</div>")
        }
        out.append("</header>")
        out += tableOfContents(document)
        for cell in document.cells { out += section(cell) }
        if document.stepsNotRun > 0 {
            out.append("<p class=\"not-run\">\(Format.plural(document.stepsNotRun, "later step")) \(document.stepsNotRun == 1 ? "was" : "were") not run.</p>")
        }
        out += footer(document.audit)
        out += ["</main>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private func steps(_ document: ReportDocument) -> String {
        let ran = document.cells.filter { $0.error == nil }.count
        let base = "\(Format.plural(ran, "step")) run"
        return document.failed ? base + " · <strong>stopped by an error</strong>" : base
    }

    private func tableOfContents(_ document: ReportDocument) -> [String] {
        var items = document.cells.map { cell in
            let failed = cell.error == nil ? "" : " class=\"failed\""
            return "<li><a\(failed) href=\"#\(cell.anchor)\">\(html(SVG.clip(cell.heading, to: 70)))</a></li>"
        }
        items.append("<li><a href=\"#audit\">audit trail</a></li>")
        return ["<nav class=\"toc\">", "<h2>Contents</h2>", "<ol>"] + items + ["</ol>", "</nav>"]
    }

    private func section(_ cell: ReportCell) -> [String] {
        var out = ["<section class=\"step\" id=\"\(cell.anchor)\">"]
        if !cell.prose.isEmpty {
            out.append("<div class=\"prose\">" + cell.prose.map { "<p>\(html($0))</p>" }.joined() + "</div>")
        }
        out.append("<pre class=\"source\">" + sourceLines(cell) + "</pre>")
        if let seconds = cell.seconds { out.append("<p class=\"seconds\">\(html(ReportTiming.text(seconds)))</p>") }
        out.append("<div class=\"result\">")
        for result in cell.results { out += render(ResultBlocks(line: cell.line).blocks(result)) }
        out += cell.warnings.map { "<p class=\"warning\">note: \(html($0))</p>" }
        if let error = cell.error { out.append("<p class=\"error\"><strong>error:</strong> \(html(error))</p>") }
        out += ["</div>", "</section>"]
        return out
    }

    private func sourceLines(_ cell: ReportCell) -> String {
        cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, text in
            let number = String(cell.line + offset)
            let pad = String(repeating: " ", count: max(0, 4 - number.count))
            return "<span class=\"line\">\(pad)\(number)  </span>\(html(String(text)))"
        }.joined(separator: "\n")
    }

    /// Consecutive tables sit side by side where the page is wide enough.
    private func render(_ blocks: [ReportBlock]) -> [String] {
        var out: [String] = [], tables: [ReportTable] = []
        func flush() {
            if tables.count > 1 { out += ["<div class=\"tables\">"] + tables.flatMap(render) + ["</div>"] } else { out += tables.flatMap(render) }
            tables = []
        }
        for block in blocks {
            if case .table(let table) = block { tables.append(table); continue }
            flush()
            out += render(block)
        }
        flush()
        return out
    }

    private func render(_ block: ReportBlock) -> [String] {
        switch block {
        case .paragraph(let text): return ["<p>\(html(text))</p>"]
        case .table(let table): return render(table)
        case .charts(let charts):
            return ["<div class=\"charts\">"] + charts.map { "<figure>\n\($0.svg)\n</figure>" } + ["</div>"]
        }
    }

    private func render(_ table: ReportTable) -> [String] {
        var out = ["<div class=\"table-wrap\">"]
        if let caption = table.caption { out.append("<p class=\"caption\">\(html(caption))</p>") }
        out.append("<table>")
        let cls = { (column: Int) in column < table.numeric.count && table.numeric[column] ? " class=\"num\"" : "" }
        out.append("<thead><tr>" + table.headers.enumerated().map { "<th\(cls($0))>\(html($1))</th>" }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in table.rows {
            out.append("<tr>" + row.enumerated().map { "<td\(cls($0))>\(html($1))</td>" }.joined() + "</tr>")
        }
        if let total = table.totalRows, total > table.rows.count {
            out.append("<tr class=\"more\"><td colspan=\"\(table.headers.count)\">… \(Format.count(total - table.rows.count)) more rows (\(Format.count(total)) in all)</td></tr>")
        }
        out += ["</tbody>", "</table>", "</div>"]
        return out
    }

    private func footer(_ audit: AuditTrail) -> [String] {
        var out = ["<footer id=\"audit\">", "<h2>Audit trail</h2>", "<p>Made by mlm \(html(audit.version)).</p>"]
        if !audit.inputs.isEmpty {
            var table = ReportTable(caption: "input files", headers: ["file", "table", "rows", "bytes", "SHA-256"],
                                    numeric: [false, false, true, true, false])
            table.rows = audit.inputs.map { [$0.path, $0.table, Format.count($0.rows), $0.bytes.map(Format.count) ?? "unreadable", $0.sha256 ?? ""] }
            out += render(table)
        }
        if !audit.seeds.isEmpty {
            var table = ReportTable(caption: "seeds", headers: ["line", "step", "seed"], numeric: [true, false, true])
            table.rows = audit.seeds.map { [String($0.line), $0.step, $0.value] }
            out += render(table)
        }
        if !audit.models.isEmpty {
            var table = ReportTable(caption: "models (fingerprint of the encoded training data)",
                                    headers: ["model", "algorithm", "rows", "inputs", "SHA-256"], numeric: [false, false, true, true, false])
            table.rows = audit.models.map { [$0.name, $0.kind, Format.count($0.rows), Format.count($0.inputs), $0.sha256] }
            out += render(table)
        }
        if let generated = audit.generatedAt {
            let total = audit.totalSeconds.map { "; the run took \(ReportTiming.text($0))" } ?? ""
            out.append("<p>Written \(html(generated))\(html(total)).</p>")
        }
        out.append("</footer>")
        return out
    }

    private func html(_ text: String) -> String { SVG.escape(text) }
}

enum ReportTiming {
    static func text(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : ValueText.rounded(seconds, decimals: 2) + " s"
    }
}

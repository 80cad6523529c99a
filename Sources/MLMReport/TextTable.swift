import MLMSyntax

/// Lays out rows of cells in aligned columns for monospaced output.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Longest cell text shown before it is cut with "…", per column.
    var maximumWidths: [Int]

    static let defaultMaximumWidth = 24

    init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
        self.maximumWidths = headers.map { _ in TextTable.defaultMaximumWidth }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// Column widths after truncation.
    private var widths: [Int] {
        headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] })
                .map { TextTable.truncate($0, to: maximumWidths[column]).count }.max() ?? 0
        }
    }

    /// The table without columns whose cells are all empty (e.g. "missing" when nothing is).
    func removingEmptyColumns() -> TextTable {
        let keep = headers.indices.filter { column in column == 0 || rows.contains { !$0[column].isEmpty } }
        var table = TextTable(headers: keep.map { headers[$0] }, alignments: keep.map { alignments[$0] })
        table.maximumWidths = keep.map { maximumWidths[$0] }
        table.rows = rows.map { row in keep.map { row[$0] } }
        return table
    }

    /// Lets the last column use whatever width the others leave (at least 20 characters).
    mutating func fitLastColumn(to width: Int) {
        guard headers.count > 1 else { return }
        let others = self.widths.dropLast().reduce(0, +) + 2 * (headers.count - 1)
        maximumWidths[headers.count - 1] = max(20, width - others)
    }

    /// How many leading columns fit in `width` characters (at least one).
    func columnsFitting(width: Int) -> Int {
        var used = 0
        for (index, w) in widths.enumerated() {
            used += w + (index == 0 ? 0 : 2)
            if used > width { return max(1, index) }
        }
        return headers.count
    }

    /// Renders the first `columnCount` columns; `header` decorates the header row.
    func render(columnCount: Int? = nil, indent: String = "", header: (String) -> String = { $0 }) -> [String] {
        let count = min(columnCount ?? headers.count, headers.count)
        let widths = Array(self.widths.prefix(count))
        func line(_ cells: [String]) -> String {
            let padded = (0..<count).map { column -> String in
                let text = TextTable.truncate(cells[column], to: maximumWidths[column])
                let gap = String(repeating: " ", count: widths[column] - text.count)
                return alignments[column] == .right ? gap + text : text + gap
            }
            var joined = padded.joined(separator: "  ")
            while joined.hasSuffix(" ") { joined.removeLast() }
            return indent + joined
        }
        return [header(line(headers))] + rows.map(line)
    }

    /// Renders all columns in as many blocks as the width needs, repeating the first column
    /// in each block so every row stays identifiable.
    func renderWrapped(width: Int, indent: String = "", header: (String) -> String = { $0 }) -> [String] {
        var lines: [String] = []
        var remaining = Array(1..<max(1, headers.count))
        while true {
            var block = TextTable(headers: [headers[0]], alignments: [alignments[0]])
            block.maximumWidths = [maximumWidths[0]]
            block.rows = rows.map { [$0[0]] }
            for column in remaining {
                block.headers.append(headers[column])
                block.alignments.append(alignments[column])
                block.maximumWidths.append(maximumWidths[column])
                for i in block.rows.indices { block.rows[i].append(rows[i][column]) }
            }
            let fitting = max(2, block.columnsFitting(width: width))
            if !lines.isEmpty { lines.append("") }
            lines += block.render(columnCount: fitting, indent: indent, header: header)
            remaining = Array(remaining.dropFirst(fitting - 1))
            if remaining.isEmpty { return lines }
        }
    }

    /// Cut on the text as shown (control characters escaped), so widths are what the
    /// terminal displays and a tab or line break in a cell cannot break the layout.
    static func truncate(_ text: String, to width: Int) -> String {
        let flat = TerminalText.visible(text)
        guard flat.count > width else { return flat }
        return String(flat.prefix(width - 1)) + "…"
    }
}

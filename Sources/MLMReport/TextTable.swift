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

    static func truncate(_ text: String, to width: Int) -> String {
        let flat = text.replacingLineBreaks()
        guard flat.count > width else { return flat }
        return String(flat.prefix(width - 1)) + "…"
    }
}

extension String {
    func replacingLineBreaks() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}

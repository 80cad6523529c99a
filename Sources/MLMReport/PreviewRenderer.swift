import MLMCore

/// `show`: the first rows, aligned, long text cut, and as many columns as fit the width.
struct PreviewRenderer {
    let style: TerminalStyle
    let width: Int

    func render(table name: String, rows: DataFrame, matching: Int, total: Int) -> [String] {
        var header = style.bold(name) + ": showing \(Format.count(rows.rowCount)) of \(Format.plural(matching, "row"))"
        if matching != total { header += " that match (\(Format.count(total)) in all)" }
        guard rows.columnCount > 0 else { return [header, "  (no columns)"] }
        var table = TextTable(
            headers: rows.columns.map(\.name),
            alignments: rows.columns.map { $0.type.isQuantitative ? .right : .left })
        for row in 0..<rows.rowCount {
            table.append(rows.columns.map { ResultBlocks.cell($0, row) })
        }
        let fitting = table.columnsFitting(width: width - 2)
        var lines = [header] + table.render(columnCount: fitting, indent: "  ", header: style.dim)
        if fitting < rows.columnCount {
            let hidden = rows.columns.dropFirst(fitting).map(\.name)
            let names = hidden.prefix(8).joined(separator: ", ") + (hidden.count > 8 ? ", …" : "")
            lines.append(style.dim("  … \(Format.plural(hidden.count, "more column")) not shown: \(names)"))
        }
        return lines
    }

}

import MLMRuntime

/// A notebook-style report, independent of the medium: the script's title and prose, one cell
/// per step (source, result blocks, warnings, or the error that stopped the run) and an audit
/// trail. The HTML, Markdown and JSON writers all read this one model.
public struct ReportDocument: Sendable {
    public var title: String
    /// Name of the script file, as given on the command line or in the REPL.
    public var scriptName: String
    /// Comment paragraphs before the first step (the title line excluded).
    public var introduction: [String]
    public var cells: [ReportCell]
    /// Steps after a failing one, which did not run.
    public var stepsNotRun: Int
    public var audit: AuditTrail

    public var failed: Bool { cells.contains { $0.error != nil } }
}

/// One step of the script as it appears in the report.
public struct ReportCell: Sendable {
    /// 1-based line where the step starts; also the anchor the table of contents links to.
    public let line: Int
    /// The step's source exactly as written.
    public let source: String
    /// Comment paragraphs written above the step: the notebook's text cell.
    public let prose: [String]
    public let results: [StepResult]
    public let warnings: [String]
    /// The error the step stopped with (message and help), nil when it ran.
    public let error: String?
    /// Seconds the step took, only when timings were asked for.
    public var seconds: Double?

    public var anchor: String { "line-\(line)" }

    /// The step's first line without its block, for the table of contents.
    public var heading: String {
        let first = source.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let trimmed = first.trimmingCharacters(in: [" ", "\t"])
        return trimmed.hasSuffix(":") ? String(trimmed.dropLast()) : trimmed
    }
}

/// What a result shows in a report, medium-neutral.
enum ReportBlock: Sendable {
    case paragraph(String)
    case table(ReportTable)
    /// Charts shown side by side where the page is wide enough.
    case charts([ReportChart])
}

struct ReportTable: Sendable {
    var caption: String?
    let headers: [String]
    /// Right-aligned (numeric) columns.
    let numeric: [Bool]
    var rows: [[String]]
    /// When only the first rows are shown: how many there are in all.
    var totalRows: Int?

    init(caption: String? = nil, headers: [String], numeric: [Bool]? = nil, rows: [[String]] = [], totalRows: Int? = nil) {
        self.caption = caption
        self.headers = headers
        self.numeric = numeric ?? headers.map { _ in false }
        self.rows = rows
        self.totalRows = totalRows
    }

    /// The table without columns whose cells are all empty (the first column always stays).
    func removingEmptyColumns() -> ReportTable {
        let keep = headers.indices.filter { column in column == 0 || rows.contains { column < $0.count && !$0[column].isEmpty } }
        guard keep.count < headers.count else { return self }
        return ReportTable(caption: caption, headers: keep.map { headers[$0] }, numeric: keep.map { numeric[$0] },
                           rows: rows.map { row in keep.map { $0 < row.count ? row[$0] : "" } }, totalRows: totalRows)
    }

    /// Large tables are summarised: the first `limit` rows and the count.
    func limited(to limit: Int) -> ReportTable {
        guard rows.count > limit else { return self }
        var copy = self
        copy.rows = Array(rows.prefix(limit))
        copy.totalRows = totalRows ?? rows.count
        return copy
    }
}

struct ReportChart: Sendable {
    /// File name stem for Markdown's chart files, unique within a report: "line-12-roc".
    let name: String
    let title: String
    let svg: String
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

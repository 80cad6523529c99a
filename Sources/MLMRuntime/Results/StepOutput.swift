import MLMCore
import MLMSyntax

/// What one step produced, in a form any renderer (terminal, HTML, Markdown, JSON) can show.
/// The runtime never formats for a medium itself.
public struct StepOutput: Sendable {
    /// The step's source text exactly as written (header and block).
    public let source: String
    /// 1-based line where the step starts.
    public let line: Int
    public var results: [StepResult]
    public var warnings: [String]

    public init(source: String, line: Int, results: [StepResult] = [], warnings: [String] = []) {
        self.source = source
        self.line = line
        self.results = results
        self.warnings = warnings
    }
}

public enum StepResult: Sendable {
    case loaded(LoadSummary)
    case described(table: String, rowCount: Int, summaries: [ColumnSummary])
    /// The first rows of a table (already limited), with how many rows matched in all.
    case preview(table: String, rows: DataFrame, matchingRows: Int, totalRows: Int)
    /// One line per clean/feature operation: the operation as written and what it changed.
    case changes(table: String, changes: [Change], rowCount: Int, columnCount: Int)
    case split(table: String, counts: [(role: RowRole, rows: Int)], stratifiedBy: String?,
               classShares: [(value: String, shares: [(role: RowRole, share: Double)])])
    case sorted(SortSummary)
    case exported(table: String, path: String, rows: Int, columns: Int)
    case trained(TrainSummary)
    case evaluated(EvaluationReport)
    case predicted(table: String, columns: [String], rows: Int)
    case modelSaved(model: String, path: String)
    case modelLoaded(model: String, path: String, algorithm: String, target: String, trainingRows: Int)
    case segmented(SegmentSummary)
    case rfm(RfmSummary)
    case profiled(ProfileSummary)
    case segmentNamed(segmentation: String, segment: String, label: String, relabelledRows: Int)
    case segmentationLoaded(name: String, path: String, algorithm: String, segments: Int, features: [String])
    /// compare, tune, select features, explain, business value, intervals, thresholds.
    case selection(SelectionResult)
    /// `report "file"` wrote the report of the steps before it, to `path` as written.
    case reportWritten(path: String)
}

public struct LoadSummary: Sendable {
    public let table: String
    public let path: String
    public let rows: Int
    /// `why` says why an inferred column is text ("198 distinct values in 200 rows"); nil otherwise.
    public let columns: [(name: String, type: ColumnType, missing: Int, why: String?)]
    /// Notes about how the file was read (delimiter, decimal comma, encoding, skipped rows).
    public let notes: [String]
}

/// What `sort` did: the keys in order, with each column's type (for the words "highest first",
/// "A to Z") and its missing cells (which come last), and how many rows changed place.
public struct SortSummary: Sendable, Equatable {
    public struct Key: Sendable, Equatable {
        public let column: String
        public let type: ColumnType
        public let descending: Bool
        public let missing: Int
    }

    public let table: String
    public let rows: Int
    public let keys: [Key]
    public let moved: Int
    /// The parts of the split the table has (train, validation, test), which the rows took
    /// with them; empty when it is not split.
    public let parts: [String]
}

public struct Change: Sendable, Equatable {
    /// The operation's source line, as written.
    public let operation: String
    /// What it did, in words: "dropped 12 duplicate rows".
    public let summary: String

    public init(operation: String, summary: String) {
        self.operation = operation
        self.summary = summary
    }
}

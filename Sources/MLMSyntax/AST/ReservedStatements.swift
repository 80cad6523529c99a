// Shapes of the steps that later issues implement (modelling, segmentation, reports). The
// grammar and parser accept them now so scripts and tools can rely on their form.

/// `model name = train algorithm on table target column [= value | as number] [with option, ...]`
public struct TrainStatement: Sendable, Equatable {
    public var model: Identifier
    public var algorithm: Identifier
    public var table: Identifier
    public var target: Identifier
    public var positiveValue: Expr?
    /// Where `as number` is written: a regression even on a column of 0s and 1s.
    public var asNumber: SourceRange?
    public var options: [NamedOption]

    public init(model: Identifier, algorithm: Identifier, table: Identifier, target: Identifier,
                positiveValue: Expr?, asNumber: SourceRange? = nil, options: [NamedOption]) {
        self.model = model
        self.algorithm = algorithm
        self.table = table
        self.target = target
        self.positiveValue = positiveValue
        self.asNumber = asNumber
        self.options = options
    }
}

/// `evaluate model [on role-or-table] [at threshold n] [with cost 2, value 60, capacity 500]`
public struct EvaluateStatement: Sendable, Equatable {
    public var model: Identifier
    public var on: Identifier?
    public var threshold: Expr?
    /// Business settings (cost, value, capacity) and the bootstrap, when given.
    public var options: [NamedOption]

    public init(model: Identifier, on: Identifier?, threshold: Expr?, options: [NamedOption] = []) {
        self.model = model
        self.on = on
        self.threshold = threshold
        self.options = options
    }
}

/// `predict model on table as column [with reasons]`
public struct PredictStatement: Sendable, Equatable {
    public var model: Identifier
    public var table: Identifier
    public var output: Identifier
    /// Adds the top 3 drivers of each score as columns.
    public var withReasons: Bool

    public init(model: Identifier, table: Identifier, output: Identifier, withReasons: Bool = false) {
        self.model = model
        self.table = table
        self.output = output
        self.withReasons = withReasons
    }
}

/// `save model to "file"`
public struct SaveStatement: Sendable, Equatable {
    public var model: Identifier
    public var path: PathLiteral

    public init(model: Identifier, path: PathLiteral) {
        self.model = model
        self.path = path
    }
}

/// `load model "file" as name [with trust_edits]`
public struct LoadModelStatement: Sendable, Equatable {
    public var path: PathLiteral
    public var name: Identifier
    public var options: [NamedOption]

    public init(path: PathLiteral, name: Identifier, options: [NamedOption] = []) {
        self.path = path
        self.name = name
        self.options = options
    }
}

/// `segment table with algorithm [option ...] on a, b as column [option ...]`
public struct SegmentStatement: Sendable, Equatable {
    public var table: Identifier
    public var algorithm: Identifier
    public var options: [NamedOption]
    public var columns: [Identifier]
    public var output: Identifier

    public init(table: Identifier, algorithm: Identifier, options: [NamedOption],
                columns: [Identifier], output: Identifier) {
        self.table = table
        self.algorithm = algorithm
        self.options = options
        self.columns = columns
        self.output = output
    }
}

/// `report "file.html"`
public struct ReportStatement: Sendable, Equatable {
    public var path: PathLiteral

    public init(path: PathLiteral) { self.path = path }
}

/// A parsed script.
public struct Program: Sendable, Equatable {
    public var statements: [Statement]

    public init(statements: [Statement]) { self.statements = statements }
}

/// One step of a script. `range` covers the whole step, block included, so the runner can
/// print the step's source above its result.
public struct Statement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case load(LoadStatement)
        case describe(DescribeStatement)
        case show(ShowStatement)
        case clean(CleanStatement)
        case feature(FeatureStatement)
        case split(SplitStatement)
        case sort(SortStatement)
        case export(ExportStatement)
        // The shapes below are reserved in the grammar for the modelling, segmentation and
        // report steps; the checker reports them as not available in this version.
        case train(TrainStatement)
        case evaluate(EvaluateStatement)
        case predict(PredictStatement)
        case save(SaveStatement)
        case loadModel(LoadModelStatement)
        case segment(SegmentStatement)
        case rfm(RfmStatement)
        case profile(ProfileStatement)
        case nameSegment(NameSegmentStatement)
        case report(ReportStatement)
        case compare(CompareStatement)
        case tune(TuneStatement)
        case selectFeatures(SelectFeaturesStatement)
        case explain(ExplainStatement)
        case setThreshold(SetThresholdStatement)
    }

    public var kind: Kind
    public var range: SourceRange
    /// The step's keyword (`load`, `clean`, ...) as written, for messages.
    public var keyword: Identifier

    public init(_ kind: Kind, keyword: Identifier, range: SourceRange) {
        self.kind = kind
        self.keyword = keyword
        self.range = range
    }
}

/// `load "file.csv" as name [with option, ..., column c as type]`
public struct LoadStatement: Sendable, Equatable {
    public var path: PathLiteral
    public var name: Identifier
    public var options: [NamedOption]
    public var columnTypes: [ColumnTypeOverride]

    public init(path: PathLiteral, name: Identifier, options: [NamedOption], columnTypes: [ColumnTypeOverride]) {
        self.path = path
        self.name = name
        self.options = options
        self.columnTypes = columnTypes
    }
}

/// `column zip as text` inside load options; `column signup as date "dd-mm-yyyy"` gives a
/// date format.
public struct ColumnTypeOverride: Sendable, Equatable {
    public var column: Identifier
    public var type: Identifier
    public var format: TextLiteral?

    public init(column: Identifier, type: Identifier, format: TextLiteral? = nil) {
        self.column = column
        self.type = type
        self.format = format
    }
}

/// `describe table [columns a, b]`
public struct DescribeStatement: Sendable, Equatable {
    public var table: Identifier
    public var columns: [Identifier]

    public init(table: Identifier, columns: [Identifier]) {
        self.table = table
        self.columns = columns
    }
}

/// `show table [columns a, b] [where condition] [order by key, ...] [limit n]`
public struct ShowStatement: Sendable, Equatable {
    public var table: Identifier
    public var columns: [Identifier]
    public var filter: Expr?
    /// Empty: the table's own row order.
    public var order: [OrderKey]
    public var limit: Expr?

    public init(table: Identifier, columns: [Identifier], filter: Expr?, order: [OrderKey] = [], limit: Expr?) {
        self.table = table
        self.columns = columns
        self.filter = filter
        self.order = order
        self.limit = limit
    }
}

/// One key of `order by` or `sort ... by`: a column, ascending unless `desc` follows it.
public struct OrderKey: Sendable, Equatable {
    public var column: Identifier
    public var descending: Bool
    /// The direction word as written (`asc`, `desc`, ...), nil when none was.
    public var direction: Identifier?

    public init(column: Identifier, descending: Bool, direction: Identifier? = nil) {
        self.column = column
        self.descending = descending
        self.direction = direction
    }
}

/// `sort table by key [asc|desc], ...`: puts the table's rows in that order.
public struct SortStatement: Sendable, Equatable {
    public var table: Identifier
    public var keys: [OrderKey]

    public init(table: Identifier, keys: [OrderKey]) {
        self.table = table
        self.keys = keys
    }
}

/// `clean table:` followed by an indented block of operations (or one operation after `:`).
public struct CleanStatement: Sendable, Equatable {
    public var table: Identifier
    public var operations: [CleanOperation]

    public init(table: Identifier, operations: [CleanOperation]) {
        self.table = table
        self.operations = operations
    }
}

/// `feature table:` followed by an indented block of operations (or one operation after `:`).
public struct FeatureStatement: Sendable, Equatable {
    public var table: Identifier
    public var operations: [FeatureOperation]

    public init(table: Identifier, operations: [FeatureOperation]) {
        self.table = table
        self.operations = operations
    }
}

/// `split table into train 80%, test 20% [stratify by y] [seed 42]`
public struct SplitStatement: Sendable, Equatable {
    public struct Part: Sendable, Equatable {
        public var role: Identifier
        public var share: Expr

        public init(role: Identifier, share: Expr) {
            self.role = role
            self.share = share
        }
    }

    public var table: Identifier
    public var parts: [Part]
    public var stratifyBy: Identifier?
    public var seed: Expr?

    public init(table: Identifier, parts: [Part], stratifyBy: Identifier?, seed: Expr?) {
        self.table = table
        self.parts = parts
        self.stratifyBy = stratifyBy
        self.seed = seed
    }
}

/// `export table to "file.csv" [with force]`
public struct ExportStatement: Sendable, Equatable {
    public var table: Identifier
    public var path: PathLiteral
    public var options: [NamedOption]

    public init(table: Identifier, path: PathLiteral, options: [NamedOption]) {
        self.table = table
        self.path = path
        self.options = options
    }
}

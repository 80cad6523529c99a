// Steps that choose and explain models: compare, tune, select features, explain, and set a
// model's threshold.

/// One algorithm in a `compare`, with optional settings: `random_forest(trees 200, depth 8)`.
public struct CompareCandidate: Sendable, Equatable {
    public var algorithm: Identifier
    public var options: [NamedOption]

    public init(algorithm: Identifier, options: [NamedOption]) {
        self.algorithm = algorithm
        self.options = options
    }
}

/// The table, target and ranking shared by `compare` and `tune`.
public struct SelectionTarget: Sendable, Equatable {
    public var table: Identifier
    public var target: Identifier
    public var positiveValue: Expr?
    /// Where `as number` is written: a regression even on a column of 0s and 1s.
    public var asNumber: SourceRange?

    public init(table: Identifier, target: Identifier, positiveValue: Expr?, asNumber: SourceRange? = nil) {
        self.table = table
        self.target = target
        self.positiveValue = positiveValue
        self.asNumber = asNumber
    }
}

/// `compare alg[(options)], ... on table target y [= v] [by metric] [with option, ...] [as name]`
public struct CompareStatement: Sendable, Equatable {
    public var candidates: [CompareCandidate]
    public var data: SelectionTarget
    public var metric: Identifier?
    public var options: [NamedOption]
    /// The name the best model is kept under.
    public var keepAs: Identifier?

    public init(candidates: [CompareCandidate], data: SelectionTarget, metric: Identifier?,
                options: [NamedOption], keepAs: Identifier?) {
        self.candidates = candidates
        self.data = data
        self.metric = metric
        self.options = options
        self.keepAs = keepAs
    }
}

/// `tune alg on table target y [= v] over name values, ... [by metric] [with option, ...] [as name]`
/// where values are a range `3..8`, a list `[0.03, 0.1]` or one value.
public struct TuneStatement: Sendable, Equatable {
    public var algorithm: Identifier
    public var data: SelectionTarget
    public var grid: [NamedOption]
    public var metric: Identifier?
    public var options: [NamedOption]
    public var keepAs: Identifier?

    public init(algorithm: Identifier, data: SelectionTarget, grid: [NamedOption], metric: Identifier?,
                options: [NamedOption], keepAs: Identifier?) {
        self.algorithm = algorithm
        self.data = data
        self.grid = grid
        self.metric = metric
        self.options = options
        self.keepAs = keepAs
    }
}

/// `select features of table for y [= v | as number] top n by importance|correlation|mutual_information`
public struct SelectFeaturesStatement: Sendable, Equatable {
    public var table: Identifier
    public var target: Identifier
    public var positiveValue: Expr?
    /// Where `as number` is written: rank for a regression even on a column of 0s and 1s.
    public var asNumber: SourceRange?
    public var count: Expr
    public var ranking: Identifier

    public init(table: Identifier, target: Identifier, positiveValue: Expr?, asNumber: SourceRange? = nil,
                count: Expr, ranking: Identifier) {
        self.table = table
        self.target = target
        self.positiveValue = positiveValue
        self.asNumber = asNumber
        self.count = count
        self.ranking = ranking
    }
}

/// `explain model [on role-or-table]`
public struct ExplainStatement: Sendable, Equatable {
    public var model: Identifier
    public var on: Identifier?

    public init(model: Identifier, on: Identifier?) {
        self.model = model
        self.on = on
    }
}

/// `set threshold of model to 0.3|best_f1|best_profit|recall(80%) [with option, ...]`
public struct SetThresholdStatement: Sendable, Equatable {
    public var model: Identifier
    public var threshold: Expr
    public var options: [NamedOption]

    public init(model: Identifier, threshold: Expr, options: [NamedOption]) {
        self.model = model
        self.threshold = threshold
        self.options = options
    }
}

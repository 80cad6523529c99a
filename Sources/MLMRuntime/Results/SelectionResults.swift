import MLMCore

/// What the model-selection steps report: compare, tune, select features, explain, the money
/// view of evaluate, confidence intervals, and a threshold set on a model.
public enum SelectionResult: Sendable {
    case compared(CompareSummary)
    case tuned(TuneSummary)
    case featuresSelected(FeatureSelectionSummary)
    case explained(ExplanationSummary)
    case profit(ProfitSummary)
    case interval(IntervalSummary)
    case thresholdSet(ThresholdSummary)
}

/// One scored candidate of `compare` or trial of `tune`, across folds.
public struct CandidateRow: Sendable {
    public let label: String
    /// Settings as shown, e.g. `depth 4, rate 0.1` (tune) or given options (compare).
    public let settings: String
    public let mean: Double
    public let standardDeviation: Double
    /// Other metrics' means, in display order.
    public let others: [(name: String, value: Double)]
    /// Total wall-clock seconds of fitting over the folds (not deterministic: reports and
    /// benchmarks only, never the terminal).
    public let fitSeconds: Double
    /// Bootstrap interval of the ranking metric on the out-of-fold predictions.
    public let interval: BootstrapInterval.Interval?
}

public struct CompareSummary: Sendable {
    public let table: String
    public let target: String
    public let metric: String
    public let higherIsBetter: Bool
    public let folds: Int
    public let rows: Int
    public let seed: Int
    /// Best first.
    public let candidates: [CandidateRow]
    /// The name the best model was kept under, retrained on every row used.
    public let keptAs: String?
    /// Pairs of candidates whose intervals overlap with the best one's.
    public let overlapping: [String]
}

public struct TuneSummary: Sendable {
    public let algorithm: String
    public let table: String
    public let target: String
    public let metric: String
    public let folds: Int
    public let rows: Int
    public let gridSize: Int
    /// Best first; at most all trials.
    public let trials: [CandidateRow]
    public let bestSettings: [(name: String, value: String)]
    public let keptAs: String?
}

public struct FeatureSelectionSummary: Sendable {
    public let table: String
    public let target: String
    public let ranking: String
    public let decisions: [FeatureSelection.Decision]
    /// Columns now in the table (kept features, the target, and columns never considered).
    public let remainingColumns: Int
}

public struct ExplanationSummary: Sendable {
    public struct Driver: Sendable {
        /// The row's position in the table, from 0.
        public let row: Int
        /// The row's value in the table's id column (see `idColumn`).
        public let id: String?
        public let score: Double
        public let reasons: [ReasonCodes.Reason]
    }

    public let model: String
    public let algorithm: String
    /// The rows measured on, e.g. "test".
    public let part: String
    public let rows: Int
    public let metric: String
    public let baseline: Double
    /// Largest first.
    public let permutation: [PermutationImportance.Row]
    /// The algorithm's own importance (trees) or standardized coefficients (linear), per source
    /// column, with what it is.
    public let native: (kind: String, values: [(column: String, value: Double)])?
    public let dependence: [(column: String, points: [PartialDependence.Point])]
    /// The highest-scored rows with their reasons.
    public let examples: [Driver]
    /// The column that names the rows (a text, category or integer column with a different
    /// value on every row, see `DataFrame.idColumn`), nil when the table has none.
    public let idColumn: String?
    public let scoreName: String
}

public struct ProfitSummary: Sendable {
    public let model: String
    public let part: String
    public let rows: Int
    public let value: BusinessValue
    /// The best cut-off, chosen on other rows and used on these; nil when there are no rows to
    /// choose it on (the model's training table is not in the session).
    public let cutOff: ProfitCutOff?
    public let everyone: ProfitCurve.Point
    /// At the model's current threshold.
    public let atThreshold: ProfitCurve.Point
    public let threshold: Double
    public let deciles: [ProfitCurve.Decile]
}

/// The most profitable cut-off on the rows that choose thresholds (validation, else training),
/// and what contacting by it gives on the rows evaluated.
public struct ProfitCutOff: Sendable {
    /// "validation" or "training".
    public let part: String
    public let rows: Int
    /// The prices, with the capacity rescaled to these rows.
    public let value: BusinessValue
    /// The best point on the choosing rows (threshold nil: contacting nobody is best).
    public let best: ProfitCurve.Point
    /// That threshold used on the rows evaluated, within their capacity.
    public let applied: ProfitCurve.Point
    /// True when more of the rows evaluated score above the threshold than the capacity allows.
    public let capped: Bool
    /// True when the rows evaluated are the choosing rows themselves (then the profit is optimistic).
    public let sameRows: Bool
}

public struct IntervalSummary: Sendable {
    public let part: String
    public let metric: String
    public let interval: BootstrapInterval.Interval
}

public struct ThresholdSummary: Sendable {
    public let model: String
    public let threshold: Double
    public let previous: Double
    public let rule: String?
}

import MLMCore

/// What `train` reports.
public struct TrainSummary: Sendable {
    public let model: String
    public let algorithm: String
    public let table: String
    /// "y = 'yes' (yes or no)", "3 classes of segment", "revenue (a number)".
    public let target: String
    public let trainingRows: Int
    public let inputs: Int
    public let settings: [(name: String, value: String)]
    public let notes: [String]
    /// Inputs by importance, largest first, for models that measure it (trees, forests, boosting).
    public var importances: [(name: String, value: Double)] = []
}

/// What `evaluate` reports: metrics for each part side by side, then details for the last part.
public struct EvaluationReport: Sendable {
    public struct Part: Sendable {
        public let name: String
        public let rows: Int
        /// In display order; nil where a metric cannot be computed (e.g. one class present).
        public let metrics: [(name: String, value: Double?)]
    }

    public struct Confusion: Sendable {
        public let classes: [String]
        /// counts[actual][predicted]
        public let counts: [[Int]]
    }

    public let model: String
    public let algorithm: String
    public let target: String
    public let task: TargetSpec.Task
    public let parts: [Part]
    /// The part the details below describe.
    public let detailPart: String
    public let threshold: Double?
    public let thresholdRule: String?
    public let confusion: Confusion?
    public let lift: [ClassificationMetrics.LiftRow]
    public let perClass: [(name: String, report: ClassificationMetrics.ClassReport)]
    /// ROC, precision-recall and calibration data of the detail part (yes/no targets), for charts.
    public var curves: EvaluationCurves? = nil
}

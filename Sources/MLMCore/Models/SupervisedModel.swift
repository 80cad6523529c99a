/// A trained supervised model with everything needed to use it again on raw data: the
/// preparation of the training table, the feature encoding, the target, the fitted parameters,
/// the decision threshold and the latest evaluation. This is what a model file holds.
public struct SupervisedModel: Sendable {
    public let algorithm: String
    public let parameters: Parameters
    public let target: TargetSpec
    /// How the positive class is recognised when the target is given as `y = "yes"`.
    public let positiveValue: CellValue?
    public let encoding: FeatureEncoding
    /// The clean and feature operations that made the training table, with their fitted values.
    public var preparation: PreparationRecipe
    public let fitted: any TrainedModel
    /// Scores at or above the threshold are predicted positive (binary only).
    public var threshold: Double
    /// Metrics of the latest evaluation, by part ("train", "test", ...) and metric name.
    public var metrics: [String: [String: Double]]
    public let trainingData: DataFingerprint
    /// Notes from training (convergence, out-of-bag score, what the encoding left out).
    public let notes: [String]
    /// Warnings about the training rows of this session (an input that alone separates the
    /// target: see `TargetCopyCheck.nearCopies`). Not stored in model files: a loaded model has none.
    public var warnings: [String] = []

    public var targetEncoder: TargetEncoder { TargetEncoder(spec: target, positive: positiveValue) }

    /// Scores the given rows (all when nil): class probabilities or predicted values.
    public func predict(_ frame: DataFrame, rows: [Int]? = nil) throws(ModelError) -> (Predictions, EncodingReport) {
        let (matrix, report) = try encoding.transform(frame, rows: rows)
        return (fitted.predict(matrix), report)
    }
}

/// The clean and feature operations a table went through, in order, as written in the script,
/// each with what it learned from data. Replaying it prepares raw new rows the same way.
public struct PreparationRecipe: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        /// "clean" or "feature".
        public let block: String
        /// The operation's source text, e.g. `fill balance with median`.
        public let source: String
        /// What the operation learned (empty for operations that learn nothing).
        public let fitted: [FittedStep]

        public init(block: String, source: String, fitted: [FittedStep]) {
            self.block = block
            self.source = source
            self.fitted = fitted
        }
    }

    public var steps: [Step]

    public init(steps: [Step] = []) { self.steps = steps }
}

/// Identifies the data a model was trained on, without storing it.
public struct DataFingerprint: Sendable, Equatable, Codable {
    public let rows: Int
    public let columns: [String]
    /// SHA-256 of the encoded training matrix and target (hex).
    public let sha256: String
}

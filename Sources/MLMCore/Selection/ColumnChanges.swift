/// A model whose scores are weighted sums of the inputs passed through a fixed link (logistic,
/// linear and ridge regression). Changing some inputs moves each score by coefficient × change,
/// which is how reasons and permutation importance, asking "what if this column were different"
/// once per column, cost rows × (changed inputs) per column instead of a full prediction over
/// every input (quadratic in the number of inputs: minutes at 10,000 inputs).
protocol LinearScoring {
    /// One row of coefficients (one per input) per score.
    var scoreCoefficients: [[Double]] { get }
    /// `scores[s][row]`: intercept plus Σⱼ wⱼ xⱼ, summed as `predict` sums it.
    func linearScores(_ x: FeatureMatrix) -> [[Double]]
    /// The predictions `predict` gives for those scores.
    func predictions(fromScores scores: [[Double]], rows: Int) -> Predictions
}

/// Predictions for a matrix that differs from `base` in a few columns at a time, for every
/// kind of model: exact score updates for linear models, and for the others a prediction on a
/// working copy that is changed and restored in place, so no column costs a copy of the matrix.
struct ColumnChanges {
    let base: FeatureMatrix
    private let predict: (FeatureMatrix) -> Predictions
    private let linear: (any LinearScoring)?
    private let baseScores: [[Double]]

    init(base: FeatureMatrix, model: (any TrainedModel)?, predict: @escaping (FeatureMatrix) -> Predictions) {
        self.base = base
        self.predict = predict
        let linear = model as? any LinearScoring
        // A matrix of the wrong width gets the model's own (unusable) predictions, not an update.
        if let linear, linear.scoreCoefficients.allSatisfy({ $0.count == base.columns }) {
            self.linear = linear
            baseScores = linear.linearScores(base)
        } else {
            self.linear = nil
            baseScores = []
        }
    }

    /// Predictions of the unchanged matrix.
    func basePredictions() -> Predictions {
        guard let linear else { return predict(base) }
        return linear.predictions(fromScores: baseScores, rows: base.rows)
    }

    /// For each item, predictions with matrix columns `columns(item)` of every row replaced by
    /// `value(item, column, row)`. Items run in parallel; each result depends on its item alone.
    func map<T>(_ count: Int, columns: (Int) -> [Int], value: (Int, Int, Int) -> Double,
                _ body: (Int, Predictions) -> T) -> [T] {
        let rows = base.rows
        if let linear {
            let weights = linear.scoreCoefficients
            return Parallel.map(count) { item in
                var scores = baseScores
                for column in columns(item) {
                    for s in weights.indices where weights[s][column] != 0 {
                        let w = weights[s][column], offset = column * rows
                        for row in 0..<rows { scores[s][row] += w * (value(item, column, row) - base.values[offset + row]) }
                    }
                }
                return body(item, linear.predictions(fromScores: scores, rows: rows))
            }
        }
        // Blocks of items share one working copy; results do not depend on how items are grouped.
        let blockCount = min(count, 4 * Parallel.coreCount), perBlock = blockCount == 0 ? 0 : (count + blockCount - 1) / blockCount
        let blocks = Parallel.map(blockCount) { b -> [T] in
            var work = base
            return (min(count, b * perBlock)..<min(count, (b + 1) * perBlock)).map { item in
                let changed = columns(item)
                for column in changed {
                    for row in 0..<rows { work.values[column * rows + row] = value(item, column, row) }
                }
                let result = body(item, predict(work))
                for column in changed {
                    let offset = column * rows
                    for row in 0..<rows { work.values[offset + row] = base.values[offset + row] }
                }
                return result
            }
        }
        return Array(blocks.joined())
    }
}

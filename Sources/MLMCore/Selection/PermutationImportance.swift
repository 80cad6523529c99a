/// Permutation importance: how much a metric worsens on held-out rows when one of the user's
/// columns is shuffled across those rows (all inputs derived from the column — one-hot levels,
/// missing flag — moved together, so the column is shuffled as a whole). It works for every
/// algorithm, since it only needs predictions.
///
/// Matches scikit-learn's `permutation_importance` when given the same permutations:
/// importance = baseline − permuted score for metrics where higher is better, and
/// permuted − baseline for losses, so larger is always more important.
public enum PermutationImportance {
    public struct Row: Sendable, Equatable {
        public let column: String
        public let mean: Double
        /// Population standard deviation over repeats (ddof 0, as scikit-learn).
        public let standardDeviation: Double
        public let values: [Double]
    }

    /// `permutation(column, repeat)` gives, for that source column and repeat, the row each row
    /// takes its value from (`permuted[row] = original[permutation[row]]`).
    public static func compute(x: FeatureMatrix, labels: [Double], columns: SourceColumns, metric: SelectionMetric,
                               repeats: Int, threshold: Double = 0.5,
                               permutation: (Int, Int) -> [Int], model: (any TrainedModel)? = nil,
                               predict: @escaping (FeatureMatrix) -> Predictions) throws(ModelError) -> (baseline: Double, rows: [Row]) {
        guard x.rows >= 2 else { throw ModelError("permutation importance needs at least 2 held-out rows; got \(x.rows)") }
        guard repeats >= 1 else { throw ModelError("repeats must be at least 1; got \(repeats)") }
        // Passing the `model` lets a linear one score each shuffle from its coefficients (see
        // `ColumnChanges`); every other model predicts on a working copy changed in place.
        let changes = ColumnChanges(base: x, model: model, predict: predict)
        let baseline = metric.value(labels: labels, predictions: changes.basePredictions(), threshold: threshold)
        let permutations = (0..<columns.count).map { c in (0..<repeats).map { permutation(c, $0) } }
        let n = x.rows
        // Item c · repeats + r: column c shuffled by its r-th permutation.
        let scores = changes.map(columns.count * repeats, columns: { columns.matrixColumns($0 / repeats) },
                                 value: { item, column, row in
                                     x.values[column * n + permutations[item / repeats][item % repeats][row]]
                                 }) { _, shuffled in
            metric.value(labels: labels, predictions: shuffled, threshold: threshold)
        }
        let rows = (0..<columns.count).map { c -> Row in
            let values = (0..<repeats).map { r -> Double in
                let score = scores[c * repeats + r]
                return metric.higherIsBetter ? baseline - score : score - baseline
            }
            let mean = values.reduce(0, +) / Double(repeats)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(repeats)
            return Row(column: columns.names[c], mean: mean, standardDeviation: variance.squareRoot(), values: values)
        }
        return (baseline, rows)
    }

    /// Seeded permutations: column c, repeat r shuffles with `SeededGenerator` seeded from the
    /// seed, c and r, so each (column, repeat) is reproducible on its own and in parallel.
    public static func seededPermutation(rows: Int, seed: UInt64) -> (Int, Int) -> [Int] {
        { column, repeatIndex in
            var mixer = SeededGenerator(seed: seed ^ (UInt64(column) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(repeatIndex) &* 0xD1B5_4A32_D192_ED03))
            var generator = SeededGenerator(seed: mixer.next())
            var order = Array(0..<rows)
            generator.shuffle(&order)
            return order
        }
    }
}

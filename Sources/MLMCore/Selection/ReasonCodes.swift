/// Per-row reasons: which of the user's columns pushed this row's score up or down the most.
///
/// Method (the same for every algorithm, so reasons of different models read alike): for each
/// source column, the row's score is recomputed with that column set to its typical training
/// value (median of a number, most frequent category; see `SourceColumns.reference`). The
/// column's effect is score − score at the typical value: positive means the row's actual value
/// raises the score. The three effects of largest size are the row's reasons. For a linear
/// regression on a number this is exactly coefficient × (x − median); for logistic regression it
/// is that term passed through the sigmoid at the row's other values; for trees and ensembles it
/// is the local change of the model's own output.
public enum ReasonCodes {
    public struct Reason: Sendable, Equatable {
        public let column: String
        /// Score change due to the row's value of the column (positive: raises the score).
        public let effect: Double

        /// "poutcome +0.156", "age -0.045": the same text in explain, reports and the reason
        /// columns of `predict ... with reasons`, which go to a CRM, so the sign is ASCII and the
        /// number has no separators (three decimals).
        /// An effect that rounds to zero is "+0": "-0" would claim a direction the digits do not show.
        public var text: String {
            let magnitude = ValueText.rounded(abs(effect), decimals: 3)
            let negative = effect < 0 && magnitude != ValueText.rounded(0, decimals: 3)
            return "\(column) \(negative ? "-" : "+")\(magnitude)"
        }
    }

    /// Up to `top` reasons per row, largest effect size first (ties: table order). Columns with
    /// no effect on a row are never reasons. Passing the `model` lets a linear one answer each
    /// column from its coefficients (see `ColumnChanges`), with the same effects.
    public static func compute(x: FeatureMatrix, columns: SourceColumns, reference: [Double], top: Int = 3,
                               model: (any TrainedModel)? = nil,
                               predict: @escaping (FeatureMatrix) -> Predictions) -> [[Reason]] {
        guard x.rows > 0, columns.count > 0 else { return [[Reason]](repeating: [], count: x.rows) }
        let changes = ColumnChanges(base: x, model: model, predict: predict)
        let base = changes.basePredictions()
        let classes = RowScore.predictedClasses(base)
        let scores = RowScore.scores(base, classOfRow: classes)
        // One changed matrix per column, all rows at once: columns × rows predictions in all.
        let effects = changes.map(columns.count, columns: columns.matrixColumns, value: { _, column, _ in reference[column] }) { _, moved in
            let movedScores = RowScore.scores(moved, classOfRow: classes)
            return (0..<x.rows).map { scores[$0] - movedScores[$0] }
        }
        return (0..<x.rows).map { row in
            let ranked = (0..<columns.count).filter { effects[$0][row] != 0 && !effects[$0][row].isNaN }
                .sorted { abs(effects[$0][row]) != abs(effects[$1][row]) ? abs(effects[$0][row]) > abs(effects[$1][row]) : $0 < $1 }
            return ranked.prefix(top).map { Reason(column: columns.names[$0], effect: effects[$0][row]) }
        }
    }
}

/// Partial dependence: the average score when every row gets the same value of one column,
/// for a few values of it. Shows the direction and shape of a column's effect.
public enum PartialDependence {
    public struct Point: Sendable, Equatable {
        /// The value as text: a number, or a category level.
        public let value: String
        public let meanScore: Double
    }

    /// Numbers: the 10th, 30th, 50th, 70th and 90th percentiles of the rows (distinct values
    /// only); one-hot and level-index categories: every level, at most `maximumLevels`.
    public static func summary(x: FeatureMatrix, columns: SourceColumns, column c: Int, maximumLevels: Int = 8,
                               predict: (FeatureMatrix) -> Predictions) -> [Point] {
        guard x.rows > 0 else { return [] }
        let classes = RowScore.predictedClasses(predict(x))
        return settings(x, columns.kinds[c], maximumLevels).map { (label, assignment) in
            var changed = x
            for (column, value) in assignment {
                for row in 0..<x.rows { changed.values[column * x.rows + row] = value }
            }
            let scores = RowScore.scores(predict(changed), classOfRow: classes)
            return Point(value: label, meanScore: scores.reduce(0, +) / Double(scores.count))
        }
    }

    private static func settings(_ x: FeatureMatrix, _ kind: SourceColumns.Kind, _ maximumLevels: Int) -> [(String, [(Int, Double)])] {
        switch kind {
        case .number(let value, let flag):
            let sorted = x.column(value).filter { !$0.isNaN }.sorted()
            var seen: [Double] = []
            for q in [0.1, 0.3, 0.5, 0.7, 0.9] {
                if let v = Statistics.quantile(sorted, q), !seen.contains(v) { seen.append(v) }
            }
            return seen.map { v in (ValueText.summary(v), [(value, v)] + (flag.map { [($0, 0.0)] } ?? [])) }
        case .oneHot(let columns, let levels):
            return levels.indices.prefix(maximumLevels).map { l in
                (levels[l], columns.enumerated().map { ($0.element, $0.offset == l ? 1.0 : 0.0) })
            }
        case .levelIndex(let column, let levels):
            return levels.indices.prefix(maximumLevels).map { (levels[$0], [(column, Double($0))]) }
        }
    }
}

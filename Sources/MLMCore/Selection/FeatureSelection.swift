/// Chooses which of a table's columns to keep for predicting a target.
///
/// First filters (whatever the ranking): columns the model encoding leaves out (free text, too
/// many categories); near-constant columns (one value, missing included, in at least
/// `nearConstantShare` of the rows); and of each pair of number columns with |Pearson r| ≥
/// `collinearity`, the one ranked lower. Then the rest are ranked by one of:
/// - `correlation`: |Pearson r| of a number with the target (class index for two classes), or for
///   a category the correlation ratio η (the share of the target's spread explained by the
///   category's means, square-rooted, on the same 0–1 scale as |r|); two-class and numeric
///   targets only;
/// - `mutualInformation`: plug-in mutual information (nats) between the target (classes, or a
///   number cut into 10 quantile bins) and the column (categories as they are, numbers cut into
///   10 quantile bins, missing as its own bin). A rank-based filter; not scikit-learn's k-NN
///   estimator;
/// - `importance`: permutation importance (ROC-AUC, or R² for numbers; 3 repeats) of a random
///   forest (100 trees, seed 42) trained on a seeded 75% of the rows and measured on the rest.
/// The top `keep` columns stay.
public enum FeatureSelection {
    public enum Ranking: String, Sendable, CaseIterable {
        case importance, correlation, mutualInformation = "mutual_information"
    }

    public struct Decision: Sendable, Equatable {
        public let column: String
        /// The ranking score (nil for columns removed by a filter).
        public let score: Double?
        public let kept: Bool
        /// Why it was dropped; nil when kept.
        public let reason: String?
    }

    public struct Settings: Sendable {
        public var keep: Int
        public var ranking: Ranking
        public var nearConstantShare = 0.99
        public var collinearity = 0.95
        public var seed: UInt64 = 42

        public init(keep: Int, ranking: Ranking) {
            self.keep = keep
            self.ranking = ranking
        }
    }

    /// One decision per column other than the target: kept ones first by score, then dropped.
    public static func select(_ problem: SelectionProblem, _ settings: Settings) throws(ModelError) -> [Decision] {
        guard settings.keep >= 1 else { throw ModelError("top must be a whole number of at least 1; got \(settings.keep)") }
        if settings.ranking == .correlation, problem.spec.task == .multiclass {
            throw ModelError("correlation needs a yes/no or number target, but '\(problem.targetColumn)' has \(problem.spec.classes.count) classes; use mutual_information or importance")
        }
        let features = problem.frame.columnNames.filter { $0 != problem.targetColumn }
        let encoding = FeatureEncoding.fit(problem.frame, columns: features, rows: problem.rows)
        var dropped = encoding.leftOut.map { Decision(column: $0.column, score: nil, kept: false, reason: $0.reason) }
        let (x, _) = try encoding.transform(problem.frame, rows: problem.rows)
        let columns = SourceColumns(encoding)
        var candidates: [Int] = []
        for c in 0..<columns.count {
            if let reason = nearConstant(problem, columns.names[c], settings.nearConstantShare) {
                dropped.append(Decision(column: columns.names[c], score: nil, kept: false, reason: reason))
            } else {
                candidates.append(c)
            }
        }
        let scores = try rank(settings.ranking, problem, x, columns, encoding, settings.seed)
        candidates.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let (survivors, collinear) = removeCollinear(candidates, x, columns, settings.collinearity)
        dropped += collinear
        let kept = survivors.prefix(settings.keep).map { Decision(column: columns.names[$0], score: scores[$0], kept: true, reason: nil) }
        let rest = survivors.dropFirst(settings.keep).map {
            Decision(column: columns.names[$0], score: scores[$0], kept: false, reason: "ranked below the top \(settings.keep)")
        }
        return kept + rest + dropped
    }

    private static func nearConstant(_ problem: SelectionProblem, _ name: String, _ share: Double) -> String? {
        guard let column = problem.frame.column(named: name), !problem.rows.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for row in problem.rows { counts[column.displayText(at: row) ?? "(missing)", default: 0] += 1 }
        guard let top = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return nil }
        let observed = Double(top.value) / Double(problem.rows.count)
        guard observed >= share else { return nil }
        return counts.count == 1 ? "constant: every row is '\(top.key)'"
            : "near-constant: \(ValueText.formatNumber((observed * 1000).rounded() / 10))% of rows are '\(top.key)'"
    }

    private static func rank(_ ranking: Ranking, _ problem: SelectionProblem, _ x: FeatureMatrix, _ columns: SourceColumns,
                             _ encoding: FeatureEncoding, _ seed: UInt64) throws(ModelError) -> [Double] {
        switch ranking {
        case .correlation:
            return (0..<columns.count).map { FilterScores.correlation(x, columns.kinds[$0], problem.labels) }
        case .mutualInformation:
            let target = FilterScores.targetBins(problem)
            return (0..<columns.count).map { FilterScores.mutualInformation(x, columns.kinds[$0], target) }
        case .importance:
            return try FilterScores.forestImportance(problem, columns, seed)
        }
    }

    /// Walks columns best first; a number column too correlated with a better one already kept goes.
    private static func removeCollinear(_ ranked: [Int], _ x: FeatureMatrix, _ columns: SourceColumns,
                                        _ limit: Double) -> ([Int], [Decision]) {
        var kept: [Int] = [], dropped: [Decision] = []
        for c in ranked {
            guard case .number(let value, _) = columns.kinds[c] else { kept.append(c); continue }
            let partner = kept.lazy.compactMap { k -> (Int, Double)? in
                guard case .number(let other, _) = columns.kinds[k] else { return nil }
                let r = FilterScores.pearson(Array(x.column(value)), Array(x.column(other)))
                return abs(r) >= limit ? (k, r) : nil
            }.first
            if let (k, r) = partner {
                dropped.append(Decision(column: columns.names[c], score: nil, kept: false,
                                        reason: "collinear with '\(columns.names[k])' (r = \(ValueText.formatNumber((r * 100).rounded() / 100)))"))
            } else {
                kept.append(c)
            }
        }
        return (kept, dropped)
    }
}

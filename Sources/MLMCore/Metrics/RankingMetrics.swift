/// Metrics of how well scores rank positives above negatives, and the curves behind them.
/// Each sorts the scores once (radix sort, see `ScoreKeys`) and walks the distinct scores, so a
/// million rows take a fraction of a second.
extension ClassificationMetrics {
    /// Area under the ROC curve for labels where 1 is positive. Tied scores form one threshold
    /// and the area is the trapezoid over distinct thresholds, as scikit-learn's
    /// `roc_auc_score` (equivalently: the chance a random positive outscores a random negative,
    /// ties counting half). Nil with no rows, only one class, differing lengths or a NaN score.
    public static func rocAUC(labels: [Int], scores: [Double]) -> Double? {
        RankedScores(labels: labels, scores: scores)?.rocArea()
    }

    /// scikit-learn's `average_precision_score`: the precision at each distinct threshold
    /// weighted by the recall gained there (a step function, no interpolation).
    /// Nil when there are no positives (scikit-learn returns 0 with a warning), no rows,
    /// differing lengths or a NaN score.
    public static func averagePrecision(labels: [Int], scores: [Double]) -> Double? {
        guard let ranked = RankedScores(labels: labels, scores: scores), ranked.positives > 0 else {
            return nil
        }
        var weightedPrecision = 0.0, previousTruePositives = 0
        ranked.forEachThreshold { _, truePositives, falsePositives in
            let precision = Double(truePositives) / Double(truePositives + falsePositives)
            weightedPrecision += Double(truePositives - previousTruePositives) * precision
            previousTruePositives = truePositives
        }
        return weightedPrecision / Double(ranked.positives)
    }

    /// One-vs-rest ROC AUC of each class's probability column, averaged over classes without
    /// weights: scikit-learn's `roc_auc_score(multi_class="ovr", average="macro",
    /// labels=range(classCount))`. `probabilities` is row-major, `classCount` per row; only the
    /// order within each column matters, so rows need not sum to 1 (scikit-learn refuses).
    /// Nil when a class is absent from the labels or is every label (its AUC is undefined, and
    /// scikit-learn's average is NaN), when a label is outside `0..<classCount`, when
    /// `classCount < 2`, when the lengths disagree, or when a probability is NaN.
    public static func multiclassRocAUC(labels: [Int], probabilities: [Double], classCount: Int) -> Double? {
        guard classCount >= 2, !labels.isEmpty, probabilities.count == labels.count * classCount,
              labels.allSatisfy({ (0..<classCount).contains($0) }) else { return nil }
        let areas = Parallel.map(classCount) { cls -> Double? in
            let column = classColumn(probabilities, classCount: classCount, cls: cls, rows: labels.count)
            return RankedScores(labels: labels, scores: column, positiveClass: cls)?.rocArea()
        }
        var total = 0.0
        for area in areas {
            guard let area else { return nil }
            total += area
        }
        return total / Double(classCount)
    }

    private static func classColumn(_ probabilities: [Double], classCount: Int, cls: Int, rows: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: rows) { column, initialized in
            probabilities.withUnsafeBufferPointer { source in
                for row in 0..<rows { column[row] = source[row * classCount + cls] }
            }
            initialized = rows
        }
    }

    /// The ROC curve as scikit-learn's `roc_curve` with its default `drop_intermediate=True`:
    /// points on a straight line between their neighbours are left out (the area is the same),
    /// the first point is (0, 0) at threshold +infinity, and the others follow the distinct
    /// scores from the highest down (predicting positive when score ≥ threshold).
    /// Empty arrays when either class is missing (a rate would divide by zero), the lengths
    /// differ, or a score is NaN.
    public static func rocCurve(labels: [Int], scores: [Double])
        -> (falsePositiveRate: [Double], truePositiveRate: [Double], thresholds: [Double]) {
        guard let ranked = RankedScores(labels: labels, scores: scores),
              ranked.positives > 0, ranked.negatives > 0 else { return ([], [], []) }
        let points = ranked.curvePoints()
        let kept = cornerIndices(points)
        var falsePositiveRate = [0.0], truePositiveRate = [0.0], thresholds = [Double.infinity]
        falsePositiveRate.reserveCapacity(kept.count + 1)
        truePositiveRate.reserveCapacity(kept.count + 1)
        thresholds.reserveCapacity(kept.count + 1)
        let negatives = Double(ranked.negatives), positives = Double(ranked.positives)
        for index in kept {
            falsePositiveRate.append(Double(points.falsePositives[index]) / negatives)
            truePositiveRate.append(Double(points.truePositives[index]) / positives)
            thresholds.append(points.thresholds[index])
        }
        return (falsePositiveRate, truePositiveRate, thresholds)
    }

    /// The points where the curve bends, plus both ends: scikit-learn keeps index i when the
    /// second difference of the false or the true positive counts is non-zero there.
    private static func cornerIndices(_ points: CurvePoints) -> [Int] {
        let count = points.count
        guard count > 2 else { return Array(0..<count) }
        var kept = [0]
        let fp = points.falsePositives, tp = points.truePositives
        for i in 1..<(count - 1)
        where fp[i + 1] - 2 * fp[i] + fp[i - 1] != 0 || tp[i + 1] - 2 * tp[i] + tp[i - 1] != 0 {
            kept.append(i)
        }
        kept.append(count - 1)
        return kept
    }

    /// The precision-recall curve as scikit-learn's `precision_recall_curve`: thresholds are
    /// the distinct scores in increasing order, `precision[i]` and `recall[i]` are those of
    /// predicting positive when score ≥ `thresholds[i]`, and a last point (precision 1,
    /// recall 0) with no threshold closes the curve. Empty arrays when there are no positives
    /// (recall would divide by zero), the lengths differ, or a score is NaN.
    public static func precisionRecallCurve(labels: [Int], scores: [Double])
        -> (precision: [Double], recall: [Double], thresholds: [Double]) {
        guard let ranked = RankedScores(labels: labels, scores: scores), ranked.positives > 0 else {
            return ([], [], [])
        }
        let points = ranked.curvePoints()
        let positives = Double(ranked.positives)
        var precision: [Double] = [], recall: [Double] = []
        precision.reserveCapacity(points.count + 1)
        recall.reserveCapacity(points.count + 1)
        for index in stride(from: points.count - 1, through: 0, by: -1) {
            let truePositives = points.truePositives[index]
            precision.append(Double(truePositives) / Double(truePositives + points.falsePositives[index]))
            recall.append(Double(truePositives) / positives)
        }
        precision.append(1)
        recall.append(0)
        return (precision, recall, points.thresholds.reversed())
    }
}

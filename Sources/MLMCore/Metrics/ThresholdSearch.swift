/// Choosing the score above which a row is called positive. Candidates are the distinct scores;
/// a threshold t means "positive when score ≥ t", as in scikit-learn's curves. Ratios are
/// compared by cross-multiplying their integer counts, so ties are exact ties, not accidents of
/// rounding.
extension ClassificationMetrics {
    /// The threshold with the highest F1 for the positive class (label 1); among equal F1 the
    /// highest threshold, i.e. the fewest rows called positive. Nil when there are no
    /// positives (F1 is 0 everywhere), no rows, differing lengths or a NaN score.
    public static func bestF1Threshold(labels: [Int], scores: [Double]) -> Double? {
        guard let ranked = RankedScores(labels: labels, scores: scores), ranked.positives > 0 else {
            return nil
        }
        let positives = ranked.positives
        // F1 = 2·TP / (TP + FP + P); the factor 2 is common to both sides of a comparison.
        var bestKey: UInt64?, bestTruePositives = 0, bestDenominator = 1
        ranked.forEachThreshold { key, truePositives, falsePositives in
            let denominator = truePositives + falsePositives + positives
            if bestKey == nil || truePositives * bestDenominator > bestTruePositives * denominator {
                bestKey = key
                bestTruePositives = truePositives
                bestDenominator = denominator
            }
        }
        return bestKey.map(ScoreKeys.score)
    }

    /// Among thresholds whose recall (TP / P, as a double) is at least `recall`, the one with
    /// the highest precision; among equal precision the lowest threshold, which finds more
    /// positives at the same precision. A recall of 1 is always reachable (call everything
    /// positive). Nil when `recall` is not in 0...1, there are no positives, no rows,
    /// differing lengths or a NaN score.
    public static func threshold(forRecall recall: Double, labels: [Int], scores: [Double]) -> Double? {
        guard recall >= 0, recall <= 1,
              let ranked = RankedScores(labels: labels, scores: scores), ranked.positives > 0 else {
            return nil
        }
        let positives = Double(ranked.positives)
        var bestKey: UInt64?, bestTruePositives = 0, bestCalledPositive = 1
        ranked.forEachThreshold { key, truePositives, falsePositives in
            guard Double(truePositives) / positives >= recall else { return }
            let calledPositive = truePositives + falsePositives
            if bestKey == nil || truePositives * bestCalledPositive >= bestTruePositives * calledPositive {
                bestKey = key
                bestTruePositives = truePositives
                bestCalledPositive = calledPositive
            }
        }
        return bestKey.map(ScoreKeys.score)
    }
}

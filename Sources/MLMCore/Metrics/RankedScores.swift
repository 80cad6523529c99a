/// The scores of one class against the rest, split and sorted once: the shared first step of
/// ROC AUC, average precision, the curves and the threshold searches.
///
/// Walking both sorted lists from the top visits each distinct score once, from the highest
/// down, with the numbers of positives and negatives scoring at least that much — scikit-learn's
/// `_binary_clf_curve`, in O(n log n) for the sorts and O(n) after.
struct RankedScores {
    /// Keys (see `ScoreKeys`) of the rows of the class, ascending.
    let positiveKeys: [UInt64]
    /// Keys of all other rows, ascending.
    let negativeKeys: [UInt64]

    var positives: Int { positiveKeys.count }
    var negatives: Int { negativeKeys.count }

    /// Nil when the counts differ, there are no rows, or a score is NaN (no order exists).
    init?(labels: [Int], scores: [Double], positiveClass: Int = 1) {
        guard labels.count == scores.count, !labels.isEmpty else { return nil }
        guard let split = Self.splitKeys(labels: labels, scores: scores, positiveClass: positiveClass) else {
            return nil
        }
        var positiveKeys = split.positive, negativeKeys = split.negative
        ScoreKeys.sort(&positiveKeys)
        ScoreKeys.sort(&negativeKeys)
        self.positiveKeys = positiveKeys
        self.negativeKeys = negativeKeys
    }

    private static func splitKeys(labels: [Int], scores: [Double], positiveClass: Int)
        -> (positive: [UInt64], negative: [UInt64])? {
        var positive: [UInt64] = [], negative: [UInt64] = []
        let positiveCount = labels.reduce(0) { $0 + ($1 == positiveClass ? 1 : 0) }
        positive.reserveCapacity(positiveCount)
        negative.reserveCapacity(labels.count - positiveCount)
        let hasNaN: Bool = labels.withUnsafeBufferPointer { labels in
            scores.withUnsafeBufferPointer { scores in
                for row in 0..<labels.count {
                    let score = scores[row]
                    if score.isNaN { return true }
                    if labels[row] == positiveClass {
                        positive.append(ScoreKeys.key(score))
                    } else {
                        negative.append(ScoreKeys.key(score))
                    }
                }
                return false
            }
        }
        return hasNaN ? nil : (positive, negative)
    }

    /// Calls `body(thresholdKey, truePositives, falsePositives)` for each distinct score from
    /// the highest down; the counts are of rows scoring at least that threshold.
    @inline(__always)
    func forEachThreshold(_ body: (UInt64, Int, Int) -> Void) {
        positiveKeys.withUnsafeBufferPointer { positive in
            negativeKeys.withUnsafeBufferPointer { negative in
                var p = positive.count, n = negative.count  // rows at or above: count - index
                while p > 0 || n > 0 {
                    let top: UInt64
                    if p == 0 { top = negative[n - 1] }
                    else if n == 0 { top = positive[p - 1] }
                    else { top = max(positive[p - 1], negative[n - 1]) }
                    while p > 0 && positive[p - 1] == top { p -= 1 }
                    while n > 0 && negative[n - 1] == top { n -= 1 }
                    body(top, positive.count - p, negative.count - n)
                }
            }
        }
    }

    /// Area under the ROC curve by the trapezoid rule over distinct thresholds, as
    /// scikit-learn, but summed in integers (twice the area in units of one positive × one
    /// negative), so the only rounding is the final division. Nil with one class only.
    func rocArea() -> Double? {
        guard positives > 0, negatives > 0 else { return nil }
        var twiceArea = 0, previousTruePositives = 0, previousFalsePositives = 0
        forEachThreshold { _, truePositives, falsePositives in
            twiceArea += (falsePositives - previousFalsePositives) * (truePositives + previousTruePositives)
            previousTruePositives = truePositives
            previousFalsePositives = falsePositives
        }
        return Double(twiceArea) / (2 * Double(positives) * Double(negatives))
    }

    /// Every distinct threshold, highest first, with the counts at or above it.
    func curvePoints() -> CurvePoints {
        var points = CurvePoints()
        forEachThreshold { key, truePositives, falsePositives in
            points.thresholds.append(ScoreKeys.score(key))
            points.truePositives.append(truePositives)
            points.falsePositives.append(falsePositives)
        }
        return points
    }
}

/// The confusion counts at each distinct threshold, highest threshold first.
struct CurvePoints {
    var thresholds: [Double] = []
    var truePositives: [Int] = []
    var falsePositives: [Int] = []

    var count: Int { thresholds.count }
}

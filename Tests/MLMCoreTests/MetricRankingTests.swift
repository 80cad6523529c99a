import Foundation
import Testing
@testable import MLMCore

/// ROC AUC, average precision, the curves and threshold searches on hand-counted cases, a
/// brute-force check of the sorted-merge AUC on a few thousand tied scores, and the inputs
/// that must not trap.
@Suite("Ranking metrics")
struct MetricRankingTests {
    // scikit-learn's documentation example.
    let labels = [0, 0, 1, 1]
    let scores = [0.1, 0.4, 0.35, 0.8]

    @Test func rocAUCOfTheScikitLearnExample() {
        #expect(ClassificationMetrics.rocAUC(labels: labels, scores: scores) == 0.75)
    }

    @Test func tiedScoresCountHalf() {
        // Positive 0.5 vs negative 0.5 is a tie (½), vs 0.2 a win; positive 0.9 beats both: 3.5 / 4.
        #expect(ClassificationMetrics.rocAUC(labels: [0, 1, 0, 1], scores: [0.5, 0.5, 0.2, 0.9]) == 0.875)
        #expect(ClassificationMetrics.rocAUC(labels: [0, 1, 0, 1], scores: [0.3, 0.3, 0.3, 0.3]) == 0.5)
        // −0.0 and 0.0 are the same score.
        #expect(ClassificationMetrics.rocAUC(labels: [0, 1], scores: [-0.0, 0.0]) == 0.5)
    }

    @Test func rocAUCOfPerfectReversedAndInfiniteScores() {
        #expect(ClassificationMetrics.rocAUC(labels: [0, 0, 1], scores: [0.1, 0.2, 0.3]) == 1)
        #expect(ClassificationMetrics.rocAUC(labels: [0, 0, 1], scores: [0.3, 0.2, 0.1]) == 0)
        #expect(ClassificationMetrics.rocAUC(labels: [0, 1, 1], scores: [-.infinity, .infinity, -5]) == 1)
    }

    @Test func rankingMetricsAreNilWhenUndefined() {
        for (labels, scores) in [([1, 1], [0.2, 0.4]), ([0, 0], [0.2, 0.4]), ([], []), ([0, 1], [0.5]),
                                 ([0, 1], [.nan, 0.5])] as [([Int], [Double])] {
            #expect(ClassificationMetrics.rocAUC(labels: labels, scores: scores) == nil)
        }
        #expect(ClassificationMetrics.averagePrecision(labels: [0, 0], scores: [0.2, 0.4]) == nil)
        #expect(ClassificationMetrics.averagePrecision(labels: [0, 1], scores: [0.2, .nan]) == nil)
        #expect(ClassificationMetrics.bestF1Threshold(labels: [0, 0], scores: [0.2, 0.4]) == nil)
        #expect(ClassificationMetrics.threshold(forRecall: 0.5, labels: [0, 0], scores: [0.2, 0.4]) == nil)
    }

    @Test func labelsOtherThanOneAreNegative() {
        #expect(ClassificationMetrics.rocAUC(labels: [2, 2, 1, 1], scores: scores) == 0.75)
    }

    @Test func sortedMergeAUCEqualsCountingEveryPair() {
        // 3000 rows, more than the radix sort's cut-over, with heavy ties across the classes.
        var generator = SeededGenerator(seed: 7)
        let labels = (0..<3000).map { _ in generator.nextUnit() < 0.3 ? 1 : 0 }
        let scores = labels.map { label in ((generator.nextUnit() + 0.3 * Double(label)) * 50).rounded() / 50 }
        let positives = zip(labels, scores).filter { $0.0 == 1 }.map(\.1)
        let negatives = zip(labels, scores).filter { $0.0 == 0 }.map(\.1)
        var twiceWins = 0
        for p in positives { for n in negatives { twiceWins += p > n ? 2 : (p == n ? 1 : 0) } }
        let expected = Double(twiceWins) / Double(2 * positives.count * negatives.count)
        #expect(ClassificationMetrics.rocAUC(labels: labels, scores: scores) == expected)
    }

    @Test func averagePrecisionOfTheScikitLearnExample() throws {
        let precision = try #require(ClassificationMetrics.averagePrecision(labels: labels, scores: scores))
        #expect(abs(precision - 0.8333333333333333) < 1e-15)
        #expect(ClassificationMetrics.averagePrecision(labels: [1, 1], scores: [0.2, 0.4]) == 1)
    }

    @Test func rocCurveOfTheScikitLearnExample() {
        let curve = ClassificationMetrics.rocCurve(labels: labels, scores: scores)
        #expect(curve.falsePositiveRate == [0, 0, 0.5, 0.5, 1])
        #expect(curve.truePositiveRate == [0, 0.5, 0.5, 1, 1])
        #expect(curve.thresholds == [.infinity, 0.8, 0.4, 0.35, 0.1])
    }

    @Test func rocCurveDropsPointsOnAStraightLine() {
        // Counts (fp, tp) at 0.9, 0.8, 0.7, 0.6: (0,1) (0,2) (0,3) (1,3); (0,2) lies between
        // its neighbours, as in scikit-learn's roc_curve(drop_intermediate=True).
        let curve = ClassificationMetrics.rocCurve(labels: [1, 1, 1, 0], scores: [0.9, 0.8, 0.7, 0.6])
        #expect(curve.falsePositiveRate == [0, 0, 0, 1])
        #expect(curve.truePositiveRate == [0, 1.0 / 3, 1, 1])
        #expect(curve.thresholds == [.infinity, 0.9, 0.7, 0.6])
    }

    @Test func curvesAreEmptyWhenARateIsUndefined() {
        #expect(ClassificationMetrics.rocCurve(labels: [1, 1], scores: [0.1, 0.2]).thresholds.isEmpty)
        #expect(ClassificationMetrics.rocCurve(labels: [0, 0], scores: [0.1, 0.2]).thresholds.isEmpty)
        #expect(ClassificationMetrics.precisionRecallCurve(labels: [0, 0], scores: [0.1, 0.2]).thresholds.isEmpty)
        #expect(ClassificationMetrics.precisionRecallCurve(labels: [0, 1], scores: [0.1, .nan]).precision.isEmpty)
        // Without negatives the precision-recall curve is still defined.
        #expect(ClassificationMetrics.precisionRecallCurve(labels: [1, 1], scores: [0.1, 0.2]).precision == [1, 1, 1])
    }

    @Test func precisionRecallCurveOfTheScikitLearnExample() {
        let curve = ClassificationMetrics.precisionRecallCurve(labels: labels, scores: scores)
        #expect(curve.precision == [0.5, 2.0 / 3, 0.5, 1, 1])
        #expect(curve.recall == [1, 1, 0.5, 0.5, 0])
        #expect(curve.thresholds == [0.1, 0.35, 0.4, 0.8])
    }

    @Test func bestF1Threshold() {
        // F1 at 0.8, 0.4, 0.35, 0.1: 2/3, 1/2, 4/5, 2/3.
        #expect(ClassificationMetrics.bestF1Threshold(labels: labels, scores: scores) == 0.35)
        // F1 2/3 at both 0.9 and 0.6: the higher threshold wins.
        #expect(ClassificationMetrics.bestF1Threshold(labels: [1, 0, 0, 1], scores: [0.9, 0.8, 0.7, 0.6]) == 0.9)
    }

    @Test func thresholdForRecallPicksTheMostPreciseQualifyingThreshold() {
        // (recall, precision) at 0.8, 0.4, 0.35, 0.1: (½, 1), (½, ½), (1, ⅔), (1, ½).
        #expect(ClassificationMetrics.threshold(forRecall: 0.5, labels: labels, scores: scores) == 0.8)
        #expect(ClassificationMetrics.threshold(forRecall: 0.6, labels: labels, scores: scores) == 0.35)
        #expect(ClassificationMetrics.threshold(forRecall: 1, labels: labels, scores: scores) == 0.35)
        #expect(ClassificationMetrics.threshold(forRecall: 0, labels: labels, scores: scores) == 0.8)
        // Precision ⅔ at 0.7 (recall ½) and at 0.4 (recall 1): the lower threshold finds more.
        let tied = ClassificationMetrics.threshold(forRecall: 0.5, labels: [1, 0, 1, 0, 1, 1],
                                                   scores: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
        #expect(tied == 0.4)
    }

    @Test func thresholdForRecallRejectsRecallOutsideZeroToOne() {
        for recall in [-0.1, 1.1, .nan, .infinity] {
            #expect(ClassificationMetrics.threshold(forRecall: recall, labels: labels, scores: scores) == nil)
        }
    }

    @Test func multiclassAUCAveragesOneVersusRest() throws {
        // Class 0 ranks perfectly, class 1 perfectly, class 2 with one swap.
        let probabilities: [Double] = [
            0.8, 0.1, 0.1,
            0.1, 0.7, 0.2,
            0.2, 0.2, 0.6,
            0.3, 0.3, 0.4,
            0.1, 0.5, 0.4,
        ]
        let labels = [0, 1, 2, 2, 1]
        // Class 2 scores 0.6, 0.4 vs 0.1, 0.2, 0.4: wins 3 + 2 + ½ of 6 pairs.
        let expected = (1 + 1 + 5.5 / 6) / 3
        let auc = try #require(ClassificationMetrics.multiclassRocAUC(labels: labels, probabilities: probabilities, classCount: 3))
        #expect(abs(auc - expected) < 1e-15)
    }

    @Test func multiclassAUCIsNilWhenAClassIsMissingOrInputsDisagree() {
        let probabilities = [0.6, 0.3, 0.1, 0.2, 0.5, 0.3]
        #expect(ClassificationMetrics.multiclassRocAUC(labels: [0, 1], probabilities: probabilities, classCount: 3) == nil)
        #expect(ClassificationMetrics.multiclassRocAUC(labels: [0, 3], probabilities: probabilities, classCount: 3) == nil)
        #expect(ClassificationMetrics.multiclassRocAUC(labels: [0, 1], probabilities: [0.6], classCount: 3) == nil)
        #expect(ClassificationMetrics.multiclassRocAUC(labels: [0, 0], probabilities: [1, 1], classCount: 1) == nil)
        #expect(ClassificationMetrics.multiclassRocAUC(labels: [], probabilities: [], classCount: 2) == nil)
    }

    @Test func radixSortAgreesWithTheStandardSort() {
        var generator = SeededGenerator(seed: 11)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
        for count in [0, 1, 100, 511, 512, 5000] {
            let values = (0..<count).map { i in
                i % 17 == 0 ? specials[i % specials.count] : (generator.nextUnit() - 0.5) * pow(10, Double(i % 9) - 4)
            }
            var keys = values.map(ScoreKeys.key)
            ScoreKeys.sort(&keys)
            let expected = values.map { $0 + 0.0 }.sorted()
            #expect(keys.map(ScoreKeys.score) == expected, "count \(count)")
        }
    }
}

import Foundation
import Testing
@testable import MLMCore

/// Label-based classification metrics on cases small enough to count by hand, and the inputs
/// that must not trap.
@Suite("Classification metrics")
struct MetricClassificationTests {
    typealias Report = ClassificationMetrics.ClassReport

    @Test func accuracyCountsOrWeighsCorrectRows() {
        let labels = [0, 1, 1, 0], predicted = [0, 1, 0, 0]
        #expect(ClassificationMetrics.accuracy(labels: labels, predicted: predicted) == 0.75)
        // Rows 0, 1 and 3 are right: (1 + 2 + 4) / 10.
        #expect(ClassificationMetrics.accuracy(labels: labels, predicted: predicted, weights: [1, 2, 3, 4]) == 0.7)
    }

    @Test func accuracyIsNaNWhenUndefined() {
        #expect(ClassificationMetrics.accuracy(labels: [], predicted: []).isNaN)
        #expect(ClassificationMetrics.accuracy(labels: [0, 1], predicted: [0]).isNaN)
        #expect(ClassificationMetrics.accuracy(labels: [0, 1], predicted: [0, 1], weights: [1]).isNaN)
        #expect(ClassificationMetrics.accuracy(labels: [0, 1], predicted: [0, 1], weights: [0, 0]).isNaN)
        #expect(ClassificationMetrics.accuracy(labels: [0, 1], predicted: [0, 1], weights: [.nan, 1]).isNaN)
    }

    @Test func confusionMatrixIsIndexedActualThenPredicted() {
        let matrix = ClassificationMetrics.confusionMatrix(labels: [0, 1, 2, 2, 1], predicted: [0, 2, 2, 1, 1], classCount: 3)
        #expect(matrix == [[1, 0, 0], [0, 1, 1], [0, 1, 1]])
        let binary = ClassificationMetrics.confusionMatrix(labels: [1, 1, 0], predicted: [1, 0, 1], classCount: 2)
        #expect(binary == [[0, 1], [1, 1]])
    }

    @Test func confusionMatrixCountsOnlyRowsItCanPlace() {
        #expect(ClassificationMetrics.confusionMatrix(labels: [0, 5, -1], predicted: [0, 0, 0], classCount: 2) == [[1, 0], [0, 0]])
        #expect(ClassificationMetrics.confusionMatrix(labels: [0, 1], predicted: [0], classCount: 2) == [[0, 0], [0, 0]])
        #expect(ClassificationMetrics.confusionMatrix(labels: [0], predicted: [0], classCount: 0) == [])
        #expect(ClassificationMetrics.confusionMatrix(labels: [0], predicted: [0], classCount: -3) == [])
    }

    @Test func perClassReportsAndTheirAverages() {
        let reports = ClassificationMetrics.perClass(labels: [0, 1, 2, 2, 1], predicted: [0, 2, 2, 1, 1], classCount: 3)
        #expect(reports == [
            Report(precision: 1, recall: 1, f1: 1, support: 1),
            Report(precision: 0.5, recall: 0.5, f1: 0.5, support: 2),
            Report(precision: 0.5, recall: 0.5, f1: 0.5, support: 2),
        ])
        let macro = ClassificationMetrics.macroAverage(reports)
        #expect(abs(macro.precision - 2.0 / 3) < 1e-15 && abs(macro.f1 - 2.0 / 3) < 1e-15 && macro.support == 5)
        // (1·1 + 0.5·2 + 0.5·2) / 5
        #expect(ClassificationMetrics.weightedAverage(reports) == Report(precision: 0.6, recall: 0.6, f1: 0.6, support: 5))
    }

    @Test func ratiosWithNothingToDivideByAreZero() {
        // Class 1 is present but never predicted; class 2 is neither (scikit-learn zero_division=0).
        let reports = ClassificationMetrics.perClass(labels: [0, 1], predicted: [0, 0], classCount: 3)
        #expect(reports[0] == Report(precision: 0.5, recall: 1, f1: 2.0 / 3, support: 1))
        #expect(reports[1] == Report(precision: 0, recall: 0, f1: 0, support: 1))
        #expect(reports[2] == Report(precision: 0, recall: 0, f1: 0, support: 0))
        // The macro average counts the absent class, as scikit-learn with labels=range(3).
        #expect(ClassificationMetrics.macroAverage(reports).precision == 0.5 / 3)
    }

    @Test func averagesOfNothingAreZero() {
        let zero = Report(precision: 0, recall: 0, f1: 0, support: 0)
        #expect(ClassificationMetrics.macroAverage([]) == zero)
        #expect(ClassificationMetrics.weightedAverage([]) == zero)
        #expect(ClassificationMetrics.weightedAverage([zero, zero]) == zero)
        #expect(ClassificationMetrics.perClass(labels: [], predicted: [], classCount: 2).count == 2)
    }

    @Test func logLossUsesTheActualClassProbability() {
        let loss = ClassificationMetrics.logLoss(labels: [1, 0], probabilities: [0.2, 0.8, 0.6, 0.4], classCount: 2)
        #expect(abs(loss - 0.3669845875401002) < 1e-15)  // -(log 0.8 + log 0.6) / 2
    }

    @Test func logLossClipsCertainMistakesLikeScikitLearn() {
        // Probability 0 for the actual class is clipped to ε = 2.22e-16: −log ε ≈ 36.04.
        let loss = ClassificationMetrics.logLoss(labels: [0, 1], probabilities: [0, 1, 0.5, 0.5], classCount: 2)
        #expect(abs(loss - 18.36840028483855) < 1e-13)
        #expect(ClassificationMetrics.logLoss(labels: [0], probabilities: [1, 0], classCount: 2) > 0)
    }

    @Test func logLossIsNaNWhenUndefined() {
        #expect(ClassificationMetrics.logLoss(labels: [], probabilities: [], classCount: 2).isNaN)
        #expect(ClassificationMetrics.logLoss(labels: [0], probabilities: [0.5], classCount: 2).isNaN)
        #expect(ClassificationMetrics.logLoss(labels: [2], probabilities: [0.5, 0.5], classCount: 2).isNaN)
        #expect(ClassificationMetrics.logLoss(labels: [-1], probabilities: [0.5, 0.5], classCount: 2).isNaN)
        #expect(ClassificationMetrics.logLoss(labels: [0], probabilities: [], classCount: 0).isNaN)
        #expect(ClassificationMetrics.logLoss(labels: [0], probabilities: [.nan, 0.5], classCount: 2).isNaN)
    }

    @Test func brierScoreIsMeanSquaredDistanceFromTheOutcome() {
        let score = ClassificationMetrics.brierScore(labels: [1, 0, 1], scores: [0.9, 0.2, 0.4])
        #expect(abs(score - 0.41 / 3) < 1e-15)  // (0.1² + 0.2² + 0.6²) / 3
        #expect(ClassificationMetrics.brierScore(labels: [], scores: []).isNaN)
        #expect(ClassificationMetrics.brierScore(labels: [1], scores: [0.5, 0.5]).isNaN)
    }
}

import Testing
@testable import MLMCore

/// Regression metrics on scikit-learn's documentation example, its conventions for constant
/// targets and zeros, and the inputs that must not trap.
@Suite("Regression metrics")
struct MetricRegressionTests {
    let actual = [3, -0.5, 2, 7]
    let predicted = [2.5, 0.0, 2, 8]

    @Test func errorsOfTheScikitLearnExample() {
        #expect(RegressionMetrics.meanSquaredError(actual, predicted) == 0.375)
        #expect(RegressionMetrics.rootMeanSquaredError(actual, predicted) == 0.375.squareRoot())
        #expect(RegressionMetrics.meanAbsoluteError(actual, predicted) == 0.5)
        #expect(abs(RegressionMetrics.r2Score(actual, predicted) - 0.9486081370449679) < 1e-15)
        #expect(abs(RegressionMetrics.meanAbsolutePercentageError(actual, predicted) - 0.3273809523809524) < 1e-15)
    }

    @Test func r2OfAConstantTargetFollowsScikitLearn() {
        #expect(RegressionMetrics.r2Score([3, 3, 3], [3, 3, 3]) == 1)
        #expect(RegressionMetrics.r2Score([3, 3, 3], [3, 2, 3]) == 0)
        #expect(RegressionMetrics.r2Score([1, 2, 3], [2, 2, 2]) == 0)  // predicting the mean
        #expect(RegressionMetrics.r2Score([1], [1]).isNaN)             // fewer than two rows
    }

    @Test func percentageErrorDividesByEpsilonAtZero() {
        // scikit-learn: |0 − 1| / max(|0|, ε) = 1 / 2.22e-16.
        #expect(RegressionMetrics.meanAbsolutePercentageError([0], [1]) == 4503599627370496)
        #expect(RegressionMetrics.meanAbsolutePercentageError([0], [0]) == 0)
    }

    @Test func emptyOrMismatchedInputsGiveNaN() {
        let metrics: [([Double], [Double]) -> Double] = [
            RegressionMetrics.meanSquaredError, RegressionMetrics.rootMeanSquaredError,
            RegressionMetrics.meanAbsoluteError, RegressionMetrics.r2Score,
            RegressionMetrics.meanAbsolutePercentageError,
        ]
        for metric in metrics {
            #expect(metric([], []).isNaN)
            #expect(metric([1, 2], [1]).isNaN)
            #expect(metric([1, .nan], [1, 2]).isNaN)
        }
    }
}

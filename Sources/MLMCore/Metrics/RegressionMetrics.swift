/// Measures of numeric predictions, matching scikit-learn. `…Error`: lower is better;
/// `r2Score`: higher is better. Every function returns NaN when there are no rows or the two
/// arrays differ in length (scikit-learn raises); a NaN among the values gives NaN.
public enum RegressionMetrics {
    public static func meanSquaredError(_ actual: [Double], _ predicted: [Double]) -> Double {
        meanOverRows(actual, predicted) { difference, _ in difference * difference }
    }

    public static func rootMeanSquaredError(_ actual: [Double], _ predicted: [Double]) -> Double {
        meanSquaredError(actual, predicted).squareRoot()
    }

    public static func meanAbsoluteError(_ actual: [Double], _ predicted: [Double]) -> Double {
        meanOverRows(actual, predicted) { difference, _ in abs(difference) }
    }

    /// 1 − (squared error) / (squared deviation of `actual` from its mean), scikit-learn's
    /// `r2_score` with its default `force_finite=True`: when `actual` is constant the score is
    /// 1 for perfect predictions and 0 otherwise (instead of NaN or −infinity). NaN for fewer
    /// than two rows, as scikit-learn (R² is not defined there).
    public static func r2Score(_ actual: [Double], _ predicted: [Double]) -> Double {
        guard actual.count == predicted.count, actual.count >= 2 else { return .nan }
        let residual = sumOverRows(actual, predicted) { difference, _ in difference * difference }
        let mean = actual.reduce(0, +) / Double(actual.count)
        let total = sumOverRows(actual, actual) { _, value in (value - mean) * (value - mean) }
        if residual == 0 { return 1 }
        if total == 0 { return 0 }
        return 1 - residual / total
    }

    /// Mean of |actual − predicted| / max(|actual|, ε) with ε = `Double.ulpOfOne`, as a fraction
    /// (0.12 means 12%), as scikit-learn's `mean_absolute_percentage_error`. A zero actual value
    /// makes the error huge rather than infinite, which is scikit-learn's choice too.
    public static func meanAbsolutePercentageError(_ actual: [Double], _ predicted: [Double]) -> Double {
        meanOverRows(actual, predicted) { difference, value in
            abs(difference) / max(abs(value), Double.ulpOfOne)
        }
    }

    /// Mean of `term(predicted − actual, actual)` over rows; NaN for no rows or unequal lengths.
    @inline(__always)
    private static func meanOverRows(_ actual: [Double], _ predicted: [Double],
                                     _ term: (Double, Double) -> Double) -> Double {
        guard actual.count == predicted.count, !actual.isEmpty else { return .nan }
        return sumOverRows(actual, predicted, term) / Double(actual.count)
    }

    @inline(__always)
    private static func sumOverRows(_ actual: [Double], _ predicted: [Double],
                                    _ term: (Double, Double) -> Double) -> Double {
        actual.withUnsafeBufferPointer { actual in
            predicted.withUnsafeBufferPointer { predicted in
                var total = 0.0
                for row in 0..<actual.count { total += term(predicted[row] - actual[row], actual[row]) }
                return total
            }
        }
    }
}

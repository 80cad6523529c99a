import Foundation

/// Whether a model fits its training rows much better than rows it has not seen: the sign that it
/// learned the training rows' noise (overfitting). "Much better" has to be more than a material
/// margin *and* more than the held-out metric's own chance variation, so a small test set does
/// not raise false alarms and a large one does not hide a real gap:
///
/// - yes/no targets compare ROC-AUC: a gap above 0.05 and above twice the held-out AUC's
///   standard error (Hanley & McNeil 1982, from the AUC and the counts of each class);
/// - several classes compare accuracy: a gap above 0.05 and above twice √(p(1 − p) / n);
/// - numbers compare R²: a gap above 0.10 and above twice the standard error of the held-out
///   mean squared error divided by the held-out variance of the target.
///
/// For example 1.00 on the training rows against 0.91 on 1,000 test rows (120 positives) is a
/// gap of 0.09 against an allowance of 0.05 (twice the standard error is 0.037): reported. The
/// same gap on 100 test rows (12 positives) is within chance (allowance 0.12): not reported.
public enum FitGap {
    public struct Finding: Sendable, Equatable {
        /// "ROC-AUC", "accuracy" or "R²".
        public let metric: String
        public let training: Double
        public let unseen: Double
        /// The largest gap that is not reported: the margin or twice the standard error.
        public let allowed: Double
    }

    public static let aucMargin = 0.05
    public static let accuracyMargin = 0.05
    public static let r2Margin = 0.10

    /// ROC-AUC on the training rows against ROC-AUC on `positives` + `negatives` unseen rows.
    public static func rocAUC(training: Double, unseen: Double, positives: Int, negatives: Int) -> Finding? {
        guard positives > 0, negatives > 0 else { return nil }
        let a = unseen, q1 = a / (2 - a), q2 = 2 * a * a / (1 + a)
        let variance = (a * (1 - a) + Double(positives - 1) * (q1 - a * a) + Double(negatives - 1) * (q2 - a * a))
            / (Double(positives) * Double(negatives))
        return finding("ROC-AUC", training, unseen, margin: aucMargin, standardError: variance.squareRoot())
    }

    /// Accuracy on the training rows against accuracy on `rows` unseen rows.
    public static func accuracy(training: Double, unseen: Double, rows: Int) -> Finding? {
        guard rows > 0 else { return nil }
        return finding("accuracy", training, unseen, margin: accuracyMargin,
                       standardError: (unseen * (1 - unseen) / Double(rows)).squareRoot())
    }

    /// R² on the training rows against R² of `predicted` for `actual` on unseen rows.
    public static func r2(training: Double, actual: [Double], predicted: [Double]) -> Finding? {
        let n = actual.count
        guard n >= 2, predicted.count == n else { return nil }
        let mean = actual.reduce(0, +) / Double(n)
        let variance = actual.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        guard variance > 0 else { return nil }
        let squared = zip(actual, predicted).map { ($0 - $1) * ($0 - $1) }
        let mse = squared.reduce(0, +) / Double(n)
        let spread = squared.reduce(0) { $0 + ($1 - mse) * ($1 - mse) } / Double(n - 1)
        let unseen = RegressionMetrics.r2Score(actual, predicted)
        return finding("R²", training, unseen, margin: r2Margin, standardError: (spread / Double(n)).squareRoot() / variance)
    }

    private static func finding(_ metric: String, _ training: Double, _ unseen: Double, margin: Double,
                                standardError: Double) -> Finding? {
        guard training.isFinite, unseen.isFinite, standardError.isFinite else { return nil }
        let allowed = max(margin, 2 * standardError)
        return training - unseen > allowed ? Finding(metric: metric, training: training, unseen: unseen, allowed: allowed) : nil
    }
}

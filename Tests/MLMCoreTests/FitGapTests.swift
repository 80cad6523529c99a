import Testing
@testable import MLMCore

/// The overfitting rule on numbers worked out by hand.
@Suite struct FitGapTests {
    /// Hanley & McNeil for AUC 0.91 with 120 positives and 880 negatives:
    /// Q1 = 0.91 / 1.09, Q2 = 2 × 0.91² / 1.91, variance ≈ 3.33e-4, so twice the standard error is
    /// ≈ 0.0365 and the allowance is the 0.05 margin: a gap of 0.09 is reported.
    @Test func aLargeGapOnAThousandRowsIsReported() throws {
        let finding = try #require(FitGap.rocAUC(training: 1.0, unseen: 0.91, positives: 120, negatives: 880))
        #expect(finding.metric == "ROC-AUC" && finding.allowed == 0.05)
        let a = 0.91, q1 = a / (2 - a), q2 = 2 * a * a / (1 + a)
        let variance = (a * (1 - a) + 119 * (q1 - a * a) + 879 * (q2 - a * a)) / (120 * 880)
        #expect(abs(2 * variance.squareRoot() - 0.0365) < 0.0005)
    }

    /// The same gap on 100 rows (12 positives) is within chance: twice the standard error is
    /// ≈ 0.116, above the gap of 0.09.
    @Test func theSameGapOnAHundredRowsIsChance() {
        #expect(FitGap.rocAUC(training: 1.0, unseen: 0.91, positives: 12, negatives: 88) == nil)
    }

    /// A gap below the margin is never reported, however many rows: 0.79 against 0.745.
    @Test func aSmallGapIsNotReported() {
        #expect(FitGap.rocAUC(training: 0.79, unseen: 0.745, positives: 100_000, negatives: 100_000) == nil)
        #expect(FitGap.rocAUC(training: 0.9, unseen: 0.8, positives: 0, negatives: 10) == nil)
    }

    /// Accuracy 0.98 against 0.90 on 400 rows: √(0.9 × 0.1 / 400) = 0.015, twice is 0.03, the
    /// margin 0.05 applies, the gap 0.08 is reported; on 25 rows twice the error is 0.12.
    @Test func accuracyGap() throws {
        let finding = try #require(FitGap.accuracy(training: 0.98, unseen: 0.90, rows: 400))
        #expect(finding.allowed == 0.05)
        #expect(FitGap.accuracy(training: 0.98, unseen: 0.90, rows: 25) == nil)
    }

    /// Actual 0, 2, 4, 6 (variance 5) predicted 1, 1, 5, 5: every squared error is 1, so the MSE
    /// is 1 exactly with no spread: R² = 1 − 1/5 = 0.8, the allowance is the margin 0.10; a
    /// training R² of 0.95 is 0.15 above: reported. 0.85 is not.
    @Test func r2GapByHand() throws {
        let finding = try #require(FitGap.r2(training: 0.95, actual: [0, 2, 4, 6], predicted: [1, 1, 5, 5]))
        #expect(abs(finding.unseen - 0.8) < 1e-12 && finding.allowed == 0.10)
        #expect(FitGap.r2(training: 0.85, actual: [0, 2, 4, 6], predicted: [1, 1, 5, 5]) == nil)
        #expect(FitGap.r2(training: 0.85, actual: [3, 3], predicted: [1, 1]) == nil)
    }
}

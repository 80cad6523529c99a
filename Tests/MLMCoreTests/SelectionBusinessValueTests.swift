import Testing
@testable import MLMCore

/// The profit curve and the bootstrap interval on cases small enough to check by hand.
@Suite struct SelectionBusinessValueTests {
    // Scores 0.9 (yes), 0.8 (no), 0.8 (yes), 0.4 (no), 0.1 (yes); cost 2, value 10.
    let labels = [1, 0, 1, 0, 1]
    let scores = [0.9, 0.8, 0.8, 0.4, 0.1]

    @Test func profitAtEveryCutOffByHand() throws {
        let value = try BusinessValue(costPerContact: 2, valuePerConversion: 10)
        let result = try #require(ProfitCurve.compute(labels: labels, scores: scores, value: value))
        // nobody 0; ≥0.9: 1 contact, 1 yes → 8; ≥0.8: 3 contacts (tie kept together), 2 yes → 14;
        // ≥0.4: 4, 2 → 12; ≥0.1: 5, 3 → 20.
        #expect(result.points.map(\.profit) == [0, 8, 14, 12, 20])
        #expect(result.points.map(\.contacts) == [0, 1, 3, 4, 5])
        #expect(result.best.threshold == 0.1 && result.best.profit == 20)
        #expect(result.everyone.profit == 20)
    }

    @Test func capacityLimitsTheBestCutOff() throws {
        let value = try BusinessValue(costPerContact: 2, valuePerConversion: 10, capacity: 3)
        let result = try #require(ProfitCurve.compute(labels: labels, scores: scores, value: value))
        #expect(result.best.threshold == 0.8 && result.best.profit == 14 && result.best.contacts == 3)
    }

    @Test func contactingNobodyWinsWhenEveryCutOffLoses() throws {
        let value = try BusinessValue(costPerContact: 20, valuePerConversion: 10)
        let result = try #require(ProfitCurve.compute(labels: labels, scores: scores, value: value))
        #expect(result.best.threshold == nil && result.best.profit == 0)
    }

    /// A cut-off chosen elsewhere, used on these rows: every row scoring ≥ 0.8 is contacted (the
    /// tie included): 3 contacts, 2 yes → 10 × 2 − 2 × 3 = 14; with a capacity of 2 the two
    /// highest (0.9 yes, then the first 0.8, a no) → 10 − 4 = 6; nil contacts nobody.
    @Test func aCutOffChosenElsewhereByHand() throws {
        let open = try BusinessValue(costPerContact: 2, valuePerConversion: 10)
        let atEight = ProfitCurve.point(cutOff: 0.8, labels: labels, scores: scores, value: open)
        #expect(atEight.contacts == 3 && atEight.conversions == 2 && atEight.profit == 14)
        let two = try BusinessValue(costPerContact: 2, valuePerConversion: 10, capacity: 2)
        let capped = ProfitCurve.point(cutOff: 0.8, labels: labels, scores: scores, value: two)
        #expect(capped.contacts == 2 && capped.conversions == 1 && capped.profit == 6)
        let nobody = ProfitCurve.point(cutOff: nil, labels: labels, scores: scores, value: two)
        #expect(nobody.contacts == 0 && nobody.profit == 0)
    }

    /// A capacity keeps its share of the rows: 150 of 1,000 is 600 of 4,000; it never falls
    /// below 1, and one above the row count (no limit) cannot overflow when scaled.
    @Test func capacityKeepsItsShareOnOtherRows() throws {
        let value = try BusinessValue(costPerContact: 2, valuePerConversion: 60, capacity: 150)
        #expect(value.rescaled(from: 1_000, to: 4_000).capacity == 600)
        #expect(value.rescaled(from: 1_000, to: 3).capacity == 1)
        let huge = try BusinessValue(costPerContact: 2, valuePerConversion: 60, capacity: Int.max / 2)
        #expect(huge.rescaled(from: 1_000, to: 4_000).capacity == 4_000)
        let open = try BusinessValue(costPerContact: 2, valuePerConversion: 60)
        #expect(open.rescaled(from: 10, to: 20) == open)
    }

    @Test func badBusinessSettingsAreRefused() {
        #expect(throws: ModelError("capacity must be a whole number of at least 1 contact; got 0")) {
            try BusinessValue(costPerContact: 1, valuePerConversion: 5, capacity: 0)
        }
        #expect(throws: ModelError("value must be a number above 0 per conversion; got -5")) {
            try BusinessValue(costPerContact: 1, valuePerConversion: -5)
        }
    }

    /// Two rows, labels 0 and 1, perfectly ranked: every resample with both classes has AUC 1,
    /// resamples with one class are skipped, so the interval is [1, 1].
    @Test func bootstrapOfAPerfectRankingIsOne() throws {
        let interval = try BootstrapInterval.compute(labels: [0, 1], predictions: .probabilities([0.8, 0.2, 0.3, 0.7], classCount: 2),
                                                     metric: .auc, samples: 200, seed: 1)
        #expect(interval.estimate == 1 && interval.lower == 1 && interval.upper == 1)
        #expect(interval.samples > 50 && interval.samples < 150)
    }

    /// Mean absolute error of predictions off by 0 or 2 on two rows: resamples give 0, 1 or 2
    /// with chances ¼, ½, ¼; the 2.5% and 97.5% quantiles of 1000 such values are 0 and 2.
    @Test func bootstrapPercentilesByHand() throws {
        let interval = try BootstrapInterval.compute(labels: [0, 0], predictions: .values([0, 2]), metric: .mae, samples: 1000, seed: 5)
        #expect(interval.estimate == 1 && interval.lower == 0 && interval.upper == 2 && interval.samples == 1000)
        let again = try BootstrapInterval.compute(labels: [0, 0], predictions: .values([0, 2]), metric: .mae, samples: 1000, seed: 5)
        #expect(again == interval)
    }

    /// The counting shortcut gives what computing on the drawn rows gives, ties included.
    @Test func countedResamplesEqualTheResampledRows() throws {
        let labels: [Double] = [1, 0, 1, 0, 1, 0, 0, 1]
        let scores = [0.9, 0.8, 0.8, 0.4, 0.1, 0.4, 0.2, 0.6]
        let predictions = Predictions.probabilities(scores.flatMap { [1 - $0, $0] }, classCount: 2)
        let times: [Int32] = [2, 0, 1, 3, 1, 0, 2, 1]
        let rows = times.indices.flatMap { [Int](repeating: $0, count: Int(times[$0])) }
        for metric in [SelectionMetric.auc, .f1, .accuracy, .precision, .recall] {
            let counted = try #require(CountedResample(labels: labels, predictions: predictions, metric: metric, threshold: 0.5))
            let direct = metric.value(labels: rows.map { labels[$0] }, predictions: BootstrapInterval.gather(predictions, rows), threshold: 0.5)
            #expect(abs(counted.value(times) - direct) < 1e-12, "\(metric)")
        }
    }
}

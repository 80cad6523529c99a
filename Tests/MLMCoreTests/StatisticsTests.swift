import Testing
@testable import MLMCore

@Suite("Statistics")
struct StatisticsTests {
    // Expected values from a one-off run of numpy 2.x:
    // A = np.array([3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4])
    // A.mean(), A.std(ddof=0), A.std(ddof=1), np.quantile(A, q), np.median(A)
    let sample = [3.2, 7.1, 1.5, 9.8, 4.4, 6.0, 2.7, 8.3, 5.5, 10.9, 0.4]

    @Test func meanMatchesNumpy() {
        #expect(Statistics.mean(sample) == 5.4363636363636365)
        #expect(Statistics.mean([]) == nil)
    }

    @Test func standardDeviationMatchesNumpyForBothDegreesOfFreedom() throws {
        let population = try #require(Statistics.standardDeviation(sample, ddof: 0))
        let sampleDeviation = try #require(Statistics.standardDeviation(sample, ddof: 1))
        #expect(abs(population - 3.2277976525721703) < 1e-14)
        #expect(abs(sampleDeviation - 3.385342738120537) < 1e-14)
    }

    @Test func standardDeviationNeedsMoreValuesThanDegreesOfFreedom() {
        #expect(Statistics.standardDeviation([4], ddof: 1) == nil)
        #expect(Statistics.standardDeviation([4], ddof: 0) == 0)
        #expect(Statistics.standardDeviation([], ddof: 0) == nil)
        #expect(Statistics.standardDeviation([1, 2], ddof: -1) == nil)
    }

    @Test func quantileMatchesNumpyLinearInterpolation() {
        let sorted = sample.sorted()
        #expect(Statistics.quantile(sorted, 0.1) == 1.5)
        #expect(Statistics.quantile(sorted, 0.25) == 2.95)
        #expect(Statistics.quantile(sorted, 0.33) == 3.5600000000000005)
        #expect(Statistics.quantile(sorted, 0.5) == 5.5)
        #expect(Statistics.quantile(sorted, 0.75) == 7.7)
        #expect(Statistics.quantile(sorted, 0.9) == 9.8)
        // np.quantile(A, [1/3, 2/3]) — the last bit shows numpy's way of interpolating.
        #expect(Statistics.quantile(sorted, 1.0 / 3) == 3.5999999999999996)
        #expect(Statistics.quantile(sorted, 2.0 / 3) == 6.7333333333333325)
    }

    @Test func quantileEndsAreMinimumAndMaximum() {
        #expect(Statistics.quantile([1, 2, 10], 0) == 1)
        #expect(Statistics.quantile([1, 2, 10], 1) == 10)
        #expect(Statistics.quantile([7], 0.3) == 7)
    }

    @Test func quantileRefusesEmptyValuesAndShareOutsideZeroToOne() {
        #expect(Statistics.quantile([], 0.5) == nil)
        #expect(Statistics.quantile([1, 2], 1.5) == nil)
        #expect(Statistics.quantile([1, 2], -0.1) == nil)
        #expect(Statistics.quantile([1, 2], .nan) == nil)
    }

    @Test func medianOfOddAndEvenCounts() {
        #expect(Statistics.median(sample) == 5.5)
        // np.median([12, 7, 3, 21, 14, 9, 5, 18]) == 10.5
        #expect(Statistics.median([12, 7, 3, 21, 14, 9, 5, 18]) == 10.5)
        #expect(Statistics.median([]) == nil)
    }

    @Test func medianBySelectionEqualsTheSortedMiddle() {
        var generator = SeededGenerator(seed: 4)
        for trial in 0..<300 {
            let count = 1 + generator.nextInt(below: 60)
            // Few distinct values in some trials: duplicates stress the partition.
            let levels = trial % 3 == 0 ? 3 : 1000
            let values = (0..<count).map { _ in Double(generator.nextInt(below: levels)) - 10 }
            let sorted = values.sorted()
            let expected = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
            #expect(Statistics.median(values) == expected, "values \(values)")
        }
        let ascending = (0..<10_001).map(Double.init)
        #expect(Statistics.median(ascending) == 5000)
        #expect(Statistics.median(ascending.reversed()) == 5000)
    }

    @Test func medianOfHugeValuesDoesNotOverflow() {
        let huge = Double.greatestFiniteMagnitude
        #expect(Statistics.median([huge, huge]) == huge)
    }
}

import Testing
@testable import MLMCore

/// The lift table on a hand-counted case with ties across a group boundary, and its edges.
@Suite("Lift table")
struct MetricLiftTableTests {
    typealias Row = ClassificationMetrics.LiftRow

    @Test func handCountedTableWithTiesInRowOrder() {
        // Ranked (score, label): row 0 (0.9, 1), row 3 (0.9, 0), row 2 (0.5, 0), row 5 (0.5, 1),
        // row 6 (0.3, 1), row 1 (0.2, 0), row 4 (0.1, 0). Seven ranks in three groups, pandas
        // qcut style: 3, 2, 2 rows. The tie at 0.5 is split by row order, so row 2 (a negative)
        // lands in the top group and row 5 (a positive) in the second.
        let table = ClassificationMetrics.liftTable(labels: [1, 0, 0, 0, 0, 1, 1],
                                                    scores: [0.9, 0.2, 0.5, 0.9, 0.1, 0.5, 0.3], groups: 3)
        let overallRate = 3.0 / 7
        let expected = [
            Row(group: 1, rows: 3, positives: 1, rate: 1.0 / 3, lift: (1.0 / 3) / overallRate,
                cumulativeRows: 3, cumulativePositives: 1, cumulativeGain: 1.0 / 3, cumulativeLift: (1.0 / 3) / overallRate),
            Row(group: 2, rows: 2, positives: 2, rate: 1, lift: 1 / overallRate,
                cumulativeRows: 5, cumulativePositives: 3, cumulativeGain: 1, cumulativeLift: (3.0 / 5) / overallRate),
            Row(group: 3, rows: 2, positives: 0, rate: 0, lift: 0,
                cumulativeRows: 7, cumulativePositives: 3, cumulativeGain: 1, cumulativeLift: (3.0 / 7) / overallRate),
        ]
        #expect(table == expected)
        #expect(abs(table[1].lift - 7.0 / 3) < 1e-15 && table[2].cumulativeLift == 1)
    }

    @Test func groupSizesFollowQcutOnRanks() {
        // pandas.qcut(range(1, 26), 10) sizes.
        let table = ClassificationMetrics.liftTable(labels: [Int](repeating: 1, count: 25),
                                                    scores: (0..<25).map(Double.init))
        #expect(table.map(\.rows) == [3, 2, 3, 2, 3, 2, 2, 3, 2, 3])
        #expect(table.allSatisfy { $0.lift == 1 && $0.rate == 1 })
    }

    @Test func fewerRowsThanGroupsGivesOneRowPerGroup() {
        let table = ClassificationMetrics.liftTable(labels: [1, 0, 1], scores: [0.2, 0.9, 0.4], groups: 10)
        #expect(table.map(\.rows) == [1, 1, 1])
        #expect(table.map(\.positives) == [0, 1, 1])
        let single = ClassificationMetrics.liftTable(labels: [1], scores: [0.5])
        #expect(single == [Row(group: 1, rows: 1, positives: 1, rate: 1, lift: 1, cumulativeRows: 1,
                               cumulativePositives: 1, cumulativeGain: 1, cumulativeLift: 1)])
    }

    @Test func noPositivesGivesZeroLiftAndGain() {
        let table = ClassificationMetrics.liftTable(labels: [0, 0, 0, 0], scores: [0.1, 0.2, 0.3, 0.4], groups: 2)
        #expect(table.map(\.rows) == [2, 2])
        #expect(table.allSatisfy { $0.lift == 0 && $0.cumulativeGain == 0 && $0.cumulativeLift == 0 })
    }

    @Test func emptyWhenThereIsNothingToRank() {
        #expect(ClassificationMetrics.liftTable(labels: [], scores: []).isEmpty)
        #expect(ClassificationMetrics.liftTable(labels: [1, 0], scores: [0.5]).isEmpty)
        #expect(ClassificationMetrics.liftTable(labels: [1, 0], scores: [0.5, .nan]).isEmpty)
        #expect(ClassificationMetrics.liftTable(labels: [1, 0], scores: [0.5, 0.1], groups: 0).isEmpty)
    }

    @Test func largeInputsKeepTiesInRowOrder() {
        // 2000 rows (radix-sort path), all tied: ranks follow row order, so the top group is
        // exactly the first rows.
        let labels = (0..<2000).map { $0 < 200 ? 1 : 0 }
        let table = ClassificationMetrics.liftTable(labels: labels, scores: [Double](repeating: 0.5, count: 2000))
        #expect(table[0].positives == table[0].rows && table[0].rows == 200)
        #expect(table.dropFirst().allSatisfy { $0.positives == 0 })
    }
}

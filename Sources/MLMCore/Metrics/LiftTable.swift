/// The lift (or gains) table a marketer reads to decide how deep into a ranked list to go:
/// "the top 10% by score hold 35% of all buyers, 3.5 times the average rate".
extension ClassificationMetrics {
    /// One group of rows of similar score; `group` 1 holds the highest scores.
    public struct LiftRow: Sendable, Equatable {
        public let group: Int
        public let rows: Int
        public let positives: Int
        /// Share of the group's rows that are positive.
        public let rate: Double
        /// `rate` divided by the share of positives over all rows.
        public let lift: Double
        public let cumulativeRows: Int
        public let cumulativePositives: Int
        /// Share of all positives found in this group and the ones above it.
        public let cumulativeGain: Double
        /// The positive rate of this group and the ones above it, divided by the overall rate.
        public let cumulativeLift: Double

        public init(group: Int, rows: Int, positives: Int, rate: Double, lift: Double,
                    cumulativeRows: Int, cumulativePositives: Int, cumulativeGain: Double,
                    cumulativeLift: Double) {
            self.group = group
            self.rows = rows
            self.positives = positives
            self.rate = rate
            self.lift = lift
            self.cumulativeRows = cumulativeRows
            self.cumulativePositives = cumulativePositives
            self.cumulativeGain = cumulativeGain
            self.cumulativeLift = cumulativeLift
        }
    }

    /// Rows ranked by score, highest first, with tied scores kept in row order (pandas
    /// `rank(method="first")` of the negated scores), then cut into `groups` groups the way
    /// pandas `qcut` cuts those ranks: the row ranked r (1-based) of n goes to group
    /// max(1, ⌈(r − 1)·groups / (n − 1)⌉). Groups therefore differ in size by at most one.
    /// The arithmetic is exact, where pandas computes the cut points in floating point and can
    /// place a rank sitting exactly on a cut point one group lower.
    ///
    /// Positives are rows labelled 1. With fewer rows than `groups`, each row is its own group.
    /// With no positives, lift and gain are 0. Empty when there are no rows, `groups < 1`, the
    /// lengths differ or a score is NaN.
    public static func liftTable(labels: [Int], scores: [Double], groups: Int = 10) -> [LiftRow] {
        guard groups >= 1, labels.count == scores.count, !labels.isEmpty,
              !scores.contains(where: \.isNaN) else { return [] }
        let rowCount = labels.count, groupCount = min(groups, rowCount)
        let ranked = rankedByScoreDescending(labels: labels, scores: scores)
        var rowsInGroup = [Int](repeating: 0, count: groupCount)
        var positivesInGroup = [Int](repeating: 0, count: groupCount)
        for (position, item) in ranked.enumerated() {
            let group = rowCount == 1 ? 0 : groupIndex(position: position, rows: rowCount, groups: groupCount)
            rowsInGroup[group] += 1
            if item.isPositive { positivesInGroup[group] += 1 }
        }
        return liftRows(rowsInGroup: rowsInGroup, positivesInGroup: positivesInGroup)
    }

    /// Zero-based group of the zero-based position: ⌈position·groups / (rows − 1)⌉ − 1, but at
    /// least 0, computed in integers. Needs rows ≥ 2.
    private static func groupIndex(position: Int, rows: Int, groups: Int) -> Int {
        let ceiling = (position * groups + rows - 2) / (rows - 1)
        return max(1, ceiling) - 1
    }

    private struct RankedRow {
        let key: UInt64
        let isPositive: Bool
    }

    private static func rankedByScoreDescending(labels: [Int], scores: [Double]) -> [RankedRow] {
        // Complemented keys sort descending; the stable sort keeps ties in row order.
        var ranked = (0..<labels.count).map { row in
            RankedRow(key: ~ScoreKeys.key(scores[row]), isPositive: labels[row] == 1)
        }
        ScoreKeys.sort(&ranked) { $0.key }
        return ranked
    }

    private static func liftRows(rowsInGroup: [Int], positivesInGroup: [Int]) -> [LiftRow] {
        let totalRows = rowsInGroup.reduce(0, +), totalPositives = positivesInGroup.reduce(0, +)
        let overallRate = Double(totalPositives) / Double(totalRows)
        func relative(_ rate: Double) -> Double { totalPositives == 0 ? 0 : rate / overallRate }
        var cumulativeRows = 0, cumulativePositives = 0
        return (0..<rowsInGroup.count).map { group in
            cumulativeRows += rowsInGroup[group]
            cumulativePositives += positivesInGroup[group]
            let rate = ratioOrZero(positivesInGroup[group], rowsInGroup[group])
            let cumulativeRate = ratioOrZero(cumulativePositives, cumulativeRows)
            return LiftRow(
                group: group + 1, rows: rowsInGroup[group], positives: positivesInGroup[group],
                rate: rate, lift: relative(rate),
                cumulativeRows: cumulativeRows, cumulativePositives: cumulativePositives,
                cumulativeGain: ratioOrZero(cumulativePositives, totalPositives),
                cumulativeLift: relative(cumulativeRate))
        }
    }
}

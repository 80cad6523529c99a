/// What contacting a customer costs and a conversion is worth, and how many can be contacted.
public struct BusinessValue: Sendable, Equatable, Codable {
    public let costPerContact: Double
    public let valuePerConversion: Double
    /// The most rows that may be contacted, among the rows evaluated; nil for no limit.
    public let capacity: Int?

    public init(costPerContact: Double, valuePerConversion: Double, capacity: Int? = nil) throws(ModelError) {
        guard costPerContact.isFinite, costPerContact >= 0 else {
            throw ModelError("cost must be a number of at least 0 per contact; got \(ParameterSpec.number(costPerContact))")
        }
        guard valuePerConversion.isFinite, valuePerConversion > 0 else {
            throw ModelError("value must be a number above 0 per conversion; got \(ParameterSpec.number(valuePerConversion))")
        }
        if let capacity, capacity <= 0 {
            throw ModelError("capacity must be a whole number of at least 1 contact; got \(capacity)")
        }
        self.costPerContact = costPerContact
        self.valuePerConversion = valuePerConversion
        self.capacity = capacity
    }

    /// The same prices on `other` rows: a capacity counted on `rows` rows keeps its share of the
    /// rows (at least 1 contact). A capacity above the row count is no limit there, and is
    /// capped first so the product cannot overflow.
    public func rescaled(from rows: Int, to other: Int) -> BusinessValue {
        guard let capacity else { return self }
        let scaled = max(1, min(capacity, rows) * other / max(rows, 1))
        return BusinessValue(checkedCost: costPerContact, value: valuePerConversion, capacity: scaled)
    }

    private init(checkedCost: Double, value: Double, capacity: Int?) {
        costPerContact = checkedCost
        valuePerConversion = value
        self.capacity = capacity
    }
}

/// Expected profit of contacting the rows scoring at or above each cut-off:
/// profit = value × conversions − cost × contacts, where conversions are the positives among the
/// contacted rows. Candidates are the distinct scores (as every threshold search here), plus
/// contacting nobody (profit 0).
public enum ProfitCurve {
    public struct Point: Sendable, Equatable {
        /// Contact rows with score ≥ threshold; nil for "contact nobody".
        public let threshold: Double?
        public let contacts: Int
        public let conversions: Int
        public let profit: Double
    }

    public struct Decile: Sendable, Equatable {
        public let group: Int
        public let rows: Int
        public let conversions: Int
        public let profit: Double
        public let cumulativeProfit: Double
    }

    public struct Result: Sendable, Equatable {
        /// Highest threshold first; the first point is "contact nobody".
        public let points: [Point]
        /// The most profitable point within capacity (ties: fewer contacts).
        public let best: Point
        /// Contacting every row, whatever the capacity.
        public let everyone: Point
        /// Profit by tenth of the rows ranked by score (the lift table in money).
        public let deciles: [Decile]
    }

    /// Nil when the lengths differ, there are no rows or a score is NaN.
    public static func compute(labels: [Int], scores: [Double], value: BusinessValue) -> Result? {
        guard labels.count == scores.count, !labels.isEmpty, !scores.contains(where: \.isNaN) else { return nil }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var points = [Point(threshold: nil, contacts: 0, conversions: 0, profit: 0)]
        var contacts = 0, conversions = 0
        for (position, row) in order.enumerated() {
            contacts += 1
            if labels[row] == 1 { conversions += 1 }
            // A threshold admits every row with an equal score: emit after the last of a tie.
            let last = position == order.count - 1 || scores[order[position + 1]] != scores[row]
            if last { points.append(point(scores[row], contacts, conversions, value)) }
        }
        let allowed = points.filter { $0.contacts <= (value.capacity ?? Int.max) }
        var best = allowed[0]
        for candidate in allowed.dropFirst() where candidate.profit > best.profit { best = candidate }
        let deciles = moneyDeciles(labels: labels, scores: scores, value: value)
        return Result(points: points, best: best, everyone: points[points.count - 1], deciles: deciles)
    }

    /// Contacting the rows scoring at or above `threshold`.
    public static func point(atThreshold threshold: Double, labels: [Int], scores: [Double], value: BusinessValue) -> Point {
        var contacts = 0, conversions = 0
        for (label, score) in zip(labels, scores) where score >= threshold {
            contacts += 1
            if label == 1 { conversions += 1 }
        }
        return point(threshold, contacts, conversions, value)
    }

    /// Using a cut-off chosen on other rows on these: contact the rows scoring at or above
    /// `threshold` (nobody when nil), at most the capacity, highest scores first (equal scores in
    /// row order, as `compute` ranks them).
    public static func point(cutOff threshold: Double?, labels: [Int], scores: [Double], value: BusinessValue) -> Point {
        guard let threshold else { return Point(threshold: nil, contacts: 0, conversions: 0, profit: 0) }
        var above = scores.indices.filter { scores[$0] >= threshold }
        if let capacity = value.capacity, above.count > capacity {
            above.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            above = Array(above.prefix(capacity))
        }
        let conversions = above.reduce(0) { $0 + (labels[$1] == 1 ? 1 : 0) }
        return point(threshold, above.count, conversions, value)
    }

    private static func point(_ threshold: Double, _ contacts: Int, _ conversions: Int, _ value: BusinessValue) -> Point {
        let profit = value.valuePerConversion * Double(conversions) - value.costPerContact * Double(contacts)
        return Point(threshold: threshold, contacts: contacts, conversions: conversions, profit: profit)
    }

    private static func moneyDeciles(labels: [Int], scores: [Double], value: BusinessValue) -> [Decile] {
        var cumulative = 0.0
        return ClassificationMetrics.liftTable(labels: labels, scores: scores, groups: 10).map { row in
            let profit = value.valuePerConversion * Double(row.positives) - value.costPerContact * Double(row.rows)
            cumulative += profit
            return Decile(group: row.group, rows: row.rows, conversions: row.positives, profit: profit, cumulativeProfit: cumulative)
        }
    }
}

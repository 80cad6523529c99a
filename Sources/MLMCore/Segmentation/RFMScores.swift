/// Quintile scores and named segments of RFM.
///
/// Scores 1–5 come from where a value stands among all customers: score = 1 + ⌊5 × share of
/// customers with a strictly worse value⌋, worse meaning a smaller frequency or monetary value,
/// or a longer recency. Equal values always get equal scores (ties are never split by row
/// order), so when many customers bought once they all get F = 1 and the quintiles are uneven.
///
/// Segments from the R and F scores (the common RFM segment grid):
///
/// | R \ F | 1 | 2 | 3 | 4 | 5 |
/// |---|---|---|---|---|---|
/// | 5 | New customers | Potential loyalists | Potential loyalists | Champions | Champions |
/// | 4 | Promising | Potential loyalists | Potential loyalists | Loyal customers | Loyal customers |
/// | 3 | About to sleep | About to sleep | Need attention | Loyal customers | Loyal customers |
/// | 2 | Hibernating | Hibernating | At risk | At risk | Cannot lose them |
/// | 1 | Lost | Hibernating | At risk | At risk | Cannot lose them |
public enum RFMScores {
    /// Scores for values where larger is better.
    public static func scores(_ values: [Double], largerIsBetter: Bool) -> [Int] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = (0..<n).sorted { values[$0] != values[$1] ? (largerIsBetter ? values[$0] < values[$1] : values[$0] > values[$1]) : $0 < $1 }
        var scores = [Int](repeating: 1, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && values[order[end + 1]] == values[order[start]] { end += 1 }
            // `start` customers have a strictly worse value than this group.
            let score = 1 + min(4, (5 * start) / n)
            for i in start...end { scores[order[i]] = score }
            start = end + 1
        }
        return scores
    }

    public static func segment(r: Int, f: Int) -> String {
        switch (r, f) {
        case (5, 4...5): return "Champions"
        case (3...4, 4...5): return "Loyal customers"
        case (4...5, 2...3): return "Potential loyalists"
        case (5, 1): return "New customers"
        case (4, 1): return "Promising"
        case (3, 3): return "Need attention"
        case (3, 1...2): return "About to sleep"
        case (1...2, 3...4): return "At risk"
        case (1...2, 5): return "Cannot lose them"
        case (1, 1): return "Lost"
        default: return "Hibernating"
        }
    }

    /// Every segment name, best first, for stable ordering in reports.
    public static let segmentNames = [
        "Champions", "Loyal customers", "Potential loyalists", "New customers", "Promising",
        "Need attention", "About to sleep", "At risk", "Cannot lose them", "Hibernating", "Lost",
    ]
}

/// Builds the RFM result table from the per-customer totals.
enum RFMTable {
    static func build(keys: RFMCustomerKeys, totals: RFMTotals, reference: Int, customers: Column) -> DataFrame {
        let active = (0..<keys.count).filter { totals.transactions[$0] > 0 }
        let recency = active.map { Double(reference) - totals.lastDays[$0] }
        let frequency = active.map { Double(totals.transactions[$0]) }
        let monetary = active.map { totals.monetary[$0] }
        let r = RFMScores.scores(recency, largerIsBetter: false)
        let f = RFMScores.scores(frequency, largerIsBetter: true)
        let m = RFMScores.scores(monetary, largerIsBetter: true)
        return DataFrame(columns: [
            keyColumn(keys: keys, active: active, customers: customers),
            Column(name: "recency", type: .integer, numbers: recency),
            Column(name: "frequency", type: .integer, numbers: frequency),
            Column(name: "monetary", type: .number, numbers: monetary),
            Column(name: "r_score", type: .integer, numbers: r.map(Double.init)),
            Column(name: "f_score", type: .integer, numbers: f.map(Double.init)),
            Column(name: "m_score", type: .integer, numbers: m.map(Double.init)),
            Column(name: "rfm", type: .category, strings: active.indices.map { "\(r[$0])\(f[$0])\(m[$0])" }),
            Column(name: "rfm_segment", type: .category,
                   strings: active.indices.map { RFMScores.segment(r: r[$0], f: f[$0]) }),
        ])
    }

    static func keyColumn(keys: RFMCustomerKeys, active: [Int], customers: Column) -> Column {
        customers.gathering(active.map { keys.firstRows[$0] }).compactingDictionary()
    }
}

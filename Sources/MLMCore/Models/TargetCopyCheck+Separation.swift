/// The leakage guard's second rule, a warning rather than an error: an input that on its own
/// separates a yes/no target almost perfectly on the training rows. Such a column is often
/// recorded after the outcome (the classic case: the length of the sales call, known only once
/// the customer has said yes or no), so a model leans on it and fails on new rows, where it is
/// not known yet. It may also be a genuinely strong input, so `train` asks rather than refuses.
///
/// "Almost perfectly" is the ROC-AUC of a model on that input alone, on the training rows, of at
/// least 0.95 (in either direction):
///
/// - a number ranks the rows by its value (rank AUC, ties counted half); its missing cells form
///   one group, placed below or above every value, whichever separates better;
/// - a category scores each row by the share of the target's positive class among the training
///   rows with its value (a missing cell is a value); values with fewer than 10 training rows
///   share one pooled share, so a column of rare codes cannot separate by memorising them.
///
/// The rule needs 10 training rows of each class (on fewer, a high AUC happens by chance) and
/// costs one sort per number input and one pass per category input.
extension TargetCopyCheck {
    public struct Separation: Sendable, Equatable {
        public let column: String
        /// The one-input model's ROC-AUC, folded to at least 0.5.
        public let auc: Double
    }

    public static let separationLimit = 0.95
    static let pooledLevelRows = 10

    /// The inputs that alone reach `separationLimit`, in input order. Labels are 0/1.
    public static func nearCopies(_ frame: DataFrame, inputs: [String], rows: [Int], labels: [Double],
                                  spec: TargetSpec) -> [Separation] {
        guard spec.task == .binary, labels.count == rows.count else { return [] }
        let positive = labels.map { Int($0) == 1 }
        let positives = positive.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard positives >= 10, rows.count - positives >= 10 else { return [] }
        return inputs.compactMap { name -> Separation? in
            guard let column = frame.column(named: name) else { return nil }
            let keys = Keys(column: column, rows: rows)
            let auc: Double
            switch column.storage {
            case .numbers(let values): auc = numberAUC(values, keys, positive, positives: positives)
            case .strings: auc = categoryAUC(keys, positive, positives: positives)
            }
            return auc >= separationLimit ? Separation(column: name, auc: auc) : nil
        }
    }

    /// Counts of one group of rows with equal scores.
    private struct Group { var positives = 0, negatives = 0 }

    /// Mann–Whitney: the share of (positive, negative) pairs the score orders right, ties half,
    /// over groups already in increasing score order.
    private static func auc(_ groups: [Group], positives: Int, negatives: Int) -> Double {
        var pairs = 0.0, negativesBelow = 0.0
        for group in groups {
            pairs += Double(group.positives) * (negativesBelow + 0.5 * Double(group.negatives))
            negativesBelow += Double(group.negatives)
        }
        let value = pairs / (Double(positives) * Double(negatives))
        return max(value, 1 - value)
    }

    private static func numberAUC(_ values: [Double], _ keys: Keys, _ positive: [Bool], positives: Int) -> Double {
        var present: [(value: Double, positive: Bool)] = []
        present.reserveCapacity(keys.count)
        var missing = Group()
        for index in 0..<keys.count {
            if keys[index] == missingKey {
                if positive[index] { missing.positives += 1 } else { missing.negatives += 1 }
            } else {
                present.append((values[keys.rows[index]], positive[index]))
            }
        }
        present.sort { $0.value < $1.value }
        var groups: [Group] = []
        var index = 0
        while index < present.count {
            var group = Group()
            let value = present[index].value
            while index < present.count, present[index].value == value {
                if present[index].positive { group.positives += 1 } else { group.negatives += 1 }
                index += 1
            }
            groups.append(group)
        }
        let negatives = keys.count - positives
        guard missing.positives + missing.negatives > 0 else { return auc(groups, positives: positives, negatives: negatives) }
        return max(auc([missing] + groups, positives: positives, negatives: negatives),
                   auc(groups + [missing], positives: positives, negatives: negatives))
    }

    private static func categoryAUC(_ keys: Keys, _ positive: [Bool], positives: Int) -> Double {
        var counts: [UInt64: Group] = [:]
        for index in 0..<keys.count {
            if positive[index] { counts[keys[index], default: Group()].positives += 1 } else { counts[keys[index], default: Group()].negatives += 1 }
        }
        var pooled = Group()
        var levels: [Group] = []
        for group in counts.values {
            if group.positives + group.negatives < pooledLevelRows {
                pooled.positives += group.positives
                pooled.negatives += group.negatives
            } else {
                levels.append(group)
            }
        }
        if pooled.positives + pooled.negatives > 0 { levels.append(pooled) }
        // Increasing share of positives; equal shares are one score, so they merge (exactly:
        // a/b = c/d compared as a·d = c·b).
        levels.sort { $0.positives * ($1.positives + $1.negatives) < $1.positives * ($0.positives + $0.negatives) }
        var merged: [Group] = []
        for level in levels {
            if let last = merged.last,
               last.positives * (level.positives + level.negatives) == level.positives * (last.positives + last.negatives) {
                merged[merged.count - 1].positives += level.positives
                merged[merged.count - 1].negatives += level.negatives
            } else {
                merged.append(level)
            }
        }
        return auc(merged, positives: positives, negatives: keys.count - positives)
    }
}

/// `split bank into train 70%, validation 15%, test 15% [by column] [seed n]`
extension DataFrame {
    /// Assigns every row a role (train, validation, test) and returns how many rows each role
    /// got, in the order the shares were given. Rows are not copied: steps that learn
    /// statistics then learn them from the training rows only (`fittingRows`).
    ///
    /// - Each role may appear once, train must be one of them, and the shares must be positive
    ///   and add up to 1 (within 1e-9).
    /// - Without `stratifyBy`, row numbers are shuffled with `SeededGenerator(seed:)` and cut
    ///   where the running share, times the row count, rounds to (halves up).
    /// - With `stratifyBy`, each class of that column (missing is a class of its own) is
    ///   shuffled on its own and shared out by largest remainder, so every role gets the
    ///   class's share rounded down or up; leftover rows go to the role with the largest
    ///   remainder, counting what earlier classes got, so many small classes still add up to
    ///   the requested shares. Classes are visited in shuffled order. A class smaller than the
    ///   number of roles is fine.
    /// The same seed on the same table always gives the same roles. Splitting again replaces
    /// the roles. An empty table cannot be split.
    public mutating func split(
        _ shares: [(role: RowRole, share: Double)], stratifyBy: String?, seed: UInt64
    ) throws(PrepError) -> [(role: RowRole, rows: Int)] {
        try Self.checkShares(shares)
        guard rowCount > 0 else { throw PrepError("the table has no rows to split") }
        var generator = SeededGenerator(seed: seed)
        var newRoles = [RowRole](repeating: .train, count: rowCount)
        let counts: [Int]
        if let stratifyBy {
            let column = try prepColumn(stratifyBy)
            counts = Self.stratifiedSplit(Self.classes(of: column), shares, &generator, into: &newRoles)
        } else {
            var rows = Array(0..<rowCount)
            generator.shuffle(&rows)
            counts = Self.cutByRunningShare(rows.count, weights: shares.map(\.share))
            var start = 0
            for (index, taken) in counts.enumerated() {
                for row in rows[start..<(start + taken)] { newRoles[row] = shares[index].role }
                start += taken
            }
        }
        roles = newRoles
        return zip(shares, counts).map { ($0.role, $1) }
    }

    /// Rows per role when `total` shuffled rows are cut where the running share times the row
    /// count rounds to (halves up); the last cut is always at the end.
    static func cutByRunningShare(_ total: Int, weights: [Double]) -> [Int] {
        var counts: [Int] = []
        var running = 0.0
        var previousCut = 0
        for (index, weight) in weights.enumerated() {
            running += weight
            let exact = (running * Double(total)).rounded()
            let cut = index == weights.count - 1 ? total : max(previousCut, min(total, Int(exact)))
            counts.append(cut - previousCut)
            previousCut = cut
        }
        return counts
    }

    /// Shuffles each class (classes themselves in shuffled order, so leftover rows do not
    /// follow the data's order) and shares it out with `allocate`.
    private static func stratifiedSplit(
        _ groups: [[Int]], _ shares: [(role: RowRole, share: Double)],
        _ generator: inout SeededGenerator, into roles: inout [RowRole]
    ) -> [Int] {
        let weights = shares.map(\.share)
        var counts = [Int](repeating: 0, count: shares.count)
        var credit = [Double](repeating: 0, count: shares.count)
        var order = Array(groups.indices)
        generator.shuffle(&order)
        for group in order {
            var rows = groups[group]
            generator.shuffle(&rows)
            var start = 0
            for (index, taken) in allocate(rows.count, weights: weights, credit: &credit).enumerated() {
                for row in rows[start..<(start + taken)] { roles[row] = shares[index].role }
                start += taken
                counts[index] += taken
            }
        }
        return counts
    }

    /// Splits `total` rows by `weights`: each role gets its quota rounded down, and the
    /// leftovers go to the largest remainders (plus `credit`, what earlier groups were owed
    /// or given beyond their quotas; ties to the earlier role). Updates `credit`.
    static func allocate(_ total: Int, weights: [Double], credit: inout [Double]) -> [Int] {
        let quotas = weights.map { $0 * Double(total) }
        var taken = quotas.map { min(Int($0.rounded(.down)), total) }
        var leftover = total - taken.reduce(0, +)
        // Only roles with a remainder may take a leftover, so none gets more than its quota
        // rounded up; `credit` only decides among them.
        let remainder = weights.indices.map { quotas[$0] - Double(taken[$0]) }
        let order = weights.indices.sorted { first, second in
            if (remainder[first] > 0) != (remainder[second] > 0) { return remainder[first] > 0 }
            let a = remainder[first] + credit[first]
            let b = remainder[second] + credit[second]
            return a != b ? a > b : first < second
        }
        var position = 0
        while leftover > 0, !order.isEmpty {
            taken[order[position % order.count]] += 1
            leftover -= 1
            position += 1
        }
        for index in weights.indices { credit[index] += quotas[index] - Double(taken[index]) }
        return taken
    }

    /// Row numbers per class of a column, classes in order of first appearance; missing
    /// cells form one class.
    private static func classes(of column: Column) -> [[Int]] {
        let keys = classKeys(column)
        var classOf: [UInt64: Int] = [:]
        var groups: [[Int]] = []
        for (row, key) in keys.enumerated() {
            if let group = classOf[key] {
                groups[group].append(row)
            } else {
                classOf[key] = groups.count
                groups.append([row])
            }
        }
        return groups
    }

    /// One key per row that is equal exactly when the cells are: a number's bits (0 and −0
    /// folded), a canonical string code, or `UInt64.max` for missing, which neither can be.
    private static func classKeys(_ column: Column) -> [UInt64] {
        var keys = [UInt64](repeating: UInt64.max, count: column.count)
        if let values = column.numbers {
            values.withUnsafeBufferPointer { cells in
                for row in 0..<cells.count where !cells[row].isNaN {
                    keys[row] = cells[row] == 0 ? 0 : cells[row].bitPattern
                }
            }
        } else if let (codes, dictionary) = column.strings {
            let canonical = StringCodes.canonical(dictionary)
            codes.withUnsafeBufferPointer { cells in
                for row in 0..<cells.count where cells[row] >= 0 { keys[row] = UInt64(canonical[Int(cells[row])]) }
            }
        }
        return keys
    }

    /// The rules of the shares that need no data (each role once, a train part, shares above
    /// 0% adding up to 100%); the checker applies them to the script before running.
    public static func checkShares(_ shares: [(role: RowRole, share: Double)]) throws(PrepError) {
        var seen = Set<RowRole>()
        for (role, share) in shares {
            guard seen.insert(role).inserted else {
                throw PrepError("the role '\(role.name)' appears twice in the split; give each role once")
            }
            guard share > 0, share.isFinite else {
                throw PrepError("the share of '\(role.name)' must be more than 0%, not \(NumberText.percent(share))")
            }
        }
        guard seen.contains(.train) else {
            throw PrepError("a split needs a 'train' share, for the rows a model learns from")
        }
        let total = shares.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-9 else {
            throw PrepError("the shares add up to \(NumberText.percent(total)); they must add up to 100%")
        }
    }
}

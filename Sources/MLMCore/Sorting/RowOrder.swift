/// One column to order rows by, and which way.
public struct SortKey: Sendable, Equatable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// The rules of `sort` and `show … order by`, in one place:
///
/// - stable: rows with equal keys keep the order they had;
/// - a missing cell comes after every present one, ascending or descending;
/// - numbers and integers by value (-0 equals 0), dates chronologically, booleans false before
///   true; text and categories by their labels, compared character by character in Unicode
///   code-point order of their canonical (NFC) form: no locale, case-sensitive, so digits come
///   before capitals and capitals before small letters ("Zoe" before "adam"), and an accented
///   letter after "z";
/// - several keys: by the first, rows equal on it by the second, and so on.
///
/// Each key is one stable radix pass over the rows, from the last key to the first (a
/// least-significant-key-first sort), so the cost is linear in the rows for every key.
enum RowOrder {
    static func order(_ rows: [Int], by column: Column, descending: Bool) -> [Int] {
        let n = rows.count
        guard n > 0 else { return rows }
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * n)
        defer { keys.deallocate() }
        var present: [Int] = []
        var missing: [Int] = []
        present.reserveCapacity(n)
        switch column.storage {
        case .numbers(let values):
            values.withUnsafeBufferPointer { values in
                for row in rows {
                    if column.isMissing(row) {
                        missing.append(row)
                    } else {
                        // Adding +0 turns -0 into 0, so the two are one key.
                        let key = RadixOrder.orderedKey(values[row] + 0)
                        keys[present.count] = descending ? ~key : key
                        present.append(row)
                    }
                }
            }
        case .strings(let codes, let dictionary):
            let (ranks, distinct) = TextOrder.ranks(of: dictionary)
            codes.withUnsafeBufferPointer { codes in
                for row in rows {
                    let code = codes[row]
                    if code < 0 {
                        missing.append(row)
                    } else {
                        let rank = UInt64(ranks[Int(code)])
                        keys[present.count] = descending ? UInt64(distinct - 1) - rank : rank
                        present.append(row)
                    }
                }
            }
        }
        let positions = RadixOrder.ascending(keys: keys, count: present.count)
        var ordered = [Int](repeating: 0, count: n)
        present.withUnsafeBufferPointer { present in
            for (i, position) in positions.enumerated() { ordered[i] = present[Int(position)] }
        }
        for (i, row) in missing.enumerated() { ordered[present.count + i] = row }
        return ordered
    }
}

/// The order of labels: Swift's string order, which compares the Unicode scalars of each
/// string's canonical composition (NFC), so "é" typed as one character or as "e" + accent is
/// one label.
enum TextOrder {
    /// For each dictionary entry its rank among the distinct labels (equal labels, equal rank),
    /// and the number of distinct labels.
    static func ranks(of dictionary: [String]) -> (ranks: [Int32], distinct: Int) {
        let sorted = dictionary.indices.sorted { dictionary[$0] < dictionary[$1] }
        var ranks = [Int32](repeating: 0, count: dictionary.count)
        var rank: Int32 = -1
        for (i, index) in sorted.enumerated() {
            if i == 0 || dictionary[sorted[i - 1]] != dictionary[index] { rank += 1 }
            ranks[index] = rank
        }
        return (ranks, Int(rank) + 1)
    }
}

extension DataFrame {
    /// The rows (all of them, or `among`, in the order given) in the order of `keys` (see
    /// `RowOrder` for the rules). An unknown column is an error naming it.
    public func rowOrder(by keys: [SortKey], among rows: [Int]? = nil) throws(PrepError) -> [Int] {
        var columns: [Column] = []
        for key in keys {
            guard let column = column(named: key.column) else { throw PrepError("there is no column '\(key.column)'") }
            columns.append(column)
        }
        var order = rows ?? Array(0..<rowCount)
        for (key, column) in zip(keys, columns).reversed() {
            order = RowOrder.order(order, by: column, descending: key.descending)
        }
        return order
    }

    /// Puts the rows in the order of `keys`. Everything that belongs to a row moves with it:
    /// its cells and its split role (train, validation, test); the table's fitted preparation
    /// learned nothing from the row order and stays as it is. Returns how many rows changed place.
    @discardableResult
    public mutating func sort(by keys: [SortKey]) throws(PrepError) -> Int {
        let order = try rowOrder(by: keys)
        var moved = 0
        for (position, row) in order.enumerated() where position != row { moved += 1 }
        if moved > 0 { self = gatheringRows(order) }
        return moved
    }
}

/// A bit set marking missing cells of one column. One bit per row, packed in 64-bit words,
/// so a million-row column costs 125 KB.
public struct MissingMask: Sendable, Equatable {
    public private(set) var count: Int
    @usableFromInline var words: [UInt64]

    public init(count: Int) {
        self.count = count
        self.words = Array(repeating: 0, count: (count + 63) >> 6)
    }

    public init(_ flags: [Bool]) {
        self.init(count: flags.count)
        for (i, flag) in flags.enumerated() where flag { self[i] = true }
    }

    @inlinable public subscript(row: Int) -> Bool {
        get { (words[row >> 6] >> UInt64(row & 63)) & 1 == 1 }
        set {
            let bit: UInt64 = 1 << UInt64(row & 63)
            if newValue { words[row >> 6] |= bit } else { words[row >> 6] &= ~bit }
        }
    }

    /// Number of missing cells.
    public var missingCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var hasMissing: Bool { words.contains { $0 != 0 } }

    /// The rows marked here and not in `other` (of the same length): with the masks of one
    /// column after and before a step, the cells the step emptied. Rows beyond `other`'s
    /// length count as unmarked there.
    public func subtracting(_ other: MissingMask) -> MissingMask {
        var result = self
        for index in 0..<min(words.count, other.words.count) { result.words[index] &= ~other.words[index] }
        return result
    }

    /// The mask restricted to the given rows, in that order.
    public func gathering(_ rows: [Int]) -> MissingMask {
        var result = MissingMask(count: rows.count)
        guard hasMissing else { return result }
        for (i, row) in rows.enumerated() where self[row] { result[i] = true }
        return result
    }
}

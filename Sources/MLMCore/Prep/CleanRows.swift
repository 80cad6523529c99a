/// `drop duplicates [by a, b]`, `drop rows where ...`, `keep rows where ...`
extension DataFrame {
    /// Removes rows equal to an earlier row on the key columns (all columns for `[]`), keeping
    /// the first, and returns how many were removed. A missing cell equals a missing cell;
    /// 0 and −0 are equal. Rows are compared by hashing their stored numbers and string codes
    /// into an open-addressing table, never by building strings, so the work is O(rows).
    public mutating func dropDuplicates(keys: [String]) throws(PrepError) -> Int {
        let keyColumns = try (keys.isEmpty ? columns : keys.map { name throws(PrepError) in try prepColumn(name) })
            .map(RowKeyColumn.init)
        guard rowCount > 1, !keyColumns.isEmpty else { return 0 }
        let hashes = RowKeyColumn.rowHashes(keyColumns, rowCount: rowCount)
        let duplicate = Self.duplicateFlags(hashes) { first, second in
            keyColumns.allSatisfy { $0.equal(first, second) }
        }
        return dropRows(duplicate)
    }

    /// Removes the rows flagged true and returns how many were removed. Flags beyond the last
    /// row are ignored and rows beyond the last flag are kept, so a short or long list never
    /// fails. Removed rows take their role with them.
    public mutating func dropRows(_ drop: [Bool]) -> Int {
        var keep: [Int] = []
        keep.reserveCapacity(rowCount)
        drop.withUnsafeBufferPointer { flags in
            for row in 0..<rowCount where !(row < flags.count && flags[row]) { keep.append(row) }
        }
        let removed = rowCount - keep.count
        if removed > 0 { self = gatheringRows(keep) }
        return removed
    }

    /// Flags every row whose hash and contents match an earlier row (linear probing over a
    /// table at most half full).
    private static func duplicateFlags(_ hashes: [UInt64], rowsEqual: (Int, Int) -> Bool) -> [Bool] {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slotRow = [Int](repeating: -1, count: capacity)
        var flags = [Bool](repeating: false, count: hashes.count)
        for row in 0..<hashes.count {
            let hash = hashes[row]
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slotRow[slot] >= 0 {
                let earlier = slotRow[slot]
                if hashes[earlier] == hash && rowsEqual(earlier, row) {
                    flags[row] = true
                    break
                }
                slot = (slot + 1) & mask
            }
            if !flags[row] { slotRow[slot] = row }
        }
        return flags
    }
}

/// One key column reduced to what row equality needs: numbers, or codes made canonical so
/// equal texts have equal codes.
private enum RowKeyColumn {
    case numbers([Double])
    case codes([Int32], canonical: [Int32])

    init(_ column: Column) {
        if let values = column.numbers {
            self = .numbers(values)
        } else if let (codes, dictionary) = column.strings {
            self = .codes(codes, canonical: StringCodes.canonical(dictionary))
        } else {
            self = .numbers([])
        }
    }

    /// The 64 bits that stand for a cell: missing and −0 are folded onto one pattern each.
    func bits(_ row: Int) -> UInt64 {
        switch self {
        case .numbers(let values): return Self.numberBits(values[row])
        case .codes(let codes, let canonical): return Self.codeBits(codes[row], canonical)
        }
    }

    func equal(_ first: Int, _ second: Int) -> Bool { bits(first) == bits(second) }

    @inline(__always)
    private static func numberBits(_ value: Double) -> UInt64 {
        if value.isNaN { return 0x7FF8_0000_0000_0000 }
        return value == 0 ? 0 : value.bitPattern
    }

    @inline(__always)
    private static func codeBits(_ code: Int32, _ canonical: UnsafeBufferPointer<Int32>) -> UInt64 {
        code < 0 || Int(code) >= canonical.count ? UInt64.max : UInt64(canonical[Int(code)])
    }

    private static func codeBits(_ code: Int32, _ canonical: [Int32]) -> UInt64 {
        canonical.withUnsafeBufferPointer { codeBits(code, $0) }
    }

    /// One hash per row over all key columns, column by column so each pass reads contiguous
    /// memory.
    static func rowHashes(_ columns: [RowKeyColumn], rowCount: Int) -> [UInt64] {
        var hashes = [UInt64](repeating: 0x243F_6A88_85A3_08D3, count: rowCount)
        hashes.withUnsafeMutableBufferPointer { target in
            for column in columns {
                switch column {
                case .numbers(let values):
                    values.withUnsafeBufferPointer { cells in
                        for row in 0..<min(rowCount, cells.count) {
                            target[row] = mix(target[row] ^ numberBits(cells[row]))
                        }
                    }
                case .codes(let codes, let canonical):
                    codes.withUnsafeBufferPointer { cells in
                        canonical.withUnsafeBufferPointer { table in
                            for row in 0..<min(rowCount, cells.count) {
                                target[row] = mix(target[row] ^ codeBits(cells[row], table))
                            }
                        }
                    }
                }
            }
        }
        return hashes
    }

    /// SplitMix64's finalizer: every input bit affects every output bit.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

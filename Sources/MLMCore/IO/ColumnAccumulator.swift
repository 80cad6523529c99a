/// One column of one chunk during the first pass. A column starts typed: each cell is observed
/// and its value kept. At the first cell no type accepts, it turns into strings for good and is
/// dictionary-encoded from then on. Rows it saw before that are encoded at once when they are
/// all missing or all in the current block; otherwise a later replay encodes them.
struct ColumnAccumulator {
    enum Mode {
        /// Observing and keeping values in `values`.
        case typed
        /// Dictionary-encoding into `interner` and `codes`.
        case strings
        /// A type the caller forced onto a numeric storage: only observed here, parsed in a replay.
        case forcedNumeric
    }

    var mode: Mode
    var evidence: ColumnEvidence
    var values: [Double] = []
    var interner = StringInterner()
    var codes: [Int32] = []
    var filledStrings = 0
    /// Rows before this one were not encoded yet (0: none pending). Strings mode only.
    var pendingStringRows = 0

    init(mode: Mode, commaNumbersPossible: Bool) {
        self.mode = mode
        self.evidence = ColumnEvidence(commaNumbersPossible: commaNumbersPossible)
    }

    mutating func reserve(_ rows: Int) {
        switch mode {
        case .typed: values.reserveCapacity(rows)
        case .strings: codes.reserveCapacity(rows)
        case .forcedNumeric: break
        }
    }

    /// Consumes the column's fields of one block; `firstRow` is the block's first row in the chunk.
    @inline(__always)
    mutating func consume(
        _ fields: UnsafePointer<UInt64>, rows: Int, firstRow: Int, _ source: CellSource, _ scratch: inout BlockScratch
    ) {
        switch mode {
        case .strings:
            intern(fields, from: 0, to: rows, source, &scratch)
        case .forcedNumeric:
            if !evidence.possible.isEmpty { observeOnly(fields, rows: rows, source, &scratch.bytes) }
        case .typed:
            observe(fields, rows: rows, firstRow: firstRow, source, &scratch)
        }
    }

    /// Values go to the block scratch first and join `values` in one copy per block: cheaper
    /// than growing an array cell by cell.
    @inline(__always)
    private mutating func observe(
        _ fields: UnsafePointer<UInt64>, rows: Int, firstRow: Int, _ source: CellSource, _ scratch: inout BlockScratch
    ) {
        let out = scratch.values
        for row in 0..<rows {
            let value = source.withCell(fields[row], &scratch.bytes) { p, count -> Double in
                if CellRules.isMissing(p, count) { return .nan }
                return evidence.observe(p, count, field: fields[row])
            }
            if evidence.possible.isEmpty {
                values.append(contentsOf: UnsafeBufferPointer(start: out, count: row))
                becomeStrings(fields, atRow: row, firstRow: firstRow, source, &scratch)
                intern(fields, from: row, to: rows, source, &scratch)
                return
            }
            out[row] = value
        }
        values.append(contentsOf: UnsafeBufferPointer(start: out, count: rows))
    }

    private mutating func observeOnly(
        _ fields: UnsafePointer<UInt64>, rows: Int, _ source: CellSource, _ scratch: inout [UInt8]
    ) {
        for row in 0..<rows {
            source.withCell(fields[row], &scratch) { p, count in
                if !CellRules.isMissing(p, count) { _ = evidence.observe(p, count, field: fields[row]) }
            }
            if evidence.possible.isEmpty { return }
        }
    }

    /// Switches to strings at block row `row`; encodes what came before when that is cheap.
    private mutating func becomeStrings(
        _ fields: UnsafePointer<UInt64>, atRow row: Int, firstRow: Int, _ source: CellSource, _ scratch: inout BlockScratch
    ) {
        let capacity = values.capacity
        values = []
        mode = .strings
        codes.reserveCapacity(capacity)
        if evidence.nonMissing == 1 {
            codes.append(contentsOf: repeatElement(-1, count: firstRow + row))
        } else if firstRow == 0 {
            intern(fields, from: 0, to: row, source, &scratch)
        } else {
            pendingStringRows = firstRow + row
        }
    }

    /// Encodes rows `start..<end`. A cell equal to the one above reuses its code without
    /// hashing: exports sorted by invoice, customer or date repeat values row after row.
    @inline(__always)
    mutating func intern(
        _ fields: UnsafePointer<UInt64>, from start: Int, to end: Int, _ source: CellSource, _ scratch: inout BlockScratch
    ) {
        guard start < end else { return }
        let out = scratch.codes
        var previous: UInt64 = 1 << 63
        var previousCode: Int32 = -1
        var filled = 0
        for row in start..<end {
            let field = fields[row]
            let code: Int32
            if source.sameUnescapedBytes(field, previous) {
                code = previousCode
            } else {
                code = source.withCell(field, &scratch.bytes) { p, count -> Int32 in
                    if CellRules.isMissing(p, count) { return -1 }
                    return interner.intern(p, count)
                }
            }
            previous = field
            previousCode = code
            if code >= 0 { filled += 1 }
            out[row - start] = code
        }
        filledStrings += filled
        codes.append(contentsOf: UnsafeBufferPointer(start: out, count: end - start))
    }
}

/// Reusable per-chunk buffers for one block: unescaped cell bytes, and one block's worth of
/// values or codes before they join their column.
struct BlockScratch {
    var bytes: [UInt8] = []
    let values: UnsafeMutablePointer<Double>
    let codes: UnsafeMutablePointer<Int32>

    init(rows: Int) {
        values = .allocate(capacity: rows)
        codes = .allocate(capacity: rows)
    }

    func release() {
        values.deallocate()
        codes.deallocate()
    }
}

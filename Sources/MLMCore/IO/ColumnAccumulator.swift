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
        _ fields: UnsafePointer<UInt64>, rows: Int, firstRow: Int, _ source: CellSource, _ scratch: inout [UInt8]
    ) {
        switch mode {
        case .strings:
            intern(fields, from: 0, to: rows, source, &scratch)
        case .forcedNumeric:
            if !evidence.possible.isEmpty { observeOnly(fields, rows: rows, source, &scratch) }
        case .typed:
            observe(fields, rows: rows, firstRow: firstRow, source, &scratch)
        }
    }

    @inline(__always)
    private mutating func observe(
        _ fields: UnsafePointer<UInt64>, rows: Int, firstRow: Int, _ source: CellSource, _ scratch: inout [UInt8]
    ) {
        for row in 0..<rows {
            let value = source.withCell(fields[row], &scratch) { p, count -> Double in
                if CellRules.isMissing(p, count) { return .nan }
                return evidence.observe(p, count)
            }
            if evidence.possible.isEmpty {
                becomeStrings(fields, atRow: row, firstRow: firstRow, source, &scratch)
                intern(fields, from: row, to: rows, source, &scratch)
                return
            }
            values.append(value)
        }
    }

    private mutating func observeOnly(
        _ fields: UnsafePointer<UInt64>, rows: Int, _ source: CellSource, _ scratch: inout [UInt8]
    ) {
        for row in 0..<rows {
            source.withCell(fields[row], &scratch) { p, count in
                if !CellRules.isMissing(p, count) { _ = evidence.observe(p, count) }
            }
            if evidence.possible.isEmpty { return }
        }
    }

    /// Switches to strings at block row `row`; encodes what came before when that is cheap.
    private mutating func becomeStrings(
        _ fields: UnsafePointer<UInt64>, atRow row: Int, firstRow: Int, _ source: CellSource, _ scratch: inout [UInt8]
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
        _ fields: UnsafePointer<UInt64>, from start: Int, to end: Int, _ source: CellSource, _ scratch: inout [UInt8]
    ) {
        var previous: UInt64 = 1 << 63
        var previousCode: Int32 = -1
        for row in start..<end {
            let field = fields[row]
            let code: Int32
            if source.sameUnescapedBytes(field, previous) {
                code = previousCode
            } else {
                code = source.withCell(field, &scratch) { p, count -> Int32 in
                    if CellRules.isMissing(p, count) { return -1 }
                    return interner.intern(p, count)
                }
            }
            previous = field
            previousCode = code
            if code >= 0 { filledStrings += 1 }
            codes.append(code)
        }
    }
}

/// Field references of up to `rowsPerBlock` rows, laid out column by column, so a column pass
/// reads one column of the block contiguously while the block's bytes are still in cache. One
/// buffer is reused for every block of a chunk: fields are never stored for the whole file.
enum TokenBlock {
    static let rowsPerBlock = 1024

    @inline(__always) static func index(column: Int, row: Int) -> Int { column &* rowsPerBlock &+ row }

    static func makeBuffer(columnCount: Int) -> [UInt64] {
        [UInt64](repeating: 0, count: rowsPerBlock * max(columnCount, 1))
    }
}

/// Side results of tokenizing: rows skipped, and why tokenizing stopped early.
struct TokenLog {
    var skippedCount = 0
    /// Record starts of the first skipped rows (at most 10).
    var skippedRecordStarts: [Int] = []
    var failure: TokenFailure?
}

/// Splits records into fields for a table whose column count the header fixed.
struct ChunkTokenizer {
    let scanner: FieldScanner
    let columnCount: Int
    let skipBadRows: Bool

    /// Fills one block with the records starting at `position` (and before `limit`; the last may
    /// run past it); returns how many rows it holds and moves `position` past them.
    /// Deterministic, so a block can be replayed from its start position.
    func fillBlock(
        _ block: UnsafeMutableBufferPointer<UInt64>, position: inout Int, limit: Int, log: inout TokenLog
    ) -> Int {
        guard let out = block.baseAddress else { return 0 }
        var row = 0
        while row < TokenBlock.rowsPerBlock && position < limit {
            let recordStart = position
            var fieldCount = 0
            var lastWasBlank = false
            var q = position
            while true {
                guard let scanned = scanner.scan(at: q) else {
                    log.failure = scanner.failure(at: q)
                    return row
                }
                if fieldCount < columnCount {
                    out[TokenBlock.index(column: fieldCount, row: row)] = scanned.field
                }
                fieldCount += 1
                lastWasBlank = scanned.isBlank
                q = scanned.next
                if scanned.stop != .delimiter { break }
            }
            position = q
            if fieldCount == 1 && lastWasBlank { continue }
            if fieldCount == columnCount {
                row += 1
                continue
            }
            if !skipBadRows {
                log.failure = .ragged(recordStart: recordStart, fields: fieldCount)
                return row
            }
            log.skippedCount += 1
            if log.skippedRecordStarts.count < 10 { log.skippedRecordStarts.append(recordStart) }
        }
        return row
    }

    /// The fields of the first record (the header) and where the next record starts.
    static func header(scanner: FieldScanner, from start: Int) -> Result<(fields: [UInt64], next: Int), TokenFailure> {
        var fields: [UInt64] = []
        var q = start
        while true {
            guard let scanned = scanner.scan(at: q) else { return .failure(scanner.failure(at: q)) }
            fields.append(scanned.field)
            q = scanned.next
            if scanned.stop != .delimiter { return .success((fields, q)) }
        }
    }
}

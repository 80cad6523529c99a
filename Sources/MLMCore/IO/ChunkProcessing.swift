/// Everything the first pass learned about one chunk of rows.
struct ChunkResult {
    var start: Int
    var limit: Int
    /// The record boundary where the pass stopped (at or after `limit`).
    var end: Int
    var rowCount = 0
    /// Where each block's first record starts, so blocks can be replayed without storing fields.
    var blockStarts: [Int] = []
    var log = TokenLog()
    var columns: [ColumnAccumulator]
}

/// The first pass over a byte range: tokenizes a block, then hands each column's fields to its
/// accumulator while the block's bytes are hot in cache. This is the only pass for most files.
struct ChunkProcessing {
    let tokenizer: ChunkTokenizer
    let source: CellSource
    let initialModes: [ColumnAccumulator.Mode]
    let commaNumbersPossible: Bool
    /// Bytes of data rows in the file: the first chunk makes room for the whole table's rows, so
    /// the other chunks' values can be appended to it without reallocating.
    let dataBytes: Int

    func process(from start: Int, limit: Int, isFirst: Bool) -> ChunkResult {
        var result = ChunkResult(start: start, limit: limit, end: start, columns: initialModes.map {
            ColumnAccumulator(mode: $0, commaNumbersPossible: commaNumbersPossible)
        })
        var buffer = tokenizer.makeBlock()
        var scratch = BlockScratch(rows: tokenizer.blockRows)
        defer { scratch.release() }
        var position = start
        while position < limit && result.log.failure == nil {
            let blockStart = position
            let rows = buffer.withUnsafeMutableBufferPointer { block in
                tokenizer.fillBlock(block, position: &position, limit: limit, log: &result.log)
            }
            if rows == 0 || result.log.failure != nil { break }
            if result.blockStarts.isEmpty {
                reserve(&result, rows: rows, bytes: position - blockStart, isFirst: isFirst)
            }
            result.blockStarts.append(blockStart)
            buffer.withUnsafeBufferPointer { block in
                guard let fields = block.baseAddress else { return }
                for column in result.columns.indices {
                    result.columns[column].consume(fields + column * tokenizer.blockRows, rows: rows,
                                                   firstRow: result.rowCount, source, &scratch)
                }
            }
            result.rowCount += rows
        }
        result.end = position
        return result
    }

    /// Reserves room for the rows the chunk (or, for the first chunk, the table) will likely
    /// have. Only touched memory costs anything, so the estimate errs on the large side.
    private func reserve(_ result: inout ChunkResult, rows: Int, bytes: Int, isFirst: Bool) {
        let bytesPerRow = max(1, bytes / max(rows, 1))
        let span = isFirst ? dataBytes : result.limit - result.start
        let estimate = span / bytesPerRow + span / bytesPerRow / 4 + tokenizer.blockRows
        for column in result.columns.indices { result.columns[column].reserve(estimate) }
    }

    /// Re-tokenizes the chunk's blocks holding rows `0..<rowLimit` and hands each to `body`
    /// with its first row. Replays give exactly the blocks of the first pass.
    func replay(_ chunk: ChunkResult, rowLimit: Int, _ body: (UnsafePointer<UInt64>, Int, Int) -> Void) {
        var buffer = tokenizer.makeBlock()
        var log = TokenLog()
        var firstRow = 0
        for blockStart in chunk.blockStarts where firstRow < rowLimit {
            var position = blockStart
            let rows = buffer.withUnsafeMutableBufferPointer { block in
                tokenizer.fillBlock(block, position: &position, limit: chunk.limit, log: &log)
            }
            buffer.withUnsafeBufferPointer { block in
                guard let fields = block.baseAddress else { return }
                body(fields, rows, firstRow)
            }
            firstRow += rows
        }
    }
}

/// Side results of tokenizing: rows skipped, and why tokenizing stopped early.
struct TokenLog {
    var skippedCount = 0
    /// Record starts of the first skipped rows (at most 10).
    var skippedRecordStarts: [Int] = []
    var failure: TokenFailure?
}

/// Splits records into fields for a table whose column count the header fixed, a block of rows
/// at a time. A block holds field references column by column (`column * blockRows + row`), so
/// a column pass reads one column of the block contiguously while the block's bytes are still
/// in cache; one block buffer is reused for a whole chunk, so fields are never stored for the
/// whole file.
struct ChunkTokenizer {
    let scanner: FieldScanner
    let columnCount: Int
    let skipBadRows: Bool
    /// Rows per block: about 128 K fields (1 MB), enough to amortize the per-block work and
    /// small enough for the block and its bytes to stay in the L2 cache; fewer for wide files.
    let blockRows: Int

    init(scanner: FieldScanner, columnCount: Int, skipBadRows: Bool) {
        self.scanner = scanner
        self.columnCount = columnCount
        self.skipBadRows = skipBadRows
        blockRows = max(16, min(1024, (1 << 17) / max(columnCount, 1)))
    }

    func makeBlock() -> [UInt64] {
        [UInt64](repeating: 0, count: blockRows * max(columnCount, 1))
    }

    /// Fills one block with the records starting at `position` (and before `limit`; the last may
    /// run past it); returns how many rows it holds and moves `position` past them.
    /// Deterministic, so a block can be replayed from its start position.
    func fillBlock(
        _ block: UnsafeMutableBufferPointer<UInt64>, position: inout Int, limit: Int, log: inout TokenLog
    ) -> Int {
        guard let out = block.baseAddress else { return 0 }
        var row = 0
        while row < blockRows && position < limit {
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
                    out[fieldCount &* blockRows &+ row] = scanned.field
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

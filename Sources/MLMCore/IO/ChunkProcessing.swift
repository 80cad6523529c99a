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
        var buffer = TokenBlock.makeBuffer(columnCount: tokenizer.columnCount)
        var scratch = BlockScratch()
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
                    result.columns[column].consume(fields + TokenBlock.index(column: column, row: 0), rows: rows,
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
        let estimate = span / bytesPerRow + span / bytesPerRow / 4 + TokenBlock.rowsPerBlock
        for column in result.columns.indices { result.columns[column].reserve(estimate) }
    }

    /// Re-tokenizes the chunk's blocks holding rows `0..<rowLimit` and hands each to `body`
    /// with its first row. Replays give exactly the blocks of the first pass.
    func replay(_ chunk: ChunkResult, rowLimit: Int, _ body: (UnsafePointer<UInt64>, Int, Int) -> Void) {
        var buffer = TokenBlock.makeBuffer(columnCount: tokenizer.columnCount)
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

/// A column of one chunk as the second pass rebuilt it.
struct ColumnRedo {
    var column: Int
    var values: [Double] = []
    var interner = StringInterner()
    var codes: [Int32] = []
    var filledStrings = 0
}

/// The second pass, only for what the first could not finish once the whole file's evidence is
/// known: columns that turned out to be strings here but were typed in this chunk, strings
/// whose earlier rows were left pending, decimal-comma numbers, day-first dates, forced types.
/// Replays the needed blocks once for all such columns.
struct ChunkCompletion {
    let processing: ChunkProcessing
    let plans: [ColumnPlan]

    enum Need {
        case none
        case allMissing
        case stringsFromStart
        case pendingStrings(rows: Int)
        case parse
    }

    func need(_ accumulator: ColumnAccumulator, _ plan: ColumnPlan) -> Need {
        if ColumnPlan.storesStrings(plan) {
            if accumulator.mode != .strings {
                return accumulator.evidence.nonMissing == 0 ? .allMissing : .stringsFromStart
            }
            return accumulator.pendingStringRows > 0 ? .pendingStrings(rows: accumulator.pendingStringRows) : .none
        }
        switch plan {
        case .commaNumbers, .dates(monthFirst: false), .forced, .formattedDates: return .parse
        default: return .none
        }
    }

    func run(_ chunk: ChunkResult) -> Result<[ColumnRedo], ForcedTypeFailure> {
        let needs = chunk.columns.indices.map { need(chunk.columns[$0], plans[$0]) }
        var (redos, rowLimit) = startRedos(needs, rowCount: chunk.rowCount)
        var failure: ForcedTypeFailure?
        if rowLimit > 0 {
            var scratch: [UInt8] = []
            processing.replay(chunk, rowLimit: rowLimit) { fields, rows, firstRow in
                redoBlock(fields, rows: rows, firstRow: firstRow, needs, &redos, &scratch, &failure)
            }
        }
        if let failure { return .failure(failure) }
        return .success(redos.keys.sorted().compactMap { column in
            finish(redos[column], need: needs[column], accumulator: chunk.columns[column])
        })
    }

    /// An empty redo per column that needs one, and how many rows the replay must cover.
    private func startRedos(_ needs: [Need], rowCount: Int) -> ([Int: ColumnRedo], Int) {
        var redos: [Int: ColumnRedo] = [:]
        var rowLimit = 0
        for (column, need) in needs.enumerated() {
            switch need {
            case .none:
                continue
            case .allMissing:
                redos[column] = ColumnRedo(column: column, codes: Array(repeating: -1, count: rowCount))
                continue
            case .pendingStrings(let rows):
                rowLimit = max(rowLimit, rows)
            case .stringsFromStart, .parse:
                rowLimit = rowCount
            }
            redos[column] = ColumnRedo(column: column)
        }
        return (redos, rowLimit)
    }

    /// Redoes every needing column for one replayed block; adds the cells a forced type rejects
    /// to `failure` (every block is still replayed, so the message can count them all).
    private func redoBlock(
        _ fields: UnsafePointer<UInt64>, rows: Int, firstRow: Int, _ needs: [Need],
        _ redos: inout [Int: ColumnRedo], _ scratch: inout [UInt8], _ failure: inout ForcedTypeFailure?
    ) {
        for (column, need) in needs.enumerated() {
            let columnFields = fields + column * processing.tokenizer.blockRows
            switch need {
            case .none, .allMissing:
                continue
            case .stringsFromStart:
                intern(&redos[column], columnFields, count: rows, &scratch)
            case .pendingStrings(let pending):
                intern(&redos[column], columnFields, count: min(rows, max(0, pending - firstRow)), &scratch)
            case .parse:
                let bad = parse(&redos[column], plans[column], columnFields, rows: rows, &scratch)
                guard bad.count > 0 else { continue }
                if failure == nil { failure = ForcedTypeFailure(column: column, fields: [], count: 0) }
                failure?.merge(ForcedTypeFailure(column: column, fields: Array(bad.fields), count: bad.count))
            }
        }
    }

    private func intern(_ redo: inout ColumnRedo?, _ fields: UnsafePointer<UInt64>, count: Int, _ scratch: inout [UInt8]) {
        guard var current = redo else { return }
        redo = nil
        for row in 0..<count {
            let code = processing.source.withCell(fields[row], &scratch) { p, length -> Int32 in
                if CellRules.isMissing(p, length) { return -1 }
                return current.interner.intern(p, length)
            }
            if code >= 0 { current.filledStrings += 1 }
            current.codes.append(code)
        }
        redo = current
    }

    /// Appends the block's parsed values; returns how many cells a forced type rejects and the
    /// first (at most 5) of them.
    private func parse(
        _ redo: inout ColumnRedo?, _ plan: ColumnPlan, _ fields: UnsafePointer<UInt64>, rows: Int, _ scratch: inout [UInt8]
    ) -> (count: Int, fields: [UInt64]) {
        guard var current = redo else { return (0, []) }
        redo = nil
        defer { redo = current }
        var bad: (count: Int, fields: [UInt64]) = (0, [])
        for row in 0..<rows {
            let value = processing.source.withCell(fields[row], &scratch) { p, count -> Double? in
                if CellRules.isMissing(p, count) { return .nan }
                return ColumnPlan.parse(plan, p, count)
            }
            guard let value else {
                bad.count += 1
                if bad.fields.count < 5 { bad.fields.append(fields[row]) }
                current.values.append(.nan)
                continue
            }
            current.values.append(value)
        }
        return bad
    }

    /// A pending prefix goes first, then the strings the first pass already encoded.
    private func finish(_ redo: ColumnRedo?, need: Need, accumulator: ColumnAccumulator) -> ColumnRedo? {
        guard var redo else { return nil }
        guard case .pendingStrings = need else { return redo }
        let remap = redo.interner.absorb(accumulator.interner)
        redo.codes.reserveCapacity(redo.codes.count + accumulator.codes.count)
        for code in accumulator.codes { redo.codes.append(code < 0 ? -1 : remap[Int(code)]) }
        redo.filledStrings += accumulator.filledStrings
        return redo
    }
}

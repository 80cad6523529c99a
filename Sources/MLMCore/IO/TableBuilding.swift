/// Turns the first pass's chunks into typed columns: merges the evidence, decides each column's
/// plan, runs the second pass where one is needed, then joins the chunks column by column.
struct TableBuilding {
    let processing: ChunkProcessing
    let forced: [Int: ColumnType]
    let formats: [Int: DateFormat]
    let evidence: [ColumnEvidence]

    init(processing: ChunkProcessing, forced: [Int: ColumnType], formats: [Int: DateFormat], chunks: [ChunkResult],
         columnCount: Int) {
        self.processing = processing
        self.forced = forced
        self.formats = formats
        var merged = chunks.first?.columns.map(\.evidence)
            ?? Array(repeating: ColumnEvidence(commaNumbersPossible: false), count: columnCount)
        for chunk in chunks.dropFirst() {
            for column in merged.indices { merged[column].merge(chunk.columns[column].evidence) }
        }
        evidence = merged
    }

    /// More columns read as German numbers than as dot decimals. Columns forced to a string
    /// type are not observed, so they do not vote.
    var votesForDecimalComma: Bool {
        var comma = 0
        var point = 0
        for item in evidence {
            if item.votesForDecimalComma { comma += 1 }
            if item.votesForDecimalPoint { point += 1 }
        }
        return comma > point
    }

    func plans(decimalComma: Bool) -> [ColumnPlan] {
        evidence.indices.map { column in
            if let format = formats[column], forced[column] == .date { return .formattedDates(format) }
            if let type = forced[column] {
                return .forced(type, monthFirst: evidence[column].dateOrder.decision.monthFirst, decimalComma: decimalComma)
            }
            return ColumnPlan.infer(from: evidence[column], decimalComma: decimalComma)
        }
    }

    /// Consumes the chunks: their arrays move into the columns, so nothing is copied twice.
    func build(_ chunks: inout [ChunkResult], names: [String], plans: [ColumnPlan]) -> Result<[Column], ForcedTypeFailure> {
        let completion = ChunkCompletion(processing: processing, plans: plans)
        var outcomes = Parallel.map(chunks.count) { [chunks] in completion.run(chunks[$0]) }
        var failure: ForcedTypeFailure?
        for outcome in outcomes {
            guard case .failure(let found) = outcome else { continue }
            if failure == nil { failure = ForcedTypeFailure(column: found.column, fields: [], count: 0) }
            failure?.merge(found)
        }
        if let failure { return .failure(failure) }
        for k in outcomes.indices {
            guard case .success(var redos) = outcomes[k] else { continue }
            outcomes[k] = .success([])
            for index in redos.indices { apply(&redos[index], to: &chunks[k].columns[redos[index].column]) }
        }
        let boxes = names.indices.map { column in
            ColumnParts(chunks.indices.map { k in ColumnParts.take(&chunks[k].columns[column]) })
        }
        chunks = []
        return .success(Parallel.map(names.count) { column in
            boxes[column].build(name: names[column], plan: plans[column], forced: forced[column])
        })
    }

    /// Moves (not copies) the redone arrays into the accumulator.
    private func apply(_ redo: inout ColumnRedo, to accumulator: inout ColumnAccumulator) {
        swap(&accumulator.values, &redo.values)
        swap(&accumulator.interner, &redo.interner)
        swap(&accumulator.codes, &redo.codes)
        accumulator.filledStrings = redo.filledStrings
        accumulator.pendingStringRows = 0
    }
}

/// One column's pieces from every chunk, handed to one worker that joins them.
final class ColumnParts: @unchecked Sendable {
    private var parts: [ColumnAccumulator]

    init(_ parts: [ColumnAccumulator]) { self.parts = parts }

    /// Moves an accumulator out, so joining appends in place instead of copying.
    static func take(_ accumulator: inout ColumnAccumulator) -> ColumnAccumulator {
        var taken = ColumnAccumulator(mode: accumulator.mode, commaNumbersPossible: false)
        swap(&taken, &accumulator)
        return taken
    }

    func build(name: String, plan: ColumnPlan, forced: ColumnType?) -> Column {
        var pieces: [ColumnAccumulator] = []
        swap(&pieces, &parts)
        if ColumnPlan.storesStrings(plan) { return strings(&pieces, name: name, forced: forced) }
        var values: [Double] = []
        for index in pieces.indices {
            if index == 0 { swap(&values, &pieces[0].values) } else { values.append(contentsOf: pieces[index].values) }
        }
        return Column(name: name, type: plan.numericType, numbers: values)
    }

    /// Merges the chunks' dictionaries into the first one, renumbering the later chunks' codes.
    private func strings(_ pieces: inout [ColumnAccumulator], name: String, forced: ColumnType?) -> Column {
        guard !pieces.isEmpty else { return Column(name: name, type: forced ?? .text, codes: [], dictionary: []) }
        var interner = StringInterner()
        var codes: [Int32] = []
        swap(&interner, &pieces[0].interner)
        swap(&codes, &pieces[0].codes)
        var filled = pieces[0].filledStrings
        for index in pieces.indices.dropFirst() {
            let remap = interner.absorb(pieces[index].interner)
            codes.reserveCapacity(codes.count + pieces[index].codes.count)
            for code in pieces[index].codes { codes.append(code < 0 ? -1 : remap[Int(code)]) }
            filled += pieces[index].filledStrings
        }
        let type = forced ?? CategoryRule.type(distinct: interner.count, filled: filled)
        return Column(name: name, type: type, codes: codes, dictionary: interner.strings())
    }
}

/// One read of decoded bytes into a table: header, tokenizing on all cores, typing, building
/// columns. Stages live in their own files; this one sequences them and words the errors.
struct TableReading {
    let base: UnsafePointer<UInt8>
    let end: Int
    let start: Int
    let options: CSVReadOptions

    func run() throws(CSVError) -> (DataFrame, CSVReadReport) {
        let delimiter = options.delimiter ?? DelimiterDetection.detect(base, from: start, to: end)
        let scanner = FieldScanner(base: base, end: end, delimiter: delimiter)
        let contentStart = scanner.skipBlankLines(from: start)
        guard contentStart < end else { throw CSVError(message: "the file is empty") }
        let (names, renamed, dataStart) = try readHeader(scanner, from: contentStart)
        let forced = try forcedTypes(names)

        let decimalCommaCandidate = delimiter == ASCII.semicolon || delimiter == ASCII.tab
        let processing = ChunkProcessing(
            tokenizer: ChunkTokenizer(scanner: scanner, columnCount: names.count, skipBadRows: options.skipBadRows),
            source: CellSource(base: base),
            initialModes: names.indices.map { initialMode(forced[$0]) },
            commaNumbersPossible: options.decimalComma ?? decimalCommaCandidate,
            dataBytes: end - dataStart)
        let chunks = ParallelChunks.process(processing, from: dataStart, workers: Parallel.coreCount)
        if let failure = chunks.last?.log.failure { throw error(for: failure, columnCount: names.count) }

        let building = TableBuilding(processing: processing, forced: forced, chunks: chunks, columnCount: names.count)
        let decimalComma = options.decimalComma ?? (decimalCommaCandidate && building.votesForDecimalComma)
        let columns: [Column]
        switch building.build(chunks, names: names, plans: building.plans(decimalComma: decimalComma)) {
        case .failure(let failure): throw error(for: failure, names: names, forced: forced)
        case .success(let built): columns = built
        }

        let skippedStarts = chunks.flatMap(\.log.skippedRecordStarts).prefix(10)
        let report = CSVReadReport(
            delimiter: delimiter, decimalComma: decimalComma, encoding: .utf8, hadByteOrderMark: false,
            skippedRows: chunks.reduce(0) { $0 + $1.log.skippedCount },
            skippedLines: LineNumbers(base: base, end: end).lines(at: Array(skippedStarts)),
            renamedHeaders: renamed)
        return (DataFrame(columns: columns), report)
    }

    private func initialMode(_ forced: ColumnType?) -> ColumnAccumulator.Mode {
        guard let forced else { return .typed }
        return forced.isString ? .strings : .forcedNumeric
    }

    private func readHeader(
        _ scanner: FieldScanner, from position: Int
    ) throws(CSVError) -> ([String], [(original: String, new: String)], Int) {
        switch ChunkTokenizer.header(scanner: scanner, from: position) {
        case .failure(let failure):
            throw error(for: failure, columnCount: 0)
        case .success(let header):
            let source = CellSource(base: base)
            let cleaned = HeaderNames.clean(header.fields.map { source.text(of: $0) })
            return (cleaned.names, cleaned.renamed, header.next)
        }
    }

    /// Column index → forced type; every named column must exist.
    private func forcedTypes(_ names: [String]) throws(CSVError) -> [Int: ColumnType] {
        var forced: [Int: ColumnType] = [:]
        for (name, type) in options.columnTypes.sorted(by: { $0.key < $1.key }) {
            guard let index = names.firstIndex(of: name) else {
                let list = names.prefix(20).map { "'\($0)'" }.joined(separator: ", ")
                throw CSVError(message: "the file has no column '\(name)' (its columns are \(list))")
            }
            forced[index] = type
        }
        return forced
    }

    private func error(for failure: TokenFailure, columnCount: Int) -> CSVError {
        let lines = LineNumbers(base: base, end: end)
        switch failure {
        case .ragged(let recordStart, let fields):
            let line = lines.line(at: recordStart)
            let found = fields == 1 ? "1 field" : "\(fields) fields"
            return CSVError(
                message: "line \(line) has \(found) but the header has \(columnCount) (check for an unquoted delimiter or a missing quote)",
                line: line)
        case .unterminatedQuote(let at):
            let line = lines.line(at: at)
            return CSVError(message: "a quote opened on line \(line) is never closed (check for a missing '\"')",
                            line: line)
        case .fieldTooLong(let at):
            let line = lines.line(at: at)
            return CSVError(message: "line \(line) has a field longer than 16 MB (check for a missing quote)", line: line)
        }
    }

    private func error(for failure: ForcedTypeFailure, names: [String], forced: [Int: ColumnType]) -> CSVError {
        let line = LineNumbers(base: base, end: end).line(at: FieldRef.start(failure.field))
        let text = CellSource(base: base).text(of: failure.field)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let expected: String
        switch forced[failure.column] ?? .text {
        case .integer: expected = "whole numbers"
        case .number: expected = "numbers"
        case .boolean: expected = "true/false values"
        case .date: expected = "dates"
        case .category, .text: expected = "text"
        }
        let name = failure.column < names.count ? names[failure.column] : "?"
        return CSVError(message: "column '\(name)' should hold \(expected) but line \(line) has '\(shown)'", line: line)
    }
}

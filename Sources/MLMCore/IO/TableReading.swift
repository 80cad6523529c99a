/// One read of decoded bytes into a table: header, tokenizing on all cores, typing, building
/// columns. Stages live in their own files; this one sequences them and words the errors.
struct TableReading {
    /// Far beyond any real table; bounds the memory a malformed header can ask for.
    static let maxColumns = 100_000

    let base: UnsafePointer<UInt8>
    let end: Int
    let start: Int
    let options: CSVReadOptions

    func run() throws(CSVError) -> (DataFrame, CSVReadReport) {
        guard end <= FieldRef.maxStart else { throw CSVError(message: "the file is too large to read (over 512 GB)") }
        let separator = options.separator ?? DelimiterDetection.detect(base, from: start, to: end)
        let scanner = FieldScanner(base: base, end: end, separator: separator)
        let contentStart = scanner.skipBlankLines(from: start)
        guard contentStart < end else { throw CSVError(message: "the file is empty") }
        let (names, renamed, dataStart) = try readHeader(scanner, from: contentStart)
        if options.separator == nil, names.count == 1, let trap = SingleColumnTrap.problem(name: names[0], base, from: contentStart, to: end) {
            throw trap
        }
        let forced = forcedTypes(names)

        let decimalCommaCandidate = [.character(ASCII.semicolon), .character(ASCII.tab), .whitespace].contains(separator)
        let processing = ChunkProcessing(
            tokenizer: ChunkTokenizer(scanner: scanner, columnCount: names.count, skipBadRows: options.skipBadRows),
            source: CellSource(base: base),
            initialModes: names.indices.map { initialMode(forced[$0]) },
            commaNumbersPossible: options.decimalComma ?? decimalCommaCandidate,
            dataBytes: end - dataStart)
        var chunks = ParallelChunks.process(processing, from: dataStart, workers: Parallel.coreCount)
        if let failure = chunks.last?.log.failure {
            throw error(for: failure, columnCount: names.count, separator: separator)
        }
        // Ctrl-C in the REPL: checked once the chunks are tokenized and once the columns are built.
        try throwIfCancelled()

        let formats = options.dateFormats.reduce(into: [Int: DateFormat]()) { found, entry in
            if let index = names.firstIndex(of: entry.key) { found[index] = entry.value }
        }
        let building = TableBuilding(processing: processing, forced: forced, formats: formats, chunks: chunks,
                                     columnCount: names.count)
        let decimalComma = options.decimalComma ?? (decimalCommaCandidate && building.votesForDecimalComma)
        let plans = building.plans(decimalComma: decimalComma)
        let dateOrders = dateOrderNotes(building.evidence, plans: plans, names: names)
        if let mixed = dateOrders.first(where: { $0.decision == .mixed && forced[names.firstIndex(of: $0.column) ?? -1] == .date }) {
            throw CSVError(message: DateOrderWording.mixed(mixed, stays: false, fix: DateOrderWording.loadFix(mixed.column)),
                           line: mixed.examples.last?.line ?? nil)
        }
        let skippedStarts = chunks.flatMap(\.log.skippedRecordStarts).prefix(10)
        let skippedRows = chunks.reduce(0) { $0 + $1.log.skippedCount }
        let columns: [Column]
        switch building.build(&chunks, names: names, plans: plans) {
        case .failure(let failure): throw error(for: failure, names: names, forced: forced)
        case .success(let built): columns = built
        }
        try throwIfCancelled()

        var report = CSVReadReport(
            separator: separator, decimalComma: decimalComma, encoding: .utf8, hadByteOrderMark: false,
            skippedRows: skippedRows, skippedLines: LineNumbers(base: base, end: end).lines(at: Array(skippedStarts)),
            renamedHeaders: renamed)
        report.dateOrders = dateOrders
        report.compactDateColumns = columns.filter(Self.looksLikeCompactDates).map(\.name)
        return (DataFrame(columns: columns), report)
    }

    /// The columns read as numeric day/month dates whose order mattered, and those that stayed
    /// text because their values disagree on it.
    private func dateOrderNotes(_ evidence: [ColumnEvidence], plans: [ColumnPlan], names: [String]) -> [DateOrderNote] {
        let source = CellSource(base: base)
        let lines = LineNumbers(base: base, end: end)
        var notes: [DateOrderNote] = []
        for (column, plan) in plans.enumerated() {
            let order = evidence[column].dateOrder
            let decision = order.decision
            let relevant: Bool
            switch plan {
            case .dates, .forced(.date, _, _): relevant = decision != .notNeeded
            case .strings: relevant = decision == .mixed && evidence[column].possible.contains(.date)
            default: relevant = false
            }
            guard relevant else { continue }
            let fields: [UInt64?]
            switch decision {
            case .mixed: fields = [order.dayFirstOnly, order.monthFirstOnly]
            case .settled(let monthFirst): fields = [monthFirst ? order.monthFirstOnly : order.dayFirstOnly]
            case .byDefault, .notNeeded: fields = [order.differing]
            }
            let present = fields.compactMap { $0 }
            let numbers = lines.lines(at: present.map { FieldRef.start($0) })
            let examples = zip(present, numbers).map { DateExample(line: $1, text: source.text(of: $0)) }
            let monthFirst = decision == .mixed ? false : decision.monthFirst
            notes.append(DateOrderNote(column: names[column], decision: decision,
                                       chosen: order.pattern(monthFirst: monthFirst), other: order.pattern(monthFirst: !monthFirst),
                                       examples: examples))
        }
        return notes
    }

    /// An integer column of yyyymmdd dates: every present value a real date from 1900 to 2100.
    static func looksLikeCompactDates(_ column: Column) -> Bool {
        guard column.type == .integer, let values = column.numbers else { return false }
        var present = 0
        for value in values where !value.isNaN {
            guard value >= 19_000_101, value <= 21_001_231 else { return false }
            let whole = Int(value)
            guard CivilDate(year: whole / 10_000, month: whole / 100 % 100, day: whole % 100).isValid else { return false }
            present += 1
        }
        return present > 0
    }

    private func throwIfCancelled() throws(CSVError) {
        if Cancellation.isRequested { throw CSVError(message: Cancellation.message) }
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
            throw error(for: failure, columnCount: 0, separator: .character(ASCII.comma))
        case .success(let header):
            guard header.fields.count <= TableReading.maxColumns else {
                throw CSVError(message: "the header has \(ValueText.grouped(header.fields.count)) columns; at most \(ValueText.grouped(TableReading.maxColumns)) "
                    + "are supported (check that the delimiter is right)", line: 1)
            }
            let source = CellSource(base: base)
            let cleaned = HeaderNames.clean(header.fields.map { source.text(of: $0) })
            return (cleaned.names, cleaned.renamed, header.next)
        }
    }

    /// Column index → forced type. Names that are not columns are ignored: the caller knows
    /// where the user wrote them and can suggest the closest column.
    private func forcedTypes(_ names: [String]) -> [Int: ColumnType] {
        var forced: [Int: ColumnType] = [:]
        for (name, type) in options.columnTypes {
            if let index = names.firstIndex(of: name) { forced[index] = type }
        }
        return forced
    }

    private func error(for failure: TokenFailure, columnCount: Int, separator: FieldSeparator) -> CSVError {
        let lines = LineNumbers(base: base, end: end)
        switch failure {
        case .ragged(let recordStart, let fields):
            let line = lines.line(at: recordStart)
            let found = ValueText.counted(fields, "field")
            let check = separator == .whitespace
                ? "columns are separated by runs of spaces, so an empty cell must be written NA and a value with spaces quoted"
                : "check for an unquoted delimiter or a missing quote"
            return CSVError(message: "line \(line) has \(found) but the header has \(ValueText.grouped(columnCount)) (\(check))",
                            line: line, kind: .ragged)
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
        let lines = LineNumbers(base: base, end: end).lines(at: failure.fields.map { FieldRef.start($0) })
        let cells = zip(lines, failure.fields).map { line, field -> String in
            let text = CellSource(base: base).text(of: field)
            return "line \(line) has '\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
        let expected: String
        switch forced[failure.column] ?? .text {
        case .integer: expected = "whole numbers"
        case .number: expected = "numbers"
        case .boolean: expected = "true/false values"
        case .date:
            let format = failure.column < names.count ? options.dateFormats[names[failure.column]] : nil
            expected = format.map { "dates written \"\($0.text)\"" } ?? "dates"
        case .category, .text: expected = "text"
        }
        let name = failure.column < names.count ? names[failure.column] : "?"
        let more = failure.count > cells.count ? ", and \(failure.count - cells.count) more" : ""
        let found = failure.count == 1 ? cells.joined() : "\(failure.count) cells do not: " + cells.joined(separator: ", ") + more
        return CSVError(message: "column '\(name)' should hold \(expected) but \(found)", line: lines.first, kind: .typeMismatch)
    }
}

/// Turns a header row into usable, unique column names.
enum HeaderNames {
    /// Trims names; an empty name becomes `column_<position>` (1-based) and a repeated one
    /// `name_2`, `name_3`, ... skipping suffixes already used by another column. Every change is
    /// returned so the user can be told.
    static func clean(_ raw: [String]) -> (names: [String], renamed: [(original: String, new: String)]) {
        let trimmed = raw.enumerated().map { position, name -> String in
            let cut = trim(name)
            return cut.isEmpty ? "column_\(position + 1)" : cut
        }
        var taken = Set(trimmed)
        var seen = Set<String>()
        // The next suffix to try per name, so a thousand repeats of one name stay linear.
        var nextSuffix: [String: Int] = [:]
        var names: [String] = []
        var renamed: [(original: String, new: String)] = []
        for (position, name) in trimmed.enumerated() {
            var final = name
            if seen.contains(name) {
                var suffix = nextSuffix[name] ?? 2
                while taken.contains("\(name)_\(suffix)") { suffix += 1 }
                nextSuffix[name] = suffix + 1
                final = "\(name)_\(suffix)"
                taken.insert(final)
            }
            seen.insert(final)
            names.append(final)
            if final != raw[position] && final != trim(raw[position]) {
                renamed.append((original: raw[position], new: final))
            }
        }
        return (names, renamed)
    }

    private static func trim(_ name: String) -> String {
        var scalars = Substring(name)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

/// Turns byte offsets into the 1-based physical line numbers people see in an editor. Only
/// used for messages, so it counts on demand instead of slowing the tokenizer down.
struct LineNumbers {
    let base: UnsafePointer<UInt8>
    let end: Int

    /// Old Mac files end lines with a lone CR; then CRs are what count.
    private var lineByte: UInt8 {
        for i in 0..<end where base[i] == ASCII.lineFeed { return ASCII.lineFeed }
        for i in 0..<end where base[i] == ASCII.carriageReturn { return ASCII.carriageReturn }
        return ASCII.lineFeed
    }

    func line(at offset: Int) -> Int {
        lines(at: [offset])[0]
    }

    /// Line numbers for several offsets, in one pass over the bytes.
    func lines(at offsets: [Int]) -> [Int] {
        let separator = lineByte
        let order = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        var result = [Int](repeating: 1, count: offsets.count)
        var line = 1
        var position = 0
        for index in order {
            let target = min(max(offsets[index], 0), end)
            while position < target {
                if base[position] == separator { line += 1 }
                position += 1
            }
            result[index] = line
        }
        return result
    }
}

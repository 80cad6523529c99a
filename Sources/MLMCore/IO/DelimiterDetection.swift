/// Guesses the separator from the first records: the candidate that splits them into the most
/// consistent number of fields (more than one), counted with the same quote rules as the reader.
///
/// Runs of whitespace are the last resort, taken only when no single character splits the
/// records perfectly (the header and every record with the same count), the header looks
/// aligned (two spaces in a row, or a tab) and whitespace splits every sampled record like the
/// header: `1, 2, 3` and `New York` in a comma file stay comma-separated, a one-column list of
/// names stays one column, and an aligned export with no delimiter is read column by column.
enum DelimiterDetection {
    static let candidates: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab, ASCII.pipe]
    static let sampleRecords = 50
    static let sampleBytes = 1 << 20

    /// How well one candidate splits the sample; compared field by field, best first.
    struct Score: Comparable {
        var headerMatchesMode: Bool
        var consistency: Double
        var fieldsPerRecord: Int

        static func < (a: Score, b: Score) -> Bool {
            if a.headerMatchesMode != b.headerMatchesMode { return !a.headerMatchesMode }
            if a.consistency != b.consistency { return a.consistency < b.consistency }
            return a.fieldsPerRecord < b.fieldsPerRecord
        }

        var isPerfect: Bool { headerMatchesMode && consistency == 1 }
    }

    static func detect(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> FieldSeparator {
        var best: (separator: FieldSeparator, score: Score)?
        for candidate in candidates {
            guard let score = score(.character(candidate), base, from: start, to: end) else { continue }
            if best.map({ $0.score < score }) ?? true { best = (.character(candidate), score) }
        }
        if best?.score.isPerfect != true, SingleColumnTrap.looksAligned(headerOf: base, from: start, to: end),
           let whitespace = score(.whitespace, base, from: start, to: end),
           whitespace.isPerfect, best.map({ $0.score < whitespace }) ?? true {
            return .whitespace
        }
        return best?.separator ?? .character(ASCII.comma)
    }

    static func score(_ separator: FieldSeparator, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Score? {
        let counts = fieldCounts(separator, base, from: start, to: end)
        guard let first = counts.first else { return nil }
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.key > 1 else {
            return nil
        }
        return Score(headerMatchesMode: first == mode.key,
                     consistency: Double(mode.value) / Double(counts.count),
                     fieldsPerRecord: mode.key)
    }

    /// Field counts of the first records (blank lines skipped).
    private static func fieldCounts(_ separator: FieldSeparator, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> [Int] {
        // A bounded window keeps a stray quote from sending five scans to the end of the file.
        let windowEnd = min(end, start + sampleBytes)
        let scanner = FieldScanner(base: base, end: windowEnd, separator: separator)
        var counts: [Int] = []
        var q = start
        while q < windowEnd && counts.count < sampleRecords {
            var fields = 0
            var blank = false
            while true {
                guard let scanned = scanner.scan(at: q) else { return counts }
                fields += 1
                blank = scanned.isBlank
                q = scanned.next
                if scanned.stop != .delimiter { break }
            }
            if !(fields == 1 && blank) { counts.append(fields) }
        }
        return counts
    }
}

/// A header that reads as one column named like `id   age   plan` is an aligned export whose
/// rows did not split evenly on whitespace (a value with spaces, an empty cell): loading it as
/// one text column would hide every column from the user, so it is refused with the reason.
enum SingleColumnTrap {
    static func problem(name: String, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> CSVError? {
        guard hasRunOfSpaces(Array(name.utf8)) else { return nil }
        let shown = name.count > 60 ? String(name.prefix(60)) + "…" : name
        var message = "the file reads as a single column named '\(shown)': its header looks aligned with spaces"
        var line = 1
        if let uneven = firstUnevenRecord(base, from: start, to: end) {
            line = LineNumbers(base: base, end: end).line(at: uneven.start)
            message += ", but split at runs of spaces the header has \(uneven.headerFields) columns and line \(line) has \(uneven.fields)"
        }
        return CSVError(message: message, line: line, kind: .singleColumnWithSpaces)
    }

    /// Two spaces in a row, or a tab: how aligned columns look.
    static func hasRunOfSpaces<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previousWasSpace = false
        for byte in bytes {
            if byte == ASCII.tab || (byte == ASCII.space && previousWasSpace) { return true }
            previousWasSpace = byte == ASCII.space
        }
        return false
    }

    /// The first line (blank lines skipped) has a run of spaces between two of its words.
    static func looksAligned(headerOf base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let scanner = FieldScanner(base: base, end: end, separator: .whitespace)
        var first = scanner.skipBlankLines(from: start)
        while first < end, base[first] == ASCII.space || base[first] == ASCII.tab { first += 1 }
        var last = first
        while last < end, base[last] != ASCII.lineFeed, base[last] != ASCII.carriageReturn { last += 1 }
        while last > first, base[last - 1] == ASCII.space || base[last - 1] == ASCII.tab { last -= 1 }
        return hasRunOfSpaces(UnsafeBufferPointer(start: base + first, count: last - first))
    }

    /// Split at runs of whitespace: the header's field count and the first record that differs.
    private static func firstUnevenRecord(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> (start: Int, fields: Int, headerFields: Int)? {
        let scanner = FieldScanner(base: base, end: end, separator: .whitespace)
        var headerFields: Int?
        var q = start
        while q < end {
            let recordStart = q
            var fields = 0
            var blank = false
            while true {
                guard let scanned = scanner.scan(at: q) else { return nil }
                fields += 1
                blank = scanned.isBlank
                q = scanned.next
                if scanned.stop != .delimiter { break }
            }
            if fields == 1 && blank { continue }
            guard let header = headerFields else {
                headerFields = fields
                continue
            }
            if fields != header { return (recordStart, fields, header) }
        }
        return nil
    }
}

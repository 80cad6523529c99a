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
            guard let record = scanner.record(at: q) else { return counts }
            q = record.next
            if !record.isBlankLine { counts.append(record.fields) }
        }
        return counts
    }
}

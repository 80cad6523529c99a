/// Guesses the delimiter from the first records: the candidate that splits them into the most
/// consistent number of fields (more than one), counted with the same quote rules as the reader.
enum DelimiterDetection {
    static let candidates: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab, ASCII.pipe]
    static let sampleRecords = 50
    static let sampleBytes = 1 << 20

    /// How well one candidate splits the sample; compared field by field, best first.
    private struct Score: Comparable {
        var headerMatchesMode: Bool
        var consistency: Double
        var fieldsPerRecord: Int

        static func < (a: Score, b: Score) -> Bool {
            if a.headerMatchesMode != b.headerMatchesMode { return !a.headerMatchesMode }
            if a.consistency != b.consistency { return a.consistency < b.consistency }
            return a.fieldsPerRecord < b.fieldsPerRecord
        }
    }

    static func detect(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> UInt8 {
        var best: (delimiter: UInt8, score: Score)?
        for candidate in candidates {
            guard let score = score(candidate, base, from: start, to: end) else { continue }
            if best.map({ $0.score < score }) ?? true { best = (candidate, score) }
        }
        return best?.delimiter ?? ASCII.comma
    }

    private static func score(_ delimiter: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Score? {
        let counts = fieldCounts(delimiter, base, from: start, to: end)
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
    private static func fieldCounts(_ delimiter: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> [Int] {
        // A bounded window keeps a stray quote from sending four scans to the end of the file.
        let windowEnd = min(end, start + sampleBytes)
        let scanner = FieldScanner(base: base, end: windowEnd, delimiter: delimiter)
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

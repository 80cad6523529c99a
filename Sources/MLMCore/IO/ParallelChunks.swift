import Foundation

/// Runs the first pass on all cores: the buffer is cut at line ends that a quote count says are
/// outside quotes, and each piece is processed on its own. A piece is only trusted when the
/// piece before it ended exactly where it began; otherwise the rest is redone serially, so a
/// wrong guess costs time, never correctness.
enum ParallelChunks {
    /// Below this size one core is faster than starting threads.
    static let minimumParallelBytes = 1 << 20

    static func process(_ processing: ChunkProcessing, from start: Int, workers: Int) -> [ChunkResult] {
        let scanner = processing.tokenizer.scanner
        let starts = chunkStarts(scanner, from: start, workers: workers)
        let ranges = (0..<starts.count).map { k in (starts[k], k + 1 < starts.count ? starts[k + 1] : scanner.end) }
        var chunks = Parallel.map(ranges.count) { k in
            processing.process(from: ranges[k].0, limit: ranges[k].1, isFirst: k == 0)
        }
        for k in 0..<chunks.count {
            if chunks[k].log.failure != nil {
                chunks.removeSubrange((k + 1)...)
                break
            }
            if k + 1 < chunks.count && chunks[k].end != ranges[k + 1].0 {
                let rest = processing.process(from: chunks[k].end, limit: scanner.end, isFirst: false)
                chunks.replaceSubrange((k + 1)..., with: [rest])
                break
            }
        }
        return chunks
    }

    /// Where each worker starts: the first at `start`, the others just after a line feed with an
    /// even number of quotes before it (so, in a well-formed file, outside quotes).
    static func chunkStarts(_ scanner: FieldScanner, from start: Int, workers: Int) -> [Int] {
        let length = scanner.end - start
        guard workers > 1, length >= minimumParallelBytes else { return [start] }
        var starts = [start]
        var quotesBefore = 0
        var counted = start
        for k in 1..<workers {
            let target = start + length / workers * k
            guard target > counted else { continue }
            quotesBefore &+= countQuotes(scanner.base, from: counted, to: target)
            counted = target
            guard let cut = lineStartOutsideQuotes(scanner, from: target, oddQuotes: quotesBefore & 1 == 1),
                  cut > starts[starts.count - 1], cut < scanner.end
            else { continue }
            quotesBefore &+= countQuotes(scanner.base, from: counted, to: cut)
            counted = cut
            starts.append(cut)
        }
        return starts
    }

    /// Counts `"` bytes eight at a time: a byte of `word ^ 0x22...` is zero exactly where a
    /// quote was, and the 0x7F trick marks non-zero bytes without carries between bytes.
    private static func countQuotes(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var i = start
        let raw = UnsafeRawPointer(base)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2222_2222_2222_2222
            let nonZero = (((x & low7) &+ low7) | x) & 0x8080_8080_8080_8080
            count &+= (~nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < end {
            if base[i] == ASCII.quote { count &+= 1 }
            i += 1
        }
        return count
    }

    /// The first position after a line feed, at or after `position`, with even quote parity.
    private static func lineStartOutsideQuotes(_ scanner: FieldScanner, from position: Int, oddQuotes: Bool) -> Int? {
        var inQuotes = oddQuotes
        var i = position
        while i < scanner.end {
            let byte = scanner.base[i]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if byte == ASCII.lineFeed && !inQuotes {
                return i + 1
            }
            i += 1
        }
        return nil
    }
}

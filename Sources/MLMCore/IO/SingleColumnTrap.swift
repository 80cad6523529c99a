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
            guard let record = scanner.record(at: q) else { return nil }
            q = record.next
            if record.isBlankLine { continue }
            let fields = record.fields
            guard let header = headerFields else {
                headerFields = fields
                continue
            }
            if fields != header { return (recordStart, fields, header) }
        }
        return nil
    }
}

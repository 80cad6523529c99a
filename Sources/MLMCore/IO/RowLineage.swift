/// Where a table's rows came from: the data file and how it was read, and for each row its
/// position among the file's data rows. Line numbers are found only when a message needs them
/// (`CSVReader.lines`), so reading a file costs nothing extra.
public struct RowLineage: Sendable {
    public let path: String
    public let options: CSVReadOptions
    /// The data row (0-based, in the order read) of each row; nil while the rows are as read.
    public var rows: [Int]?

    public init(path: String, options: CSVReadOptions, rows: [Int]? = nil) {
        self.path = path
        self.options = options
        self.rows = rows
    }

    /// The data row of a row of the table.
    public func dataRow(_ row: Int) -> Int? {
        guard let rows else { return row }
        return rows.indices.contains(row) ? rows[row] : nil
    }
}

extension CSVReader {
    /// The 1-based lines of the file on which the given data rows start, read again from the
    /// file with the options it was loaded with; nil when it can no longer be read the same
    /// way (changed or removed since).
    public static func lines(of lineage: RowLineage, dataRows: [Int]) -> [Int]? {
        guard let bytes = try? FileBytes.read(path: lineage.path),
              let text = try? TextDecoding.decode(bytes, forced: lineage.options.encoding)
        else { return nil }
        return text.bytes.withUnsafeBufferPointer { buffer -> [Int]? in
            guard let base = buffer.baseAddress else { return nil }
            let separator = lineage.options.separator ?? DelimiterDetection.detect(base, from: text.start, to: buffer.count)
            let scanner = FieldScanner(base: base, end: buffer.count, separator: separator)
            let contentStart = scanner.skipBlankLines(from: text.start)
            guard contentStart < buffer.count,
                  case .success(let header) = ChunkTokenizer.header(scanner: scanner, from: contentStart)
            else { return nil }
            let wanted = Set(dataRows)
            let last = dataRows.max() ?? -1
            var starts: [Int: Int] = [:]
            var row = 0
            var position = header.next
            while row <= last, position < buffer.count {
                let recordStart = position
                guard let record = scanner.record(at: position) else { return nil }
                position = record.next
                if record.isBlankLine { continue }
                if record.fields != header.fields.count {
                    if lineage.options.skipBadRows { continue }
                    return nil
                }
                if wanted.contains(row) { starts[row] = recordStart }
                row += 1
            }
            guard starts.count == wanted.count else { return nil }
            return LineNumbers(base: base, end: buffer.count).lines(at: dataRows.map { starts[$0] ?? 0 })
        }
    }
}

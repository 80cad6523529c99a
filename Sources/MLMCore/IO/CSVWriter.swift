/// Writes data frames as CSV: a header row, `,` delimiters, `\n` line ends, UTF-8 without BOM.
/// Numbers are written shortest-round-trip (`3`, `0.1`, `0.00001`), booleans `true`/`false`,
/// dates ISO (`2024-03-01`, `2024-03-01 08:26`), missing cells empty. Text that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
public enum CSVWriter {
    /// Writes atomically (`AtomicFileWriter`), never over anything but a regular file; the caller
    /// decides about overwriting inputs.
    public static func write(_ frame: DataFrame, to path: String) throws(CSVError) {
        do {
            try AtomicFileWriter.write(encode(frame), to: path)
        } catch {
            throw CSVError(message: error.message)
        }
    }

    public static func encode(_ frame: DataFrame) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + frame.rowCount * max(1, frame.columnCount) * 8)
        for (index, column) in frame.columns.enumerated() {
            if index > 0 { out.append(ASCII.comma) }
            out.append(contentsOf: escapedText(column.name))
        }
        out.append(ASCII.lineFeed)
        let encoders = frame.columns.map(CellEncoder.init)
        encoders.withUnsafeBufferPointer { columns in
            for row in 0..<frame.rowCount {
                for index in columns.indices {
                    if index > 0 { out.append(ASCII.comma) }
                    columns[index].append(row, to: &out)
                }
                out.append(ASCII.lineFeed)
            }
        }
        return out
    }

    /// The bytes of a text cell: formula-protected, then quoted when needed.
    static func escapedText(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if let first = bytes.first, isFormulaStart(first) { bytes.insert(UInt8(ascii: "'"), at: 0) }
        guard needsQuotes(bytes) else { return bytes }
        var quoted: [UInt8] = [ASCII.quote]
        quoted.reserveCapacity(bytes.count + 4)
        for byte in bytes {
            if byte == ASCII.quote { quoted.append(ASCII.quote) }
            quoted.append(byte)
        }
        quoted.append(ASCII.quote)
        return quoted
    }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == ASCII.plus || byte == ASCII.minus || byte == UInt8(ascii: "@")
            || byte == ASCII.tab || byte == ASCII.carriageReturn
    }

    private static func needsQuotes(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == ASCII.space || first == ASCII.tab || last == ASCII.space || last == ASCII.tab { return true }
        return bytes.contains { $0 == ASCII.comma || $0 == ASCII.quote || $0 == ASCII.lineFeed || $0 == ASCII.carriageReturn }
    }
}

/// Appends one column's cells. Text is escaped once per distinct value, not once per row.
private struct CellEncoder {
    enum Kind {
        case number
        case boolean
        case date
        case text
    }

    let kind: Kind
    let values: [Double]
    let codes: [Int32]
    /// Every distinct text value escaped, back to back; value `i` is `escaped[starts[i]..<starts[i + 1]]`.
    let escaped: [UInt8]
    let starts: [Int]
    let missing: MissingMask

    init(_ column: Column) {
        missing = column.missing
        switch column.storage {
        case .strings(let codes, let dictionary):
            kind = .text
            self.codes = codes
            var bytes: [UInt8] = []
            var starts = [0]
            for value in dictionary {
                bytes.append(contentsOf: CSVWriter.escapedText(value))
                starts.append(bytes.count)
            }
            escaped = bytes
            self.starts = starts
            values = []
        case .numbers(let numbers):
            values = numbers
            codes = []
            escaped = []
            starts = [0]
            switch column.type {
            case .boolean: kind = .boolean
            case .date: kind = .date
            default: kind = .number
            }
        }
    }

    @inline(__always)
    func append(_ row: Int, to out: inout [UInt8]) {
        if missing[row] { return }
        switch kind {
        case .text:
            let code = Int(codes[row])
            guard code >= 0, code + 1 < starts.count else { return }
            let range = starts[code]..<starts[code + 1]
            escaped.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        case .boolean:
            if values[row] != 0 {
                out.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
            } else {
                out.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
            }
        case .date:
            DateFormatting.append(values[row], to: &out)
        case .number:
            NumberFormatting.append(values[row], to: &out)
        }
    }
}

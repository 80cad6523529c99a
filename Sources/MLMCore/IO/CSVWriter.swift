/// Writes data frames as CSV: a header row, `,` delimiters, `\n` line ends, UTF-8 without BOM.
/// Numbers are written shortest-round-trip (`3`, `0.1`, `0.00001`), booleans `true`/`false`,
/// dates ISO (`2024-03-01`, `2024-03-01 08:26`), missing cells empty. Text that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
public enum CSVWriter {
    /// Writes atomically (temp file in the same directory + rename). Refuses nothing itself; the
    /// caller decides about overwriting inputs.
    public static func write(_ frame: DataFrame, to path: String) throws(CSVError) {
        try FileBytes.writeAtomically(encode(frame), to: path)
    }

    public static func encode(_ frame: DataFrame) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + frame.rowCount * max(1, frame.columnCount) * 8)
        for (index, column) in frame.columns.enumerated() {
            if index > 0 { out.append(ASCII.comma) }
            out.append(contentsOf: escapedText(column.name))
        }
        out.append(ASCII.lineFeed)
        let writers = frame.columns.map(CellWriter.init)
        for row in 0..<frame.rowCount {
            for (index, writer) in writers.enumerated() {
                if index > 0 { out.append(ASCII.comma) }
                writer.append(row, to: &out)
            }
            out.append(ASCII.lineFeed)
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

/// Appends one column's cells; text cells are escaped once per distinct value, not per row.
private struct CellWriter {
    enum Kind {
        case number
        case boolean
        case date
        case text(codes: [Int32], escaped: [[UInt8]])
    }

    let kind: Kind
    let values: [Double]
    let column: Column

    init(_ column: Column) {
        self.column = column
        switch column.storage {
        case .strings(let codes, let dictionary):
            kind = .text(codes: codes, escaped: dictionary.map(CSVWriter.escapedText))
            values = []
        case .numbers(let numbers):
            values = numbers
            switch column.type {
            case .boolean: kind = .boolean
            case .date: kind = .date
            default: kind = .number
            }
        }
    }

    func append(_ row: Int, to out: inout [UInt8]) {
        if column.missing[row] { return }
        switch kind {
        case .text(let codes, let escaped):
            let code = Int(codes[row])
            if code >= 0 && code < escaped.count { out.append(contentsOf: escaped[code]) }
        case .boolean:
            out.append(contentsOf: values[row] != 0 ? Array("true".utf8) : Array("false".utf8))
        case .date:
            out.append(contentsOf: CivilDate.format(values[row]).utf8)
        case .number:
            NumberFormatting.append(values[row], to: &out)
        }
    }
}

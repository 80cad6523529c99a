import Foundation

/// Recognises files that are not single-byte or UTF-8 text before they are decoded, so that a
/// UTF-16 or UTF-32 export, a workbook or a file with NUL bytes is refused with its real cause
/// instead of being read as a table of garbled one-column rows.
enum EncodingSniffing {
    /// What a file that cannot be read as CSV text turned out to be.
    enum Finding: Equatable {
        case utf32(bigEndian: Bool, byteOrderMark: Bool)
        case utf16(bigEndian: Bool, byteOrderMark: Bool)
        case zipArchive
        case legacyWorkbook
        case pdf
        /// A NUL byte in otherwise ordinary text, at a 1-based line and byte column.
        case nulByte(line: Int, column: Int)
    }

    /// Refuses the file with an explanation when it is not text mlm can decode.
    static func refuseUnreadable(_ raw: [UInt8]) throws(CSVError) {
        guard let finding = sniff(raw) else { return }
        throw CSVError(message: message(for: finding), line: finding.line)
    }

    static func sniff(_ raw: [UInt8]) -> Finding? {
        if let signature = signature(raw) { return signature }
        guard let firstNUL = firstNUL(in: raw) else { return nil }
        return unmarkedWideText(raw) ?? nulPosition(raw, at: firstNUL)
    }

    static func message(for finding: Finding) -> String {
        let resave = "open it in Excel (or a text editor) and save it as 'CSV UTF-8', or export it again as CSV"
        switch finding {
        case .utf32(let bigEndian, let mark):
            return "the file is saved as UTF-32 text (\(bigEndian ? "big" : "little")-endian\(mark ? "" : ", without a byte order mark")); \(resave)"
        case .utf16(let bigEndian, let mark):
            return "the file is saved as UTF-16 text (\(bigEndian ? "big" : "little")-endian\(mark ? "" : ", without a byte order mark")); \(resave)"
        case .zipArchive:
            return "the file is a zip archive, such as an Excel workbook (.xlsx), not CSV text; \(resave)"
        case .legacyWorkbook:
            return "the file is an old-style Excel workbook (.xls), not CSV text; \(resave)"
        case .pdf:
            return "the file is a PDF document, not CSV text; export the table from its source as CSV"
        case .nulByte(let line, let column):
            return "line \(line) holds a NUL byte (a zero byte, at byte \(column) of the line), which text files do not contain; "
                + "the file may be damaged or not a CSV export: export it again, or remove the NUL bytes"
        }
    }

    private static func signature(_ raw: [UInt8]) -> Finding? {
        func starts(_ prefix: [UInt8]) -> Bool { raw.count >= prefix.count && raw.starts(with: prefix) }
        // UTF-32LE's mark begins with UTF-16LE's, so it is tested first.
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return .utf32(bigEndian: false, byteOrderMark: true) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return .utf32(bigEndian: true, byteOrderMark: true) }
        if starts([0xFF, 0xFE]) { return .utf16(bigEndian: false, byteOrderMark: true) }
        if starts([0xFE, 0xFF]) { return .utf16(bigEndian: true, byteOrderMark: true) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .zipArchive }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyWorkbook }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// memchr is vectorised in the C library: one pass over a large file costs little.
    private static func firstNUL(in raw: [UInt8]) -> Int? {
        raw.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, buffer.count > 0,
                  let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// UTF-16 or UTF-32 without a byte order mark: mostly-ASCII text then has zero bytes at fixed
    /// positions of every 2- or 4-byte unit. Judged from the first 4 KB.
    private static func unmarkedWideText(_ raw: [UInt8]) -> Finding? {
        let sample = raw.prefix(4096)
        let units = sample.count / 4
        guard units >= 2 else { return nil }
        var zeros = [Int](repeating: 0, count: 4)
        for (offset, byte) in sample.prefix(units * 4).enumerated() where byte == 0 { zeros[offset % 4] += 1 }
        let most = units * 9 / 10
        let few = units / 10
        if zeros[1] >= most, zeros[2] >= most, zeros[3] >= most, zeros[0] <= few { return .utf32(bigEndian: false, byteOrderMark: false) }
        if zeros[0] >= most, zeros[1] >= most, zeros[2] >= most, zeros[3] <= few { return .utf32(bigEndian: true, byteOrderMark: false) }
        let evenZeros = zeros[0] + zeros[2], oddZeros = zeros[1] + zeros[3]
        if oddZeros >= 2 * most, evenZeros <= 2 * few { return .utf16(bigEndian: false, byteOrderMark: false) }
        if evenZeros >= 2 * most, oddZeros <= 2 * few { return .utf16(bigEndian: true, byteOrderMark: false) }
        return nil
    }

    private static func nulPosition(_ raw: [UInt8], at index: Int) -> Finding {
        var line = 1
        var lineStart = 0
        for i in 0..<index where raw[i] == ASCII.lineFeed {
            line += 1
            lineStart = i + 1
        }
        return .nulByte(line: line, column: index - lineStart + 1)
    }
}

extension EncodingSniffing.Finding {
    var line: Int? {
        if case .nulByte(let line, _) = self { return line }
        return nil
    }
}

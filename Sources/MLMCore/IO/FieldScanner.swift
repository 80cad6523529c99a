/// A field's place in the decoded buffer, packed in 64 bits so a million rows of twenty columns
/// cost 160 MB at most: start (39 bits), length (24 bits), and one flag saying the bytes still
/// hold quote pairs or a closing quote to remove (rare; see `CellRules.unescape`).
enum FieldRef {
    static let maxLength = (1 << 24) - 1
    static let maxStart = (1 << 39) - 1

    @inline(__always) static func pack(start: Int, length: Int, escaped: Bool) -> UInt64 {
        UInt64(truncatingIfNeeded: start) | UInt64(truncatingIfNeeded: length) << 39 | (escaped ? 1 << 63 : 0)
    }

    @inline(__always) static func start(_ field: UInt64) -> Int { Int(field & 0x7F_FFFF_FFFF) }
    @inline(__always) static func length(_ field: UInt64) -> Int { Int((field >> 39) & 0xFF_FFFF) }
    @inline(__always) static func isEscaped(_ field: UInt64) -> Bool { field >> 63 != 0 }
}

/// What ended a field.
enum FieldStop: UInt8 {
    case delimiter
    case lineEnd
    case endOfInput
}

struct ScannedField {
    var field: UInt64
    /// Where the next field (or record) starts.
    var next: Int
    var stop: FieldStop
    /// Unquoted and empty after trimming: with nothing else on its line, a blank line.
    var isBlank: Bool
}

/// Finds one field at a time (RFC 4180, leniently): padding around unquoted fields is trimmed;
/// a field is quoted only when its first non-padding byte is `"`; CR, LF and CRLF end a record
/// outside quotes; inside quotes everything, a lone CR included, is data.
///
/// With `.whitespace`, every run of spaces and tabs is one separator and padding at the start
/// or end of a line is not a field (so `  a   b  ` is two fields); the field loops are the same,
/// only the stop bytes differ.
struct FieldScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    /// The separator byte; 0 (never in decoded text) for whitespace, where padding separates.
    let delimiter: UInt8
    let separatesOnWhitespace: Bool

    init(base: UnsafePointer<UInt8>, end: Int, separator: FieldSeparator) {
        self.base = base
        self.end = end
        switch separator {
        case .character(let byte):
            delimiter = byte
            separatesOnWhitespace = false
        case .whitespace:
            delimiter = 0
            separatesOnWhitespace = true
        }
    }

    /// The fields of the record starting at `position` and where the next record starts; a line
    /// holding nothing is one blank field (`isBlankLine`). Nil when a quote is never closed.
    /// The record walk that detection, the single-column check and line lookup share.
    func record(at position: Int) -> (fields: Int, isBlankLine: Bool, next: Int)? {
        var fields = 0
        var q = position
        while true {
            guard let scanned = scan(at: q) else { return nil }
            fields += 1
            q = scanned.next
            if scanned.stop != .delimiter { return (fields, fields == 1 && scanned.isBlank, q) }
        }
    }

    /// nil when the field cannot be read: a quote that never closes, or a field too long.
    @inline(__always)
    func scan(at position: Int) -> ScannedField? {
        var q = position
        while q < end, CellRules.isPadding(base[q], delimiter: delimiter) { q += 1 }
        if q < end && base[q] == ASCII.quote { return scanQuoted(openingAt: q) }
        let fieldStart = q
        q = stopPosition(from: q)
        var fieldEnd = q
        while fieldEnd > fieldStart, CellRules.isPadding(base[fieldEnd - 1], delimiter: delimiter) { fieldEnd -= 1 }
        let length = fieldEnd - fieldStart
        guard length <= FieldRef.maxLength else { return nil }
        let field = FieldRef.pack(start: fieldStart, length: length, escaped: false)
        return finish(field, at: q, isBlank: length == 0)
    }

    @inline(__always)
    private func scanQuoted(openingAt opening: Int) -> ScannedField? {
        let contentStart = opening + 1
        var q = contentStart
        var escaped = false
        while true {
            q = quotePosition(from: q)
            guard q < end else { return nil }
            if q + 1 < end && base[q + 1] == ASCII.quote {
                escaped = true
                q += 2
                continue
            }
            break
        }
        var contentEnd = q
        q += 1
        // Padding after the closing quote is trimmed, except where padding is the separator.
        if !separatesOnWhitespace {
            while q < end, CellRules.isPadding(base[q], delimiter: delimiter) { q += 1 }
        }
        if q < end, !isStop(base[q]) {
            // Text after the closing quote is kept, quote and all, for `unescape` to sort out.
            escaped = true
            while q < end, !isStop(base[q]) { q += 1 }
            contentEnd = q
            while CellRules.isPadding(base[contentEnd - 1], delimiter: delimiter) { contentEnd -= 1 }
        }
        let length = contentEnd - contentStart
        guard length <= FieldRef.maxLength else { return nil }
        return finish(FieldRef.pack(start: contentStart, length: length, escaped: escaped), at: q, isBlank: false)
    }

    /// The first delimiter, LF or CR at or after `position` (or `end`), eight bytes at a time:
    /// a byte of `word ^ pattern` is zero exactly where the word holds that byte.
    @inline(__always)
    private func stopPosition(from position: Int) -> Int {
        if separatesOnWhitespace { return whitespaceStopPosition(from: position) }
        var q = position
        let raw = UnsafeRawPointer(base)
        let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
        while q + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: q, as: UInt64.self)
            let found = FieldScanner.zeroBytes(word ^ delimiters)
                | FieldScanner.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                | FieldScanner.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            if found != 0 { return q + found.trailingZeroBitCount >> 3 }
            q += 8
        }
        while q < end, !isStop(base[q]) { q += 1 }
        return q
    }

    /// The first space, tab, LF or CR at or after `position` (or `end`), eight bytes at a time.
    @inline(__always)
    private func whitespaceStopPosition(from position: Int) -> Int {
        var q = position
        let raw = UnsafeRawPointer(base)
        while q + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: q, as: UInt64.self)
            let found = FieldScanner.zeroBytes(word ^ 0x2020_2020_2020_2020)
                | FieldScanner.zeroBytes(word ^ 0x0909_0909_0909_0909)
                | FieldScanner.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                | FieldScanner.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            if found != 0 { return q + found.trailingZeroBitCount >> 3 }
            q += 8
        }
        while q < end, !isStop(base[q]) { q += 1 }
        return q
    }

    /// The first `"` at or after `position` (or `end`), eight bytes at a time.
    @inline(__always)
    private func quotePosition(from position: Int) -> Int {
        var q = position
        let raw = UnsafeRawPointer(base)
        while q + 8 <= end {
            let found = FieldScanner.zeroBytes(raw.loadUnaligned(fromByteOffset: q, as: UInt64.self) ^ 0x2222_2222_2222_2222)
            if found != 0 { return q + found.trailingZeroBitCount >> 3 }
            q += 8
        }
        while q < end && base[q] != ASCII.quote { q += 1 }
        return q
    }

    /// High bit set in each byte of `x` that is zero (exact: no carries cross bytes).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x) & 0x8080_8080_8080_8080
    }

    @inline(__always)
    private func isStop(_ byte: UInt8) -> Bool {
        if separatesOnWhitespace && (byte == ASCII.space || byte == ASCII.tab) { return true }
        return byte == delimiter || byte == ASCII.lineFeed || byte == ASCII.carriageReturn
    }

    @inline(__always)
    private func finish(_ field: UInt64, at stop: Int, isBlank: Bool) -> ScannedField {
        var q = stop
        if separatesOnWhitespace {
            // A run of padding separates only when a field follows it on the same line.
            while q < end, CellRules.isPadding(base[q], delimiter: delimiter) { q += 1 }
            if q < end, q > stop, base[q] != ASCII.lineFeed, base[q] != ASCII.carriageReturn {
                return ScannedField(field: field, next: q, stop: .delimiter, isBlank: isBlank)
            }
        }
        guard q < end else { return ScannedField(field: field, next: end, stop: .endOfInput, isBlank: isBlank) }
        let byte = base[q]
        if byte == delimiter {
            return ScannedField(field: field, next: q + 1, stop: .delimiter, isBlank: isBlank)
        }
        var next = q + 1
        if byte == ASCII.carriageReturn && next < end && base[next] == ASCII.lineFeed { next += 1 }
        return ScannedField(field: field, next: next, stop: .lineEnd, isBlank: isBlank)
    }

    /// Why `scan(at:)` failed: the quote that never closes, or the start of the over-long field.
    func failure(at position: Int) -> TokenFailure {
        var q = position
        while q < end, CellRules.isPadding(base[q], delimiter: delimiter) { q += 1 }
        if q < end && base[q] == ASCII.quote {
            var r = q + 1
            while r < end {
                if base[r] == ASCII.quote {
                    if r + 1 < end && base[r + 1] == ASCII.quote { r += 2; continue }
                    return .fieldTooLong(at: q)
                }
                r += 1
            }
            return .unterminatedQuote(at: q)
        }
        return .fieldTooLong(at: q)
    }

    /// Skips lines holding nothing but padding; returns where the first real record starts.
    func skipBlankLines(from position: Int) -> Int {
        var recordStart = position
        var q = position
        while q < end {
            let byte = base[q]
            if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                q += 1
                recordStart = q
            } else if CellRules.isPadding(byte, delimiter: delimiter) {
                q += 1
            } else {
                return recordStart
            }
        }
        return end
    }
}

/// Why tokenizing stopped early; positions are byte offsets in the decoded buffer.
enum TokenFailure: Error, Equatable {
    case ragged(recordStart: Int, fields: Int)
    case unterminatedQuote(at: Int)
    case fieldTooLong(at: Int)
}

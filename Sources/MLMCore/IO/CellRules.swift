/// Small per-cell rules shared by type inference and the public single-cell parsers.
enum CellRules {
    /// Empty, `NA`, `N/A`, `null`, `NULL`, `NaN`, `nan`: the spellings spreadsheets, R and pandas
    /// use for "no value". Matched exactly, after padding was trimmed.
    @inline(__always)
    static func isMissing(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        switch count {
        case 0:
            return true
        case 2:
            return p[0] == UInt8(ascii: "N") && p[1] == UInt8(ascii: "A")
        case 3:
            let a = p[0], b = p[1], c = p[2]
            if a == UInt8(ascii: "N") {
                return (b == UInt8(ascii: "/") && c == UInt8(ascii: "A"))
                    || (b == UInt8(ascii: "a") && c == UInt8(ascii: "N"))
            }
            return a == UInt8(ascii: "n") && b == UInt8(ascii: "a") && c == UInt8(ascii: "n")
        case 4:
            return matches(p, "null") || matches(p, "NULL")
        default:
            return false
        }
    }

    /// 1 for `true`/`TRUE`/`True`, 0 for `false`/`FALSE`/`False`, nil otherwise (not yes/no, not
    /// 0/1: those are ordinary categories and numbers).
    @inline(__always)
    static func parseBoolean(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        if count == 4 {
            if matches(p, "true") || matches(p, "TRUE") || matches(p, "True") { return 1 }
        } else if count == 5 {
            if matches(p, "false") || matches(p, "FALSE") || matches(p, "False") { return 0 }
        }
        return nil
    }

    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let bytes = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount where p[i] != bytes[i] { return false }
        return true
    }

    /// Spaces, and tabs unless the tab is the delimiter, are padding around unquoted fields.
    @inline(__always)
    static func isPadding(_ byte: UInt8, delimiter: UInt8) -> Bool {
        (byte == ASCII.space || byte == ASCII.tab) && byte != delimiter
    }

    /// The content of a quoted field with `""` pairs or text after its closing quote. The bytes
    /// start just after the opening quote; a lone quote closes the quoted part, after which
    /// everything is literal (`"abc"def` reads `abcdef`, as spreadsheets do).
    static func unescape(_ p: UnsafePointer<UInt8>, _ count: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var inQuotes = true
        var i = 0
        while i < count {
            let byte = p[i]
            if byte == ASCII.quote && inQuotes {
                if i + 1 < count && p[i + 1] == ASCII.quote {
                    out.append(ASCII.quote)
                    i += 2
                } else {
                    inQuotes = false
                    i += 1
                }
                continue
            }
            out.append(byte)
            i += 1
        }
    }

    /// Runs `body` on a String's UTF-8 bytes with surrounding spaces and tabs trimmed.
    static func withTrimmedBytes<T>(_ text: String, _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                var nothing: UInt8 = 0
                return withUnsafePointer(to: &nothing) { body($0, 0) }
            }
            var start = 0
            var end = buffer.count
            while start < end, base[start] == ASCII.space || base[start] == ASCII.tab { start += 1 }
            while end > start, base[end - 1] == ASCII.space || base[end - 1] == ASCII.tab { end -= 1 }
            return body(base + start, end - start)
        }
    }
}

/// Reads cells out of the decoded buffer for the column passes.
struct CellSource {
    let base: UnsafePointer<UInt8>

    /// Runs `body` on the cell's bytes, unescaping quote pairs into `scratch` only when needed.
    @inline(__always)
    func withCell<T>(_ field: UInt64, _ scratch: inout [UInt8], _ body: (UnsafePointer<UInt8>, Int) -> T) -> T {
        let start = FieldRef.start(field)
        let length = FieldRef.length(field)
        if !FieldRef.isEscaped(field) { return body(base + start, length) }
        CellRules.unescape(base + start, length, into: &scratch)
        return scratch.withUnsafeBufferPointer { buffer in body(buffer.baseAddress ?? base, buffer.count) }
    }

    /// Whether two plain (not escaped) fields hold the same bytes.
    @inline(__always)
    func sameUnescapedBytes(_ a: UInt64, _ b: UInt64) -> Bool {
        let length = FieldRef.length(a)
        guard !FieldRef.isEscaped(a), !FieldRef.isEscaped(b), FieldRef.length(b) == length else { return false }
        let left = UnsafeRawPointer(base + FieldRef.start(a))
        let right = UnsafeRawPointer(base + FieldRef.start(b))
        var i = 0
        while i + 8 <= length {
            if left.loadUnaligned(fromByteOffset: i, as: UInt64.self) != right.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < length {
            if left.load(fromByteOffset: i, as: UInt8.self) != right.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    func text(of field: UInt64) -> String {
        var scratch: [UInt8] = []
        return withCell(field, &scratch) { p, count in
            String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        }
    }
}

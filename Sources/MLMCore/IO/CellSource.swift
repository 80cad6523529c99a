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

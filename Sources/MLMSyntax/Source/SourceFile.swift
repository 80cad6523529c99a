/// A script's text with a line table, so byte offsets convert to 1-based line and column.
public struct SourceFile: Sendable {
    /// The name shown in diagnostics (a path as the user typed it, or `<repl>`).
    public let name: String
    public let text: String
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        var i = 0
        while i < bytes.count {
            let length = SourceFile.lineBreakLength(bytes, at: i)
            if length > 0 {
                i += length
                starts.append(i)
            } else {
                i += 1
            }
        }
        self.lineStarts = starts
    }

    /// 1 for `\n`, 2 for `\r\n`, 1 for a lone `\r`, 0 when no line break starts at `index`.
    /// The one rule for where lines end, used by the lexer and the line table alike.
    public static func lineBreakLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard index >= 0, index < bytes.count else { return 0 }
        let current = bytes[index]
        if current == UInt8(ascii: "\n") { return 1 }
        guard current == UInt8(ascii: "\r") else { return 0 }
        return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
    }

    public struct Location: Sendable, Equatable {
        public let line: Int
        public let column: Int
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> Location {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let prefix = bytes[lineStarts[low]..<offset]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return Location(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text covered by a range.
    public func text(of range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }
}

/// A half-open range of UTF-8 byte offsets into a `SourceFile`.
public struct SourceRange: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func covering(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
        SourceRange(start: min(a.start, b.start), end: max(a.end, b.end))
    }
}

import Foundation

/// A model file read as plain JSON, before any model type sees it: nesting is bounded (a file
/// of ten thousand `[` cannot exhaust the stack of a decoder), a key given twice is refused (a
/// decoder would silently keep one of them), and the value can be written back in one canonical
/// form whose SHA-256 is the file's digest (see `ModelFile.Integrity`).
///
/// The canonical form: no whitespace; object members sorted by the UTF-8 bytes of their keys;
/// strings with `"` and `\` escaped as `\"` and `\\`, characters below U+0020 as `\u00xx`
/// (lowercase hex) and every other character as its UTF-8 bytes; numbers exactly as written in
/// the file; `true`, `false`, `null`.
indirect enum CanonicalJSON: Equatable, Sendable {
    case object([Member])
    case array([CanonicalJSON])
    case string(String)
    /// The number's text as written, so the canonical form never depends on float formatting.
    case number(String)
    case bool(Bool)
    case null

    struct Member: Equatable, Sendable {
        let key: String
        var value: CanonicalJSON
    }

    /// Deeper than any model file mlm writes (about 8 levels) by a wide margin, and far from
    /// any stack limit.
    static let maximumDepth = 64

    /// Why a text is not acceptable JSON; `path` names the enclosing keys, e.g. "model.trees".
    enum Problem: Error, Equatable {
        case invalid
        case tooDeep
        case duplicateKey(path: String)
    }

    static func parse(_ bytes: [UInt8]) throws(Problem) -> CanonicalJSON {
        // A buffer, not the array, in the reader: no reference counting per byte read.
        let result: Result<CanonicalJSON, Problem> = bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            reader.skipSpace()
            do throws(Problem) {
                let value = try reader.value(depth: 0)
                reader.skipSpace()
                return reader.position == buffer.count ? .success(value) : .failure(.invalid)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The member `key` of an object, nil for other values or when absent.
    subscript(key: String) -> CanonicalJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The object without member `key` (other values unchanged).
    func removing(_ key: String) -> CanonicalJSON {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }

    /// The canonical bytes (see the type's description).
    var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            let sorted = members.count < 2 ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for i in 0..<sorted.count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(sorted[i].key, into: &out)
                out.append(UInt8(ascii: ":"))
                sorted[i].value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for i in 0..<items.count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                items[i].write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, into: &out)
        case .number(let literal):
            out.append(contentsOf: literal.utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A recursive-descent reader whose recursion is bounded by `maximumDepth`.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// The keys of the objects being read, for naming a repeated key.
        var keyPath: [String] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Problem) -> CanonicalJSON {
            guard position < bytes.count else { throw .invalid }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                guard depth < CanonicalJSON.maximumDepth else { throw .tooDeep }
                return try object(depth: depth + 1)
            case UInt8(ascii: "["):
                guard depth < CanonicalJSON.maximumDepth else { throw .tooDeep }
                return try array(depth: depth + 1)
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                return .null
            default:
                return .number(try number())
            }
        }

        private mutating func object(depth: Int) throws(Problem) -> CanonicalJSON {
            position += 1
            var members: [Member] = []
            var keys: Set<String> = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object([])
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw .invalid }
                let key = try string()
                // Keys compare as Swift strings, as the decoder's dictionary does: two spellings of "é" are one key.
                guard keys.insert(key).inserted else {
                    throw .duplicateKey(path: (keyPath + [key]).joined(separator: "."))
                }
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                keyPath.append(key)
                members.append(Member(key: key, value: try value(depth: depth)))
                keyPath.removeLast()
                skipSpace()
                guard position < bytes.count else { throw .invalid }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .object(members)
            }
        }

        private mutating func array(depth: Int) throws(Problem) -> CanonicalJSON {
            position += 1
            var items: [CanonicalJSON] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array([])
            }
            while true {
                skipSpace()
                items.append(try value(depth: depth))
                skipSpace()
                guard position < bytes.count else { throw .invalid }
                if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        }

        private mutating func expect(_ byte: UInt8) throws(Problem) {
            guard position < bytes.count, bytes[position] == byte else { throw .invalid }
            position += 1
        }

        private mutating func literal(_ word: String) throws(Problem) {
            for byte in word.utf8 { try expect(byte) }
        }

        /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        private mutating func number() throws(Problem) -> String {
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw .invalid }
            if bytes[position] == UInt8(ascii: "0") { position += 1 } else { digits() }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard position < bytes.count, isDigit(bytes[position]) else { throw .invalid }
                digits()
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard position < bytes.count, isDigit(bytes[position]) else { throw .invalid }
                digits()
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private mutating func digits() {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }

        /// A string's characters with escapes resolved; invalid UTF-8, raw control characters
        /// and lone surrogates are refused.
        private mutating func string() throws(Problem) -> String {
            position += 1
            var out: [UInt8] = []
            while true {
                guard position < bytes.count else { throw .invalid }
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(bytes: out, encoding: .utf8) else { throw .invalid }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &out)
                case 0..<0x20:
                    throw .invalid
                default:
                    out.append(byte)
                }
            }
        }

        private mutating func escape(into out: inout [UInt8]) throws(Problem) {
            guard position < bytes.count else { throw .invalid }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(byte)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    try literal("\\u")
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .invalid }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw .invalid }
                out += Array(String(Character(unicode)).utf8)
            default:
                throw .invalid
            }
        }

        private mutating func hex4() throws(Problem) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard position < bytes.count, let digit = hexValue(bytes[position]) else { throw .invalid }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        private func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
    }
}

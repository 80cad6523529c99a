/// Bytes of a CSV file, turned into valid UTF-8 whatever encoding the file was saved in, so that
/// every later stage can slice fields out of one buffer and build Strings without re-validating.
struct DecodedText {
    var bytes: [UInt8]
    /// Where the content starts (after a byte order mark), so a BOM never costs a copy.
    var start: Int
    var encoding: TextEncoding
    var hadByteOrderMark: Bool
}

enum TextDecoding {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes with the forced encoding, or auto-detects: UTF-8 when valid, else Windows-1252.
    static func decode(_ raw: [UInt8], forced: TextEncoding?) throws(CSVError) -> DecodedText {
        try EncodingSniffing.refuseUnreadable(raw)
        let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        switch forced {
        case .windows1252?, .latin1?:
            let encoding = forced ?? .windows1252
            return DecodedText(bytes: transcodeSingleByte(raw, from: encoding), start: 0,
                               encoding: encoding, hadByteOrderMark: false)
        case .utf8?:
            let start = hasBOM ? 3 : 0
            if isValidUTF8(raw, from: start) {
                return DecodedText(bytes: raw, start: start, encoding: .utf8, hadByteOrderMark: hasBOM)
            }
            return DecodedText(bytes: repairingUTF8(raw, from: start), start: 0, encoding: .utf8,
                               hadByteOrderMark: hasBOM)
        case nil:
            let start = hasBOM ? 3 : 0
            if isValidUTF8(raw, from: start) {
                return DecodedText(bytes: raw, start: start, encoding: .utf8, hadByteOrderMark: hasBOM)
            }
            let body = hasBOM ? Array(raw[3...]) : raw
            return DecodedText(bytes: transcodeSingleByte(body, from: .windows1252), start: 0,
                               encoding: .windows1252, hadByteOrderMark: hasBOM)
        }
    }

    /// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), with an
    /// 8-bytes-at-a-time path for the ASCII that makes up almost all of a CSV file.
    static func isValidUTF8(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return true }
            let count = buffer.count
            var i = start
            while i < count {
                if i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let lead = base[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length = sequenceLength(base, at: i, count: count)
                if length == 0 { return false }
                i += length
            }
            return true
        }
    }

    /// The length of the valid multi-byte sequence at `i`, or 0 when it is invalid.
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at i: Int, count: Int) -> Int {
        let lead = base[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= count else { return 0 }
        let second = base[i + 1]
        guard second >= low, second <= high else { return 0 }
        for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// Replaces invalid sequences with U+FFFD (used only when UTF-8 is forced on bad bytes).
    private static func repairingUTF8(_ raw: [UInt8], from start: Int) -> [UInt8] {
        let text = raw.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
        return Array(text.utf8)
    }

    /// Windows-1252 code points for bytes 0x80–0x9F; 0 marks the five undefined bytes.
    static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The Unicode scalar a single byte stands for in Windows-1252 or Latin-1.
    static func scalar(for byte: UInt8, in encoding: TextEncoding) -> UInt32 {
        guard byte >= 0x80, byte <= 0x9F, encoding == .windows1252 else { return UInt32(byte) }
        let mapped = windows1252High[Int(byte - 0x80)]
        return mapped == 0 ? 0xFFFD : mapped
    }

    /// Re-encodes a single-byte encoding as UTF-8 (at most 3 bytes per input byte).
    static func transcodeSingleByte(_ raw: [UInt8], from encoding: TextEncoding) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + raw.count / 8)
        for byte in raw {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let value = scalar(for: byte, in: encoding)
            if value < 0x800 {
                out.append(UInt8(0xC0 | (value >> 6)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (value >> 12)))
                out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return out
    }
}

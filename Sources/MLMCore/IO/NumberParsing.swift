/// A number read from a cell, and whether it was written as a whole number (no `.`, no exponent).
struct ParsedNumber {
    var value: Double
    var isInteger: Bool
}

/// Decimal parsing straight from bytes, so a million-row column never creates a String per cell.
///
/// Grammar (dot mode): `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`. No `inf`, no
/// `nan`, no hex, no thousands separators: `1,234.56` stays text. Comma mode reads German Excel
/// numbers: `[+-]? int (, digits)? ([eE] [+-]? digits)?` where `int` is plain digits or digits
/// grouped by `.` in threes (`1.234.567`).
///
/// Strict mode applies the typing rules of inference: an integer part with a leading zero
/// (`01234`, a zip code) is not a number, and a whole number of 2^53 or more (an id that a Double
/// would round) is not a number either.
enum NumberParsing {
    static let twoToThe53: UInt64 = 1 << 53

    /// Exact powers of ten as a switch, not a global array: a global costs a lazy-initialization
    /// check on every use in the hottest loop of the reader.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// At most this many digits fit a UInt64 mantissa exactly; longer numbers take the slow path.
    static let maxFastDigits = 19

    @inline(__always)
    static func parseDot(_ p: UnsafePointer<UInt8>, _ count: Int, strict: Bool) -> ParsedNumber? {
        guard count > 0 else { return nil }
        var i = 0
        let negative = p[0] == ASCII.minus
        if negative || p[0] == ASCII.plus { i = 1 }
        let integerStart = i
        var mantissa: UInt64 = 0
        let integerDigits = scanDigits(p, count, &i, into: &mantissa)
        var fractionDigits = 0
        let hasPoint = i < count && p[i] == ASCII.dot
        if hasPoint {
            i += 1
            fractionDigits = scanDigits(p, count, &i, into: &mantissa)
        }
        let digits = integerDigits + fractionDigits
        guard digits > 0 else { return nil }
        var exponent = -fractionDigits
        let hasExponent = i < count && p[i] | 0x20 == UInt8(ascii: "e")
        if hasExponent {
            guard let next = parseExponent(p, count, from: i + 1, into: &exponent) else { return nil }
            i = next
        }
        guard i == count else { return nil }
        let isInteger = !hasPoint && !hasExponent
        if strict {
            if integerDigits > 1 && p[integerStart] == ASCII.zero { return nil }
            if isInteger && (digits > maxFastDigits || mantissa >= twoToThe53) { return nil }
        }
        guard let magnitude = value(mantissa: mantissa, digits: digits, exponent: exponent, p, count) else {
            return nil
        }
        return ParsedNumber(value: negative ? -magnitude : magnitude, isInteger: isInteger)
    }

    /// Adds the digits at `i` to the mantissa (wrapping past 19 digits, which then take the
    /// slow path anyway); returns how many there were.
    @inline(__always)
    private static func scanDigits(_ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, into mantissa: inout UInt64) -> Int {
        let start = i
        while i < count {
            let digit = p[i] &- ASCII.zero
            if digit >= 10 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            i += 1
        }
        return i - start
    }

    /// Reads `[+-]? digits` after the `e`; returns the index after it, or nil when malformed.
    @inline(__always)
    private static func parseExponent(
        _ p: UnsafePointer<UInt8>, _ count: Int, from start: Int, into exponent: inout Int
    ) -> Int? {
        var i = start
        var negative = false
        if i < count, p[i] == ASCII.minus || p[i] == ASCII.plus {
            negative = p[i] == ASCII.minus
            i += 1
        }
        let digitsStart = i
        var value = 0
        while i < count, p[i] &- ASCII.zero < 10 {
            if value < 100_000 { value = value * 10 + Int(p[i] &- ASCII.zero) }
            i += 1
        }
        guard i > digitsStart else { return nil }
        exponent += negative ? -value : value
        return i
    }

    /// Exact when the mantissa and the power of ten are both exact doubles (Clinger's fast
    /// path: one correctly rounded operation); otherwise the standard library's correctly
    /// rounded parser decides.
    @inline(__always)
    private static func value(
        mantissa: UInt64, digits: Int, exponent: Int, _ p: UnsafePointer<UInt8>, _ count: Int
    ) -> Double? {
        guard digits <= maxFastDigits else { return slowValue(p, count) }
        if mantissa == 0 { return 0 }
        guard mantissa <= twoToThe53, exponent >= -22, exponent <= 22 else { return slowValue(p, count) }
        let exact = Double(mantissa)
        if exponent == 0 { return exact }
        return exponent < 0 ? exact / powerOfTen(-exponent) : exact * powerOfTen(exponent)
    }

    @inline(never)
    private static func slowValue(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
        guard let parsed = Double(text), parsed.isFinite else { return nil }
        return parsed.magnitude
    }

    /// A German-style number; `hasDecimalComma` tells whether a `,` fraction was present.
    static func parseComma(
        _ p: UnsafePointer<UInt8>, _ count: Int, strict: Bool
    ) -> (number: ParsedNumber, hasDecimalComma: Bool)? {
        guard count > 0, count <= 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            guard let out = buffer.baseAddress else { return nil }
            var length = 0
            var hasDecimalComma = false
            guard rewriteComma(p, count, into: out, length: &length, hasComma: &hasDecimalComma) else {
                return nil
            }
            guard let number = parseDot(UnsafePointer(out), length, strict: strict) else { return nil }
            return (number, hasDecimalComma)
        }
    }

    /// Checks the comma grammar and rewrites it in dot form (`1.234,5` → `1234.5`).
    private static func rewriteComma(
        _ p: UnsafePointer<UInt8>, _ count: Int, into out: UnsafeMutablePointer<UInt8>,
        length: inout Int, hasComma: inout Bool
    ) -> Bool {
        var i = 0
        if p[0] == ASCII.minus || p[0] == ASCII.plus {
            out[length] = p[0]
            length += 1
            i = 1
        }
        guard copyGroupedInteger(p, count, &i, into: out, length: &length) else { return false }
        if i < count, p[i] == ASCII.comma {
            hasComma = true
            out[length] = ASCII.dot
            length += 1
            i += 1
            let fractionStart = i
            while i < count, p[i] &- ASCII.zero < 10 {
                out[length] = p[i]
                length += 1
                i += 1
            }
            guard i > fractionStart else { return false }
        }
        // An exponent is copied as is; `parseDot` checks it.
        while i < count {
            let byte = p[i]
            guard byte | 0x20 == UInt8(ascii: "e") || byte == ASCII.plus || byte == ASCII.minus
                || byte &- ASCII.zero < 10
            else { return false }
            out[length] = byte
            length += 1
            i += 1
        }
        return true
    }

    /// Copies the integer part without its `.` group separators: plain digits, or a first group
    /// of 1–3 digits (not starting with 0) followed by groups of exactly 3.
    private static func copyGroupedInteger(
        _ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, into out: UnsafeMutablePointer<UInt8>,
        length: inout Int
    ) -> Bool {
        var groupLength = 0
        var groups = 0
        while i < count {
            let byte = p[i]
            if byte &- ASCII.zero < 10 {
                out[length] = byte
                length += 1
                groupLength += 1
            } else if byte == ASCII.dot {
                if groups == 0 {
                    guard (1...3).contains(groupLength), p[i - groupLength] != ASCII.zero else { return false }
                } else if groupLength != 3 {
                    return false
                }
                groups += 1
                groupLength = 0
            } else {
                break
            }
            i += 1
        }
        return groupLength > 0 && (groups == 0 || groupLength == 3)
    }
}

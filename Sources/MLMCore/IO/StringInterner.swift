/// Dictionary-encodes byte strings: each distinct value is stored once, in first-seen order,
/// and gets a code. An open-addressing table keyed by a byte hash avoids creating a String per
/// cell; Strings are made once per distinct value at the end.
///
/// Layout, chosen for the cache: a slot holds part of the hash and where the value sits in the
/// arena, and the arena keeps each value's code and length right before its bytes. A lookup of a
/// value already seen thus touches two cache lines (slot, value); a new value, one.
struct StringInterner {
    private static let headerSize = 8
    private static let tagMask: UInt64 = 0xFFFF_FF00_0000_0000
    private static let offsetMask: UInt64 = 0x0000_00FF_FFFF_FFFF

    /// Values back to back, each as [code: UInt32][length: UInt32][bytes].
    private var arena: [UInt8] = []
    /// Arena offset of each value's header, by code.
    private var starts: [Int] = []
    private var hashes: [UInt64] = []
    /// Slot → (top 24 bits of the hash) | (arena offset + 1); 0 when empty. At most half full.
    private var table = [UInt64](repeating: 0, count: 64)

    var count: Int { hashes.count }

    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
        intern(p, length, hash: StringInterner.hash(p, length))
    }

    @inline(__always)
    private mutating func intern(_ p: UnsafePointer<UInt8>, _ length: Int, hash: UInt64) -> Int32 {
        let (found, slot) = lookup(p, length, hash: hash)
        if found >= 0 { return found }
        let code = Int32(truncatingIfNeeded: hashes.count)
        let start = arena.count
        hashes.append(hash)
        starts.append(start)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: Int(code)).littleEndian) { arena.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
        table[slot] = (hash & StringInterner.tagMask) | UInt64(truncatingIfNeeded: start + 1)
        if hashes.count * 2 > table.count { rebuild(size: table.count * 2) }
        return code
    }

    /// The value's code (or -1) and the slot where the probe stopped.
    @inline(__always)
    private func lookup(_ p: UnsafePointer<UInt8>, _ length: Int, hash: UInt64) -> (Int32, Int) {
        let tag = hash & StringInterner.tagMask
        return table.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { values in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return (-1, slot) }
                    if entry & StringInterner.tagMask == tag, let base = values.baseAddress {
                        let header = Int(truncatingIfNeeded: entry & StringInterner.offsetMask) - 1
                        let raw = UnsafeRawPointer(base + header)
                        let storedLength = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
                        if storedLength == length && StringInterner.equal(base + header + StringInterner.headerSize, p, length) {
                            return (Int32(bitPattern: UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))), slot)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        var i = 0
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        while i + 8 <= length {
            if rawA.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < length {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Makes room for `extra` more values without growing step by step.
    mutating func reserve(_ extra: Int) {
        let needed = (count + extra) * 2
        guard needed > table.count else { return }
        var size = table.count
        while size < needed { size *= 2 }
        rebuild(size: size)
    }

    private mutating func rebuild(size: Int) {
        var bigger = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (code, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = (hash & StringInterner.tagMask) | UInt64(truncatingIfNeeded: starts[code] + 1)
        }
        table = bigger
    }

    /// Adds every value of `other` (in its order); returns other's code → this interner's code.
    mutating func absorb(_ other: StringInterner) -> [Int32] {
        reserve(other.count)
        var remap = [Int32](repeating: -1, count: other.count)
        other.forEachValue { code, p, length in
            remap[code] = intern(p, length, hash: other.hashes[code])
        }
        return remap
    }

    /// The distinct values as Strings, in code order. The bytes are valid UTF-8 by construction.
    func strings() -> [String] {
        var result: [String] = []
        result.reserveCapacity(count)
        forEachValue { _, p, length in
            result.append(String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self))
        }
        return result
    }

    private func forEachValue(_ body: (Int, UnsafePointer<UInt8>, Int) -> Void) {
        arena.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress else { return }
            for code in 0..<count {
                let header = starts[code]
                let length = Int(UInt32(littleEndian: UnsafeRawPointer(base + header).loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
                body(code, base + header + StringInterner.headerSize, length)
            }
        }
    }

    /// A fast multiply-xorshift hash over 8-byte words.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: length)
        var i = 0
        // Reads stay inside the value: whole words while 8 bytes remain, then the tail below.
        let raw = UnsafeRawPointer(p)
        while i + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        let rest = length - i
        if rest > 0 {
            // Two overlapping 4-byte reads (or three single bytes) cover the tail without a loop;
            // with the length mixed in, different tails still give different words.
            var tail: UInt64
            if rest >= 4 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                tail |= UInt64(raw.loadUnaligned(fromByteOffset: i + rest - 4, as: UInt32.self)) << 32
            } else {
                tail = UInt64(p[i]) | UInt64(p[i + rest / 2]) << 8 | UInt64(p[i + rest - 1]) << 16
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}

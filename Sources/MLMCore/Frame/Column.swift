/// How a column's cells are laid out in memory.
public enum ColumnStorage: Sendable, Equatable {
    /// Contiguous doubles; a missing cell holds `.nan` (and is flagged in the mask).
    case numbers([Double])
    /// Dictionary-encoded strings: `codes[row]` indexes `dictionary`; a missing cell holds -1.
    case strings(codes: [Int32], dictionary: [String])
}

/// One typed column with a missing-value mask.
///
/// Invariant, kept by every initializer and mutation: `missing[row]` is true exactly when the
/// numeric slot is NaN or the string code is -1.
public struct Column: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public private(set) var storage: ColumnStorage
    public private(set) var missing: MissingMask

    /// A numeric-storage column (integer, number, boolean, date). NaN cells become missing.
    public init(name: String, type: ColumnType = .number, numbers: [Double]) {
        precondition(type.isNumericStorage, "numbers need a numeric column type")
        self.name = name
        self.type = type
        self.storage = .numbers(numbers)
        var mask = MissingMask(count: numbers.count)
        numbers.withUnsafeBufferPointer { values in
            for i in 0..<values.count where values[i].isNaN { mask[i] = true }
        }
        self.missing = mask
    }

    /// A string column (category or text) from optional strings; nil cells are missing.
    public init(name: String, type: ColumnType = .category, strings: [String?]) {
        precondition(type.isString, "strings need a category or text column type")
        var dictionary: [String] = []
        var lookup: [String: Int32] = [:]
        var codes = [Int32](repeating: -1, count: strings.count)
        for (row, value) in strings.enumerated() {
            guard let value else { continue }
            if let code = lookup[value] {
                codes[row] = code
            } else {
                let code = Int32(dictionary.count)
                lookup[value] = code
                dictionary.append(value)
                codes[row] = code
            }
        }
        self.init(name: name, type: type, codes: codes, dictionary: dictionary)
    }

    /// A string column from codes already built (e.g. by the CSV reader). Code -1 is missing.
    public init(name: String, type: ColumnType = .category, codes: [Int32], dictionary: [String]) {
        precondition(type.isString, "codes need a category or text column type")
        self.name = name
        self.type = type
        self.storage = .strings(codes: codes, dictionary: dictionary)
        var mask = MissingMask(count: codes.count)
        for i in 0..<codes.count where codes[i] < 0 { mask[i] = true }
        self.missing = mask
    }

    public var count: Int {
        switch storage {
        case .numbers(let values): return values.count
        case .strings(let codes, _): return codes.count
        }
    }

    /// The numeric values, or nil for string columns.
    public var numbers: [Double]? {
        if case .numbers(let values) = storage { return values }
        return nil
    }

    /// Codes and dictionary, or nil for numeric columns.
    public var strings: (codes: [Int32], dictionary: [String])? {
        if case .strings(let codes, let dictionary) = storage { return (codes, dictionary) }
        return nil
    }

    public func isMissing(_ row: Int) -> Bool { missing[row] }

    public var missingCount: Int { missing.missingCount }

    /// The cell as a number (nil when missing or a string column).
    public func number(at row: Int) -> Double? {
        guard case .numbers(let values) = storage, !missing[row] else { return nil }
        return values[row]
    }

    /// The cell as a string (nil when missing or a numeric column).
    public func string(at row: Int) -> String? {
        guard case .strings(let codes, let dictionary) = storage else { return nil }
        let code = codes[row]
        return code < 0 ? nil : dictionary[Int(code)]
    }

    /// The cell as people read it (strings as they are, numbers, booleans and dates formatted by
    /// ValueText); nil when missing.
    public func displayText(at row: Int) -> String? {
        if let text = string(at: row) { return text }
        return number(at: row).map { ValueText.format($0, type: type) }
    }

    /// The column restricted to the given rows, in that order.
    public func gathering(_ rows: [Int]) -> Column {
        switch storage {
        case .numbers(let values):
            var out = [Double](repeating: 0, count: rows.count)
            values.withUnsafeBufferPointer { src in
                for (i, row) in rows.enumerated() { out[i] = src[row] }
            }
            return Column(name: name, type: type, numbers: out)
        case .strings(let codes, let dictionary):
            var out = [Int32](repeating: -1, count: rows.count)
            codes.withUnsafeBufferPointer { src in
                for (i, row) in rows.enumerated() { out[i] = src[row] }
            }
            return Column(name: name, type: type, codes: out, dictionary: dictionary)
        }
    }

    /// A copy with the dictionary reduced to the codes still in use, in first-seen order.
    public func compactingDictionary() -> Column {
        guard case .strings(let codes, let dictionary) = storage else { return self }
        var remap = [Int32](repeating: -1, count: dictionary.count)
        var newDictionary: [String] = []
        var newCodes = [Int32](repeating: -1, count: codes.count)
        for (row, code) in codes.enumerated() where code >= 0 {
            if remap[Int(code)] < 0 {
                remap[Int(code)] = Int32(newDictionary.count)
                newDictionary.append(dictionary[Int(code)])
            }
            newCodes[row] = remap[Int(code)]
        }
        return Column(name: name, type: type, codes: newCodes, dictionary: newDictionary)
    }
}

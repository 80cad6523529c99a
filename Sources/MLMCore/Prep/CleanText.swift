/// `trim a, b`, `lower a, b`, `upper a, b`
extension DataFrame {
    /// Trims spaces (and other white space) around, or lower- or upper-cases, the cells of a
    /// category or text column, and returns how many cells changed. The work is done once per
    /// distinct value, not once per cell; values that become equal (" Paris" and "Paris")
    /// become one value.
    public mutating func transformText(_ column: String, _ transform: TextCaseTransform) throws(PrepError) -> Int {
        let source = try prepColumn(column)
        guard let (codes, dictionary) = source.strings else {
            throw PrepError.wrongType(source, operation: Self.operationName(transform), needs: "text or categories")
        }
        var newDictionary: [String] = []
        var newCode: [String: Int32] = [:]
        var remap = [Int32](repeating: -1, count: dictionary.count)
        var entryChanged = [Bool](repeating: false, count: dictionary.count)
        for (code, text) in dictionary.enumerated() {
            let transformed = Self.transformed(text, transform)
            entryChanged[code] = transformed != text
            remap[code] = newCode[transformed] ?? {
                let next = Int32(newDictionary.count)
                newDictionary.append(transformed)
                newCode[transformed] = next
                return next
            }()
        }
        var changed = 0
        codes.withUnsafeBufferPointer { cells in
            for code in cells where code >= 0 && entryChanged[Int(code)] { changed += 1 }
        }
        guard changed > 0 else { return 0 }
        setColumn(source.withCodes(StringCodes.remapped(codes, through: remap), dictionary: newDictionary))
        return changed
    }

    private static func transformed(_ text: String, _ transform: TextCaseTransform) -> String {
        switch transform {
        case .trim: return String(CellParsing.trimmed(text))
        case .lower: return text.lowercased()
        case .upper: return text.uppercased()
        }
    }

    private static func operationName(_ transform: TextCaseTransform) -> String {
        switch transform {
        case .trim: return "trim"
        case .lower: return "lower"
        case .upper: return "upper"
        }
    }
}

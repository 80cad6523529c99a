/// Operations that change cell values in place: `replace v1, v2 with value-or-missing [in a, b]`
/// and `trim a, b`, `lower a, b`, `upper a, b`.
extension DataFrame {
    /// Replaces every cell equal to one of `values` (`.missing` matches missing cells) with
    /// `replacement` in the named columns, and returns how many cells changed.
    ///
    /// Values are read as each column stores them (see `Column.storedValue(of:)`): a number
    /// matches its text in a category column, "2024-01-31" matches a date. With named columns,
    /// a value that cannot occur in a column is an error; with no columns, the replacement
    /// applies to every column that all the values and the replacement fit, and leaves the
    /// others alone. A whole-number column that receives a fraction becomes a `number` column.
    public mutating func replace(
        _ values: [CellValue], with replacement: CellValue, in columns: [String]
    ) throws(PrepError) -> Int {
        let targets: [(Column, ReplacementPlan)]
        if columns.isEmpty {
            targets = self.columns.compactMap { column in
                (try? ReplacementPlan(values, replacement, for: column)).map { (column, $0) }
            }
        } else {
            var planned: [(Column, ReplacementPlan)] = []
            // A name given twice is replaced once.
            for name in columns where !planned.contains(where: { $0.0.name == name }) {
                let column = try prepColumn(name)
                planned.append((column, try ReplacementPlan(values, replacement, for: column)))
            }
            targets = planned
        }
        var changed = 0
        for (column, plan) in targets { changed += applyReplacement(plan, to: column) }
        return changed
    }

    private mutating func applyReplacement(_ plan: ReplacementPlan, to column: Column) -> Int {
        if let values = column.numbers {
            let (result, changed) = plan.replacingNumbers(values)
            guard changed > 0 else { return 0 }
            let type = plan.numberReplacement.map(column.typeAfterStoring) ?? column.type
            setColumn(column.withNumbers(result, type: type))
            return changed
        }
        guard let (codes, dictionary) = column.strings else { return 0 }
        var newDictionary = dictionary
        let remap = plan.codeRemap(dictionary, extending: &newDictionary)
        let missingCode: Int32 = plan.matchesMissing ? plan.replacementCode(in: &newDictionary) : -1
        var newCodes = codes
        var changed = 0
        newCodes.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count {
                let old = cells[row]
                let new = old < 0 ? missingCode : remap[Int(old)]
                guard new != old else { continue }
                cells[row] = new
                changed += 1
            }
        }
        guard changed > 0 else { return 0 }
        setColumn(column.withCodes(newCodes, dictionary: newDictionary).compactingDictionary())
        return changed
    }
}

extension DataFrame {
    /// Trims spaces (and other white space) around, or lower- or upper-cases, the cells of a
    /// category or text column, and returns how many cells changed. The work is done once per
    /// distinct value, not once per cell; values that become equal (" Paris" and "Paris")
    /// become one value, and a value trimming leaves empty becomes missing, as an empty cell of
    /// a file is (the caller counts cells that lost their value).
    public mutating func transformText(_ column: String, _ transform: TextCaseTransform) throws(PrepError) -> Int {
        let source = try prepColumn(column)
        guard let (codes, dictionary) = source.strings else {
            throw PrepError.wrongType(source, operation: Self.operationName(transform), needs: .strings)
        }
        var newDictionary: [String] = []
        var newCode: [String: Int32] = [:]
        var remap = [Int32](repeating: -1, count: dictionary.count)
        var entryChanged = [Bool](repeating: false, count: dictionary.count)
        for (code, text) in dictionary.enumerated() {
            let transformed = Self.transformed(text, transform)
            entryChanged[code] = transformed != text
            if transformed.isEmpty, !text.isEmpty { continue }
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

/// The values to look for and the value to put, in one column's stored form.
private struct ReplacementPlan {
    var numbers: [Double] = []
    var texts: Set<String> = []
    var matchesMissing = false
    /// The replacement as a number (numeric columns), a text (string columns), or nil = missing.
    var numberReplacement: Double?
    var textReplacement: String?

    init(_ values: [CellValue], _ replacement: CellValue, for column: Column) throws(PrepError) {
        for value in values {
            switch try column.storedValue(of: value) {
            case .number(let number): numbers.append(number)
            case .string(let text): texts.insert(text)
            case .missing: matchesMissing = true
            }
        }
        switch try column.storedValue(of: replacement) {
        case .number(let number): numberReplacement = number
        case .string(let text): textReplacement = text
        case .missing: break
        }
    }

    /// New cells and how many changed; a cell already equal to the replacement is unchanged.
    func replacingNumbers(_ values: [Double]) -> ([Double], Int) {
        let target = numberReplacement ?? .nan
        var result = values
        var changed = 0
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count {
                let old = cells[row]
                let matches = old.isNaN ? matchesMissing : numbers.contains(old)
                guard matches, !(old == target || (old.isNaN && target.isNaN)) else { continue }
                cells[row] = target
                changed += 1
            }
        }
        return (result, changed)
    }

    /// For each old code, the code it becomes (itself when it does not match).
    func codeRemap(_ dictionary: [String], extending newDictionary: inout [String]) -> [Int32] {
        var remap = (0..<dictionary.count).map { Int32($0) }
        guard !texts.isEmpty else { return remap }
        var replacement: Int32?
        for code in dictionary.indices where texts.contains(dictionary[code]) {
            if replacement == nil { replacement = replacementCode(in: &newDictionary) }
            remap[code] = replacement ?? -1
        }
        return remap
    }

    func replacementCode(in dictionary: inout [String]) -> Int32 {
        guard let textReplacement else { return -1 }
        return Column.code(of: textReplacement, in: &dictionary)
    }
}

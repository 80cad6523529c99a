import Foundation
/// `onehot a, b`
extension DataFrame {
    /// The most one-hot columns a single column may turn into.
    static let oneHotLevelLimit = 100

    /// Replaces a category, text, boolean or whole-number column by one 0/1 `integer` column
    /// per level, inserted where the source column was, and returns their names.
    ///
    /// Levels are learned from the fitting rows (the training rows once split), ignoring
    /// missing cells, and sorted ascending (numbers numerically, text alphabetically). Outputs
    /// are named `column_level`, with the level made name-safe: lower-cased, and every
    /// character other than a–z, 0–9 and `_` replaced by `_`; a name already taken gets `_2`,
    /// `_3`, .... A missing cell, or a level not seen in the fitting rows, gives all zeros.
    /// More than 100 levels is an error, since that many columns help no model. Records a
    /// `oneHot` step with the levels and output names.
    public mutating func oneHot(_ column: String) throws(PrepError) -> [String] {
        let source = try prepColumn(column)
        guard ColumnNeed.levels.accepts(source.type) else {
            throw PrepError.wrongType(source, operation: "onehot", needs: .levels)
        }
        let (levels, levelOfCell) = oneHotLevels(source)
        guard levels.count <= Self.oneHotLevelLimit else {
            throw PrepError(
                "column '\(column)' has \(ValueText.grouped(levels.count)) different values; one-hot encoding would add "
                    + "\(ValueText.grouped(levels.count)) columns (at most \(Self.oneHotLevelLimit) are allowed); bin it or drop it instead")
        }
        guard !levels.isEmpty else { throw noValuesError(column, toCompute: "the levels") }
        let outputs = oneHotNames(column, levels)
        // One pass over the rows for all outputs, rather than one pass per level.
        var flags = [[Double]](repeating: [Double](repeating: 0, count: rowCount), count: levels.count)
        levelOfCell.withUnsafeBufferPointer { cells in
            for row in 0..<cells.count where cells[row] >= 0 { flags[cells[row]][row] = 1 }
        }
        insertColumns(outputs.indices.map { Column(name: outputs[$0], type: .integer, numbers: flags[$0]) }, after: column)
        removeColumn(named: column)
        preparation.append(.oneHot(column: column, levels: levels, outputs: outputs))
        return outputs
    }

    /// Sorted level texts from the fitting rows, and each row's level index (-1 = none).
    private func oneHotLevels(_ source: Column) -> (levels: [String], levelOfCell: [Int]) {
        if let values = source.numbers {
            let learned = fittingValues(values).sorted()
            var distinct: [Double] = []
            for value in learned where distinct.last != value { distinct.append(value) }
            var levelOfCell = [Int](repeating: -1, count: values.count)
            values.withUnsafeBufferPointer { cells in
                distinct.withUnsafeBufferPointer { sortedLevels in
                    for row in 0..<cells.count where !cells[row].isNaN {
                        let index = Self.binIndex(cells[row], sortedLevels) - 1
                        if index >= 0, sortedLevels[index] == cells[row] { levelOfCell[row] = index }
                    }
                }
            }
            return (distinct.map { Self.text(of: $0, type: source.type) }, levelOfCell)
        }
        guard let (codes, dictionary) = source.strings else { return ([], []) }
        let canonical = StringCodes.canonical(dictionary)
        var seen = [Bool](repeating: false, count: dictionary.count)
        codes.withUnsafeBufferPointer { cells in
            for row in 0..<cells.count where cells[row] >= 0 && isFittingRow(row) {
                seen[Int(canonical[Int(cells[row])])] = true
            }
        }
        let levelCodes = dictionary.indices.filter { seen[$0] }.sorted { dictionary[$0] < dictionary[$1] }
        var levelOfCode = [Int](repeating: -1, count: dictionary.count)
        for (index, code) in levelCodes.enumerated() { levelOfCode[code] = index }
        for code in canonical.indices { levelOfCode[code] = levelOfCode[Int(canonical[code])] }
        let levelOfCell = StringCodes.remapped(codes, through: levelOfCode.map { Int32($0) }).map { Int($0) }
        return (levelCodes.map { dictionary[$0] }, levelOfCell)
    }

    /// `column_level` names, made safe and unique against each other and the table.
    private func oneHotNames(_ column: String, _ levels: [String]) -> [String] {
        var taken = Set(columnNames)
        taken.remove(column)
        return levels.map { level in
            let base = column + "_" + Self.nameSafe(level)
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = base + "_\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            return name
        }
    }

    /// Lower-cased, with every character but a–z, 0–9 and `_` turned into `_`, runs of `_`
    /// merged and none at either end ("admin." → "admin", "self-employed" → "self_employed",
    /// "Étudiant" → "etudiant", "-1" → "minus_1").
    static func nameSafe(_ text: String) -> String {
        var result = text.hasPrefix("-") ? "minus_" : ""
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for scalar in folded.lowercased().unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": result.unicodeScalars.append(scalar)
            default: if !result.isEmpty, !result.hasSuffix("_") { result.append("_") }
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        return result.isEmpty ? "value" : result
    }
}

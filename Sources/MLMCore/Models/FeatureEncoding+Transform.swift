/// What encoding a table for a model had to fill in, so the user can be told.
public struct EncodingReport: Sendable, Equatable {
    /// Missing number cells filled with the training median, per column.
    public var filledNumbers: [(column: String, cells: Int)] = []
    /// Missing number cells kept as NaN for a native-input model, per column.
    public var keptMissingNumbers: [(column: String, cells: Int)] = []
    /// Missing category cells (all zeros, or NaN for native inputs), per column.
    public var missingCategories: [(column: String, cells: Int)] = []
    /// Category cells with a value never seen in training (all zeros), per column, with examples.
    public var unseenCategories: [(column: String, cells: Int, examples: [String])] = []

    public static func == (lhs: EncodingReport, rhs: EncodingReport) -> Bool {
        lhs.filledNumbers.map(\.column) == rhs.filledNumbers.map(\.column)
            && lhs.filledNumbers.map(\.cells) == rhs.filledNumbers.map(\.cells)
            && lhs.keptMissingNumbers.map(\.column) == rhs.keptMissingNumbers.map(\.column)
            && lhs.keptMissingNumbers.map(\.cells) == rhs.keptMissingNumbers.map(\.cells)
            && lhs.missingCategories.map(\.cells) == rhs.missingCategories.map(\.cells)
            && lhs.unseenCategories.map(\.cells) == rhs.unseenCategories.map(\.cells)
    }
}

extension FeatureEncoding {
    /// Encodes the given rows (all rows when nil) of a table. Fails when a required column is
    /// missing or has the wrong kind of values.
    public func transform(_ frame: DataFrame, rows: [Int]? = nil) throws(ModelError) -> (FeatureMatrix, EncodingReport) {
        let selected = rows ?? Array(0..<frame.rowCount)
        let positions = frame.columnPositions()
        if mode == .native { return try transformNative(frame, selected, positions) }
        let n = selected.count
        var values = [Double](repeating: 0, count: n * outputNames.count)
        var report = EncodingReport()
        var offset = 0
        for input in inputs {
            switch input {
            case .number(let name, let fill, let indicator):
                let source = try numbers(of: name, in: frame, positions)
                var filled = 0
                for (i, row) in selected.enumerated() {
                    let value = source[row]
                    if value.isNaN {
                        filled += 1
                        values[offset * n + i] = fill
                        if indicator { values[(offset + 1) * n + i] = 1 }
                    } else {
                        values[offset * n + i] = value
                    }
                }
                if filled > 0 { report.filledNumbers.append((name, filled)) }
                offset += indicator ? 2 : 1
            case .category(let name, let levels):
                try encodeCategory(name, levels, frame, positions, selected, &values, offset, &report)
                offset += levels.count
            }
        }
        return (FeatureMatrix(rows: n, columns: outputNames.count, values: values, names: outputNames), report)
    }

    private func numbers(of name: String, in frame: DataFrame, _ positions: [String: Int]) throws(ModelError) -> [Double] {
        guard let column = positions[name].map({ frame.columns[$0] }) else {
            throw ModelError("the table has no column '\(name)', which the model needs")
        }
        guard let values = column.numbers else {
            throw ModelError("column '\(name)' holds text, but the model was trained on numbers in it")
        }
        return values
    }

    /// One-hot inputs: a 1 in the input of the row's level (all 0 when missing or unseen).
    private func encodeCategory(_ name: String, _ levels: [String], _ frame: DataFrame, _ positions: [String: Int], _ selected: [Int],
                                _ values: inout [Double], _ offset: Int, _ report: inout EncodingReport) throws(ModelError) {
        let n = selected.count
        for (i, level) in try levelIndices(name, levels, frame, positions, selected, &report).enumerated() where level >= 0 {
            values[(offset + level) * n + i] = 1
        }
    }

    /// Native inputs: numbers as they are (NaN kept), a category as its level index (NaN when
    /// missing or unseen).
    private func transformNative(_ frame: DataFrame, _ selected: [Int], _ positions: [String: Int]) throws(ModelError) -> (FeatureMatrix, EncodingReport) {
        let n = selected.count
        var values = [Double](repeating: .nan, count: n * inputs.count)
        var report = EncodingReport()
        for (offset, input) in inputs.enumerated() {
            switch input {
            case .number(let name, _, _):
                let source = try numbers(of: name, in: frame, positions)
                var missing = 0
                for (i, row) in selected.enumerated() {
                    let value = source[row]
                    if value.isNaN { missing += 1 }
                    values[offset * n + i] = value
                }
                if missing > 0 { report.keptMissingNumbers.append((name, missing)) }
            case .category(let name, let levels):
                try encodeCategoryIndex(name, levels, frame, positions, selected, &values, offset, &report)
            }
        }
        let matrix = FeatureMatrix(rows: n, columns: inputs.count, values: values, names: outputNames,
                                   categoryCounts: categoryCounts)
        return (matrix, report)
    }

    /// A native input: the row's level index (left NaN when missing or unseen).
    private func encodeCategoryIndex(_ name: String, _ levels: [String], _ frame: DataFrame, _ positions: [String: Int], _ selected: [Int],
                                     _ values: inout [Double], _ offset: Int, _ report: inout EncodingReport) throws(ModelError) {
        let n = selected.count
        for (i, level) in try levelIndices(name, levels, frame, positions, selected, &report).enumerated() where level >= 0 {
            values[offset * n + i] = Double(level)
        }
    }

    /// Each selected row's position among the training levels, -1 when missing or unseen;
    /// counts both kinds (with up to three unseen examples) in the report.
    private func levelIndices(_ name: String, _ levels: [String], _ frame: DataFrame, _ positions: [String: Int], _ selected: [Int],
                              _ report: inout EncodingReport) throws(ModelError) -> [Int] {
        guard let column = positions[name].map({ frame.columns[$0] }) else {
            throw ModelError("the table has no column '\(name)', which the model needs")
        }
        guard let (codes, dictionary) = column.strings else {
            throw ModelError("column '\(name)' holds numbers, but the model was trained on categories in it")
        }
        // Map this table's codes to level positions once, not per row.
        let position = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        let levelOfCode = dictionary.map { position[$0] ?? -1 }
        var missing = 0, unseen = 0
        var examples: [String] = []
        let indices = selected.map { row -> Int in
            let code = Int(codes[row])
            guard code >= 0 else { missing += 1; return -1 }
            let level = levelOfCode[code]
            if level < 0 {
                unseen += 1
                if examples.count < 3, !examples.contains(dictionary[code]) { examples.append(dictionary[code]) }
            }
            return level
        }
        if missing > 0 { report.missingCategories.append((name, missing)) }
        if unseen > 0 { report.unseenCategories.append((name, unseen, examples)) }
        return indices
    }
}

/// Shared look-ups for the preparation operations: finding a column with a friendly error,
/// checking its type, and collecting the values that fitted steps may learn from.
extension DataFrame {
    /// The named column, or the error every operation gives for an unknown name.
    func prepColumn(_ name: String) throws(PrepError) -> Column {
        guard let column = column(named: name) else {
            throw PrepError("there is no column '\(name)'")
        }
        return column
    }

    /// A column of whole numbers or numbers, with its values (NaN = missing).
    func quantitativeColumn(
        _ name: String, for operation: String
    ) throws(PrepError) -> (column: Column, values: [Double]) {
        let column = try prepColumn(name)
        guard ColumnNeed.numbers.accepts(column.type), let values = column.numbers else {
            throw PrepError.wrongType(column, operation: operation, needs: .numbers)
        }
        return (column, values)
    }

    /// Whether fitted steps may learn from this row: a training row once split, else every row.
    @inline(__always)
    func isFittingRow(_ row: Int) -> Bool {
        guard let roles else { return true }
        return row < roles.count && roles[row] == .train
    }

    /// The values that are not missing in the fitting rows, in row order.
    func fittingValues(_ values: [Double]) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { cells in
            if let roles {
                roles.withUnsafeBufferPointer { roleOf in
                    for row in 0..<min(cells.count, roleOf.count)
                    where roleOf[row] == .train && !cells[row].isNaN {
                        result.append(cells[row])
                    }
                }
            } else {
                for value in cells where !value.isNaN { result.append(value) }
            }
        }
        return result
    }

    /// The error for a statistic that has nothing to learn from.
    func noValuesError(_ column: String, toCompute statistic: String) -> PrepError {
        let rows = isSplit ? " in the training rows" : ""
        return PrepError("column '\(column)' has no values\(rows) to compute \(statistic) from")
    }

    /// The error for a column whose fitting rows all hold one value.
    func constantError(_ column: String, value: Double, cannot verb: String) -> PrepError {
        let rows = isSplit ? "training row" : "row"
        return PrepError(
            "column '\(column)' has the same value (\(NumberText.label(value))) in every \(rows), "
                + "so it cannot be \(verb)")
    }
}

extension PrepError {
    /// "column 'job' holds categories; standardize needs numbers"
    /// A column missing in every row was typed text only for want of values: saying it "holds
    /// text" would send the user looking for text that is not there.
    public static func wrongType(_ column: Column, operation: String, needs: ColumnNeed) -> PrepError {
        if column.count > 0, column.missingCount == column.count {
            return PrepError("column '\(column.name)' is missing in every row, so it holds no \(needs.words) for \(operation); "
                + "drop it, or check the file for why it is empty")
        }
        return PrepError(needs.problem(column: column.name, type: column.type, operation: operation))
    }
}

extension ColumnType {
    /// What a column of this type holds, in a marketer's words.
    public var plainDescription: String {
        switch self {
        case .integer: return "whole numbers"
        case .number: return "numbers"
        case .boolean: return "yes/no values"
        case .date: return "dates"
        case .category: return "categories"
        case .text: return "text"
        }
    }
}

/// Helpers for dictionary-encoded string columns.
enum StringCodes {
    /// Maps every code to the first code with the same text, so that code equality is text
    /// equality even if a reader left duplicate entries in a dictionary.
    static func canonical(_ dictionary: [String]) -> [Int32] {
        var firstCode: [String: Int32] = [:]
        firstCode.reserveCapacity(dictionary.count)
        var result = [Int32](repeating: 0, count: dictionary.count)
        for (code, text) in dictionary.enumerated() {
            if let earlier = firstCode[text] {
                result[code] = earlier
            } else {
                firstCode[text] = Int32(code)
                result[code] = Int32(code)
            }
        }
        return result
    }

    /// Codes rewritten through `remap` (old code → new code, -1 = missing); -1 stays -1.
    static func remapped(_ codes: [Int32], through remap: [Int32]) -> [Int32] {
        var result = [Int32](repeating: -1, count: codes.count)
        codes.withUnsafeBufferPointer { source in
            remap.withUnsafeBufferPointer { table in
                result.withUnsafeMutableBufferPointer { target in
                    for row in 0..<source.count where source[row] >= 0 && Int(source[row]) < table.count {
                        target[row] = table[Int(source[row])]
                    }
                }
            }
        }
        return result
    }
}

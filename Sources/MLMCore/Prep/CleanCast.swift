/// `cast a, b to integer | number | boolean | date | category | text`
extension DataFrame {
    /// Converts a column to another type and returns how many cells could not be converted
    /// and became missing (cells already missing are not counted).
    ///
    /// - to `number`: text is read with `Double` after trimming spaces; booleans give 0/1,
    ///   dates their day number.
    /// - to `integer`: as `number`, then rounded to the nearest whole number (halves away from
    ///   zero); dates give their day number without the time of day. A whole number beyond
    ///   ±(2^53 − 1), which an integer column cannot hold exactly, is an error naming its row.
    /// - to `boolean`: 0/1, or text "true"/"false", "yes"/"no", "y"/"n", "t"/"f", "1"/"0";
    ///   any other number or text fails.
    /// - to `date`: text `yyyy-mm-dd`, optionally with a time `hh:mm[:ss]`; numbers fail, since
    ///   a plain number does not say which day it means.
    /// - to `category`/`text`: numbers in their shortest exact form (25, 2.5, 1000), booleans
    ///   as "true"/"false", dates as `yyyy-mm-dd[ hh:mm]`; never fails.
    /// Text is converted once per distinct value, not once per cell.
    public mutating func cast(_ column: String, to type: ColumnType) throws(PrepError) -> Int {
        let source = try prepColumn(column)
        guard source.type != type else { return 0 }
        if let values = source.numbers {
            if type.isString { setColumn(Self.numbersAsText(values, from: source, to: type)); return 0 }
            if type == .integer, let row = values.firstIndex(where: { !$0.isNaN && !WholeNumbers.fits($0.rounded()) }) {
                throw WholeNumbers.tooLarge(column, row: row, written: NumberText.exact(values[row]), fromText: false)
            }
            return convertCells(source, to: type, values: values) { Self.convertNumber($0, from: source.type, to: type) }
        }
        guard let (codes, dictionary) = source.strings else { return 0 }
        if type.isString {
            setColumn(Column(name: source.name, type: type, codes: codes, dictionary: dictionary))
            return 0
        }
        let parsed = dictionary.map { Self.parseText($0, as: type) }
        if type == .integer {
            let tooLarge = parsed.map { !$0.isNaN && !WholeNumbers.fits($0) }
            if let row = codes.firstIndex(where: { $0 >= 0 && tooLarge[Int($0)] }) {
                throw WholeNumbers.tooLarge(column, row: row, written: String(CellParsing.trimmed(dictionary[Int(codes[row])])), fromText: true)
            }
        }
        var values = [Double](repeating: .nan, count: codes.count)
        codes.withUnsafeBufferPointer { cells in
            parsed.withUnsafeBufferPointer { table in
                for row in 0..<cells.count where cells[row] >= 0 { values[row] = table[Int(cells[row])] }
            }
        }
        let failed = values.count - source.missingCount - Self.presentCount(values)
        setColumn(Column(name: source.name, type: type, numbers: values))
        return failed
    }

    /// Converts each numeric cell with `convert` (NaN = failure), stores the column, and counts
    /// the failures.
    private mutating func convertCells(
        _ source: Column, to type: ColumnType, values: [Double], _ convert: (Double) -> Double
    ) -> Int {
        var result = values
        var failed = 0
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count where !cells[row].isNaN {
                cells[row] = convert(cells[row])
                if cells[row].isNaN { failed += 1 }
            }
        }
        setColumn(Column(name: source.name, type: type, numbers: result))
        return failed
    }

    private static func convertNumber(_ value: Double, from: ColumnType, to: ColumnType) -> Double {
        switch to {
        case .number: return value
        case .integer: return from == .date ? value.rounded(.down) : value.rounded()
        case .boolean: return from != .date && (value == 0 || value == 1) ? value : .nan
        case .date, .category, .text: return .nan
        }
    }

    private static func parseText(_ text: String, as type: ColumnType) -> Double {
        switch type {
        case .number: return CellParsing.number(text) ?? .nan
        case .integer: return CellParsing.number(text)?.rounded() ?? .nan
        case .boolean: return CellParsing.boolean(text) ?? .nan
        case .date: return CellParsing.date(text) ?? .nan
        case .category, .text: return .nan
        }
    }

    /// A string column from numeric cells; each distinct value is formatted once.
    private static func numbersAsText(_ values: [Double], from source: Column, to type: ColumnType) -> Column {
        var codeOfBits: [UInt64: Int32] = [:]
        var dictionary: [String] = []
        var codes = [Int32](repeating: -1, count: values.count)
        values.withUnsafeBufferPointer { cells in
            for row in 0..<cells.count where !cells[row].isNaN {
                let value = cells[row] == 0 ? 0 : cells[row]  // −0 reads as 0
                if let code = codeOfBits[value.bitPattern] {
                    codes[row] = code
                    continue
                }
                let code = Int32(dictionary.count)
                dictionary.append(text(of: value, type: source.type))
                codeOfBits[value.bitPattern] = code
                codes[row] = code
            }
        }
        return Column(name: source.name, type: type, codes: codes, dictionary: dictionary)
    }

    /// A numeric cell as text, the way `cast` and one-hot level names write it.
    static func text(of value: Double, type: ColumnType) -> String {
        switch type {
        case .boolean: return NumberText.boolean(value)
        case .date: return CivilDate.format(value)
        default: return NumberText.exact(value)
        }
    }

    static func presentCount(_ values: [Double]) -> Int {
        values.withUnsafeBufferPointer { cells in
            var count = 0
            for value in cells where !value.isNaN { count += 1 }
            return count
        }
    }
}

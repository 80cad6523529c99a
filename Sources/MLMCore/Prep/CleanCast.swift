/// What a `cast` did: the present cells it could not convert (they are now missing; the
/// caller stops unless asked to coerce), and how a date column's day/month order was decided.
public struct CastResult: Sendable, Equatable {
    /// Present cells that could not be converted.
    public var failed = 0
    /// The first (at most 5) of them, in row order, as written.
    public var examples: [CastExample] = []
    /// Text read as numeric day/month dates: how their order was decided. `.mixed` leaves the
    /// column unchanged (some values fit only day first, others only month first): the caller
    /// must stop.
    public var order: DateOrderDecision = .notNeeded
    /// The cell that settled the order, one the two readings differ on, or (mixed) one that
    /// fits only day first and one that fits only month first.
    public var orderExamples: [CastExample] = []
    /// The reading used (`mm/dd/yyyy`) and the other one.
    public var patterns = (chosen: "", other: "")

    public init() {}

    public static func == (a: CastResult, b: CastResult) -> Bool {
        a.failed == b.failed && a.examples == b.examples && a.order == b.order && a.orderExamples == b.orderExamples
            && a.patterns == b.patterns
    }
}

/// A cell named in a message: its row in the table and its value as written.
public struct CastExample: Sendable, Equatable {
    public var row: Int
    public var text: String
}

/// `cast a, b to integer | number | boolean | date | category | text ["format"]`
extension DataFrame {
    /// Why a column of this type cannot be cast so at all, before any cell is looked at; nil
    /// when it can.
    public static func castProblem(_ column: String, from source: ColumnType, to type: ColumnType, format: DateFormat?) -> String? {
        guard type == .date, format == nil, source == .integer || source == .number else { return nil }
        let name = DateOrderWording.written(column)
        return "'\(column)' holds numbers, and a number does not say which day it means; give its format: "
            + "cast \(name) to date \"yyyymmdd\" (20240315) or cast \(name) to date \"excel\" (Excel's day numbers)"
    }

    /// Converts a column to another type. Present cells that cannot be converted become
    /// missing and are counted in the result (cells already missing are not counted).
    ///
    /// - to `number`: text is read with `Double` after trimming spaces; booleans give 0/1,
    ///   dates their day number.
    /// - to `integer`: as `number`, then rounded to the nearest whole number (halves away from
    ///   zero); dates give their day number without the time of day. A whole number beyond
    ///   ±(2^53 − 1), which an integer column cannot hold exactly, is an error naming its row.
    /// - to `boolean`: 0/1, or text "true"/"false", "yes"/"no", "y"/"n", "t"/"f", "1"/"0";
    ///   any other number or text fails.
    /// - to `date`: with a format, each cell follows it (numbers too: `yyyymmdd`, `excel`);
    ///   without one, text in any form the CSV reader recognises, numeric day/month dates read
    ///   in one order for the whole column (`DateOrder`); numbers need a format.
    /// - to `category`/`text`: numbers in their shortest exact form (25, 2.5, 1000), booleans
    ///   as "true"/"false", dates as `yyyy-mm-dd[ hh:mm]`; never fails.
    /// Text is converted once per distinct value, not once per cell.
    public mutating func cast(_ column: String, to type: ColumnType, format: DateFormat? = nil) throws(PrepError) -> CastResult {
        let source = try prepColumn(column)
        guard source.type != type else { return CastResult() }
        if let problem = Self.castProblem(column, from: source.type, to: type, format: format) { throw PrepError(problem) }
        if let values = source.numbers {
            if type.isString { setColumn(Self.numbersAsText(values, from: source, to: type)); return CastResult() }
            if type == .integer, let row = values.firstIndex(where: { !$0.isNaN && !WholeNumbers.fits($0.rounded()) }) {
                throw WholeNumbers.tooLarge(column, row: row, written: NumberText.exact(values[row]), fromText: false)
            }
            return convertCells(source, to: type, values: values) { value in
                if type == .date, let format { return format.read(number: value) ?? .nan }
                return Self.convertNumber(value, from: source.type, to: type)
            }
        }
        guard let (codes, dictionary) = source.strings else { return CastResult() }
        if type.isString {
            setColumn(Column(name: source.name, type: type, codes: codes, dictionary: dictionary))
            return CastResult()
        }
        var result = CastResult()
        let parsed: [Double]
        if type == .date && format == nil {
            let dates = TextDates(codes: codes, dictionary: dictionary)
            result.order = dates.evidence.decision
            let monthFirst = result.order == .mixed ? false : result.order.monthFirst
            result.patterns = (dates.evidence.pattern(monthFirst: monthFirst), dates.evidence.pattern(monthFirst: !monthFirst))
            result.orderExamples = dates.examples(for: result.order)
            if result.order == .mixed { return result }
            parsed = dates.values(monthFirst: result.order.monthFirst)
        } else {
            parsed = dictionary.map { Self.parseText($0, as: type, format: format) }
        }
        if type == .integer {
            let tooLarge = parsed.map { !$0.isNaN && !WholeNumbers.fits($0) }
            if let row = codes.firstIndex(where: { $0 >= 0 && tooLarge[Int($0)] }) {
                throw WholeNumbers.tooLarge(column, row: row, written: String(CellParsing.trimmed(dictionary[Int(codes[row])])), fromText: true)
            }
        }
        var values = [Double](repeating: .nan, count: codes.count)
        codes.withUnsafeBufferPointer { cells in
            parsed.withUnsafeBufferPointer { table in
                for row in 0..<cells.count where cells[row] >= 0 {
                    let value = table[Int(cells[row])]
                    values[row] = value
                    if value.isNaN {
                        result.failed += 1
                        if result.examples.count < 5 { result.examples.append(CastExample(row: row, text: dictionary[Int(cells[row])])) }
                    }
                }
            }
        }
        setColumn(Column(name: source.name, type: type, numbers: values))
        return result
    }

    /// Converts each numeric cell with `convert` (NaN = failure), stores the column, and counts
    /// the failures.
    private mutating func convertCells(
        _ source: Column, to type: ColumnType, values: [Double], _ convert: (Double) -> Double
    ) -> CastResult {
        var converted = values
        var result = CastResult()
        converted.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count where !cells[row].isNaN {
                let before = cells[row]
                cells[row] = convert(before)
                if cells[row].isNaN {
                    result.failed += 1
                    if result.examples.count < 5 { result.examples.append(CastExample(row: row, text: Self.text(of: before, type: source.type))) }
                }
            }
        }
        setColumn(Column(name: source.name, type: type, numbers: converted))
        return result
    }

    private static func convertNumber(_ value: Double, from: ColumnType, to: ColumnType) -> Double {
        switch to {
        case .number: return value
        case .integer: return from == .date ? value.rounded(.down) : value.rounded()
        case .boolean: return from != .date && (value == 0 || value == 1) ? value : .nan
        case .date, .category, .text: return .nan
        }
    }

    private static func parseText(_ text: String, as type: ColumnType, format: DateFormat?) -> Double {
        switch type {
        case .number: return CellParsing.number(text) ?? .nan
        case .integer: return CellParsing.number(text)?.rounded() ?? .nan
        case .boolean: return CellParsing.boolean(text) ?? .nan
        case .date: return format?.read(text) ?? .nan
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

/// The distinct texts of a column read as dates in the reader's forms, with the evidence of
/// the values present in some row (a dictionary may keep values whose rows were dropped).
private struct TextDates {
    let codes: [Int32]
    let dictionary: [String]
    let parsed: [ParsedDate?]
    let evidence: DateOrderEvidence<Int>

    init(codes: [Int32], dictionary: [String]) {
        self.codes = codes
        self.dictionary = dictionary
        var used = [Bool](repeating: false, count: dictionary.count)
        var order: [Int] = []
        for code in codes where code >= 0 && !used[Int(code)] {
            used[Int(code)] = true
            order.append(Int(code))
        }
        let parsed = dictionary.map { text in CellRules.withTrimmedBytes(text) { p, count in DateParsing.parse(p, count) } }
        var evidence = DateOrderEvidence<Int>()
        for code in order { if let date = parsed[code] { evidence.observe(date, at: code) } }
        self.parsed = parsed
        self.evidence = evidence
    }

    func values(monthFirst: Bool) -> [Double] {
        parsed.map { date in date.map { monthFirst ? $0.monthFirst : $0.dayFirst } ?? .nan }
    }

    /// The cells behind the evidence, each at the first row holding it.
    func examples(for decision: DateOrderDecision) -> [CastExample] {
        let wanted: [Int?]
        switch decision {
        case .mixed: wanted = [evidence.dayFirstOnly, evidence.monthFirstOnly]
        case .settled(let monthFirst): wanted = [monthFirst ? evidence.monthFirstOnly : evidence.dayFirstOnly]
        case .byDefault, .notNeeded: wanted = [evidence.differing]
        }
        return wanted.compactMap { code in
            guard let code, let row = codes.firstIndex(of: Int32(code)) else { return nil }
            return CastExample(row: row, text: dictionary[code])
        }
    }
}

/// `fill column with mean | median | mode | <constant>`
extension DataFrame {
    /// Replaces the missing cells of a column and records a `fillNumber`/`fillString` step.
    ///
    /// - `mean` and `median` need a whole-number or number column. They are learned from the
    ///   fitting rows (the training rows once split), ignoring missing cells. A whole-number
    ///   column stays `integer` when the learned value is whole and becomes `number` when it is
    ///   not (a median of whole numbers can be x.5), so no value is silently rounded.
    /// - `mode` works on every type: the most frequent value of the fitting rows; ties go to the
    ///   smallest value (numbers numerically, text alphabetically).
    /// - a constant must fit the column (see `Column.storedValue(of:)`): text into a number
    ///   column is an error, a number into a category column is stored as its text.
    /// A column without missing cells reports `filled` 0 and still records the step, so the
    /// same fill is replayed on new rows that do have gaps. The reported value is a number for
    /// number, whole-number and boolean (0/1) columns, text for category and text columns,
    /// and `yyyy-mm-dd` text for dates (the recorded step keeps the day number).
    public mutating func fill(_ column: String, with method: FillMethod) throws(PrepError) -> FillResult {
        let source = try prepColumn(column)
        switch method {
        case .mean, .median:
            return try fillWithStatistic(source, median: method == .median)
        case .mode:
            let value = try mostFrequentValue(source)
            return try fillWithValue(source, value, strategy: "mode")
        case .constant(let constant):
            let value = try source.storedValue(of: constant)
            guard value != .missing else {
                throw PrepError("fill needs a value to put in the missing cells of '\(column)', not missing")
            }
            return try fillWithValue(source, value, strategy: "constant")
        }
    }

    private mutating func fillWithStatistic(_ source: Column, median: Bool) throws(PrepError) -> FillResult {
        let strategy = median ? "median" : "mean"
        guard ColumnNeed.numbers.accepts(source.type) else {
            throw PrepError.wrongType(source, operation: "fill with \(strategy)", needs: .numbers)
        }
        let learned = fittingValues(source.numbers ?? [])
        let statistic = median ? Statistics.median(learned) : Statistics.mean(learned)
        guard let statistic else {
            throw noValuesError(source.name, toCompute: median ? "a median" : "a mean")
        }
        return try fillWithValue(source, .number(statistic), strategy: strategy)
    }

    /// Fills with a value already in the column's stored form and records the step.
    private mutating func fillWithValue(
        _ source: Column, _ value: CellValue, strategy: String
    ) throws(PrepError) -> FillResult {
        let filled = source.missingCount
        switch value {
        case .number(let number):
            if let values = source.numbers {
                setColumn(source.withNumbers(Self.filling(values, with: number), type: source.typeAfterStoring(number)))
            }
            preparation.append(.fillNumber(column: source.name, strategy: strategy, value: number))
        case .string(let text):
            if let (codes, dictionary) = source.strings {
                var newDictionary = dictionary
                let code = Column.code(of: text, in: &newDictionary)
                setColumn(source.withCodes(Self.filling(codes, with: code), dictionary: newDictionary))
            }
            preparation.append(.fillString(column: source.name, strategy: strategy, value: text))
        case .missing:
            throw PrepError("fill needs a value to put in the missing cells of '\(source.name)', not missing")
        }
        // Dates are reported as a script writes them ("2024-01-31"), not as day numbers.
        if source.type == .date, case .number(let day) = value {
            return FillResult(filled: filled, value: .string(Self.text(of: day, type: .date)))
        }
        return FillResult(filled: filled, value: value)
    }

    /// The most frequent value among the fitting rows, smallest first on ties.
    private func mostFrequentValue(_ source: Column) throws(PrepError) -> CellValue {
        if let values = source.numbers {
            let learned = RadixOrder.sorted(fittingValues(values))
            guard let mode = Self.longestRunStart(learned) else {
                throw noValuesError(source.name, toCompute: "a most frequent value")
            }
            return .number(mode)
        }
        guard let (codes, dictionary) = source.strings, let text = mostFrequentText(codes, dictionary) else {
            throw noValuesError(source.name, toCompute: "a most frequent value")
        }
        return .string(text)
    }

    private func mostFrequentText(_ codes: [Int32], _ dictionary: [String]) -> String? {
        let canonical = StringCodes.canonical(dictionary)
        var counts = [Int](repeating: 0, count: dictionary.count)
        codes.withUnsafeBufferPointer { cells in
            for row in 0..<cells.count where cells[row] >= 0 && isFittingRow(row) {
                counts[Int(canonical[Int(cells[row])])] += 1
            }
        }
        var best: Int?
        for code in counts.indices where counts[code] > 0 {
            guard let current = best else { best = code; continue }
            if counts[code] > counts[current] || (counts[code] == counts[current] && dictionary[code] < dictionary[current]) {
                best = code
            }
        }
        return best.map { dictionary[$0] }
    }

    /// The value of the longest run in sorted values; the first (smallest) on ties.
    static func longestRunStart(_ sorted: [Double]) -> Double? {
        guard let first = sorted.first else { return nil }
        var best = first
        var bestLength = 0
        var runStart = 0
        for index in 1...sorted.count where index == sorted.count || sorted[index] != sorted[runStart] {
            if index - runStart > bestLength {
                bestLength = index - runStart
                best = sorted[runStart]
            }
            runStart = index
        }
        return best
    }

    static func filling(_ values: [Double], with number: Double) -> [Double] {
        var result = values
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count where cells[row].isNaN { cells[row] = number }
        }
        return result
    }

    static func filling(_ codes: [Int32], with code: Int32) -> [Int32] {
        var result = codes
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count where cells[row] < 0 { cells[row] = code }
        }
        return result
    }
}

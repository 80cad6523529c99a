import Foundation

/// `standardize a`, `normalize a`, `log a` — rescale a number column in place.
extension DataFrame {
    /// (x − mean) / standard deviation, with the mean and the population standard deviation
    /// (ddof 0, like scikit-learn's StandardScaler) learned from the fitting rows (the training
    /// rows once split), ignoring missing cells, and applied to every row. Missing cells stay
    /// missing; a whole-number column becomes `number`. A column with one value in every
    /// fitting row cannot be standardized. Records a `standardize` step.
    public mutating func standardize(_ column: String) throws(PrepError) -> (mean: Double, standardDeviation: Double) {
        let (source, values) = try quantitativeColumn(column, for: "standardize")
        let learned = fittingValues(values)
        guard let mean = Statistics.mean(learned), let deviation = Statistics.standardDeviation(learned, ddof: 0) else {
            throw noValuesError(column, toCompute: "a mean")
        }
        // Compared on the values, not the deviation: rounding can leave a tiny non-zero
        // deviation for a column that holds one value, which would blow the result up.
        if let first = learned.first, learned.allSatisfy({ $0 == first }) {
            throw constantError(column, value: first, cannot: "standardized")
        }
        setColumn(source.withNumbers(try Self.rescaled(column, values) { Self.standardScore($0, mean, deviation) }, type: .number))
        preparation.append(.standardize(column: column, mean: mean, standardDeviation: deviation))
        return (mean, deviation)
    }

    /// (x − min) / (max − min), with min and max learned from the fitting rows and applied to
    /// every row, so validation and test rows may fall outside 0...1. Missing cells stay
    /// missing; a whole-number column becomes `number`. A column with one value in every
    /// fitting row cannot be normalized. Records a `normalize` step.
    public mutating func normalize(_ column: String) throws(PrepError) -> (minimum: Double, maximum: Double) {
        let (source, values) = try quantitativeColumn(column, for: "normalize")
        let learned = fittingValues(values)
        guard let minimum = learned.min(), let maximum = learned.max() else {
            throw noValuesError(column, toCompute: "a minimum and maximum")
        }
        guard maximum > minimum else {
            throw constantError(column, value: minimum, cannot: "normalized")
        }
        setColumn(source.withNumbers(try Self.rescaled(column, values) { Self.minMaxScore($0, minimum, maximum) }, type: .number))
        preparation.append(.normalize(column: column, minimum: minimum, maximum: maximum))
        return (minimum, maximum)
    }

    /// log(1 + x) with the natural logarithm (`log1p`), which keeps 0 at 0 and suits counts and
    /// amounts with a long tail. Returns the cells transformed (those not missing). A value at
    /// or below −1 has no logarithm: the error says how many there are and the smallest, and
    /// nothing changes. A whole-number column becomes `number`. Learns nothing, so records no
    /// step.
    public mutating func logTransform(_ column: String) throws(PrepError) -> Int {
        let (source, values) = try quantitativeColumn(column, for: "log")
        var tooSmall = 0
        var smallest = Double.infinity
        var present = 0
        values.withUnsafeBufferPointer { cells in
            for value in cells where !value.isNaN {
                present += 1
                if value <= -1 { tooSmall += 1; smallest = min(smallest, value) }
            }
        }
        guard tooSmall == 0 else {
            let cells = ValueText.counted(tooSmall, "value")
            throw PrepError(
                "column '\(column)' has \(cells) at or below -1 (the smallest is \(NumberText.label(smallest))), "
                    + "and log(1 + x) needs values above -1; clip '\(column)' first, e.g. clip \(column) at 0 and ...")
        }
        setColumn(source.withNumbers(Self.mapping(values) { Foundation.log1p($0) }, type: .number))
        return present
    }

    /// (x − mean) / sd, also when x − mean overflows (x and the mean near ±1.8e308, far apart).
    static func standardScore(_ x: Double, _ mean: Double, _ deviation: Double) -> Double {
        let difference = x - mean
        if difference.isFinite { return difference / deviation }
        return (x / 2 - mean / 2) / (deviation / 2)
    }

    /// (x − min) / (max − min), also when the differences overflow.
    static func minMaxScore(_ x: Double, _ minimum: Double, _ maximum: Double) -> Double {
        let difference = x - minimum, range = maximum - minimum
        if difference.isFinite && range.isFinite { return difference / range }
        return (x / 2 - minimum / 2) / (maximum / 2 - minimum / 2)
    }

    /// `transform` applied to every cell, where a result beyond the largest number (a row far
    /// outside the fitting rows' spread) is an error naming the row rather than a cell of `inf`.
    static func rescaled(_ column: String, _ values: [Double], _ transform: (Double) -> Double) throws(PrepError) -> [Double] {
        let result = mapping(values, transform)
        if let row = result.firstIndex(where: \.isInfinite) {
            throw PrepError("rescaling '\(column)' gives a number beyond the largest one (about 1.8e308) in row "
                + "\(row + 1), where it is \(NumberText.exact(values[row])); clip '\(column)' first")
        }
        return result
    }

    /// `transform` applied to every cell; NaN (missing) stays NaN through any arithmetic here.
    static func mapping(_ values: [Double], _ transform: (Double) -> Double) -> [Double] {
        var result = values
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count where !cells[row].isNaN { cells[row] = transform(cells[row]) }
        }
        return result
    }
}

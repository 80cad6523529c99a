/// `clip column at lower and upper`, `remove outliers in column`, `clip outliers in column`
extension DataFrame {
    /// Limits a whole-number or number column to [lower, upper].
    ///
    /// A `.percentile(p)` bound (p in 0...100) is learned from the fitting rows (the training
    /// rows once split) with `Statistics.quantile`, then applied to every row. Missing cells stay
    /// missing. A lower bound above the upper bound is an error. A whole-number column becomes a
    /// `number` column when a cell is clipped to a bound that is not whole. Records a `clip` step
    /// whose rule reads like `p5..p95`, `0..100` or `p1..500`.
    public mutating func clip(_ column: String, lower: ClipBound, upper: ClipBound) throws(PrepError) -> ClipResult {
        let (source, values) = try quantitativeColumn(column, for: "clip")
        try Self.checkClipBounds(lower: lower, upper: upper)
        var sorted: [Double] = []
        if case .percentile = lower { sorted = RadixOrder.sorted(fittingValues(values)) }
        if case .percentile = upper, sorted.isEmpty { sorted = RadixOrder.sorted(fittingValues(values)) }
        let low = try resolve(lower, of: column, sorted: sorted)
        let high = try resolve(upper, of: column, sorted: sorted)
        guard low <= high else {
            throw PrepError(
                "the lower bound (\(NumberText.label(low))) of '\(column)' is above the upper bound "
                    + "(\(NumberText.label(high))); write the smaller bound first")
        }
        let clipped = applyClip(source, values, low, high)
        let rule = "\(Self.ruleText(lower))..\(Self.ruleText(upper))"
        preparation.append(.clip(column: column, rule: rule, lower: low, upper: high))
        return ClipResult(lower: low, upper: high, clipped: clipped)
    }

    /// Removes the rows whose value lies outside bounds learned from the fitting rows (see
    /// `outlierBounds`). Rows with a missing cell are kept; removed rows take their role with
    /// them. Records a `removeOutliers` step; `affected` counts the rows removed.
    public mutating func removeOutliers(_ column: String, rule: OutlierMethod) throws(PrepError) -> OutlierResult {
        let (_, values) = try quantitativeColumn(column, for: "remove outliers")
        let (low, high) = try outlierBounds(column, values, rule)
        var keep: [Int] = []
        keep.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { cells in
            // NaN fails both comparisons, so missing cells are kept.
            for row in 0..<cells.count where !(cells[row] < low || cells[row] > high) { keep.append(row) }
        }
        let removed = values.count - keep.count
        if removed > 0 { self = gatheringRows(keep) }
        preparation.append(.removeOutliers(column: column, rule: Self.ruleText(rule), lower: low, upper: high))
        return OutlierResult(lower: low, upper: high, affected: removed)
    }

    /// Sets values outside bounds learned from the fitting rows (see `outlierBounds`) to the
    /// nearer bound. Records a `clip` step with the outlier rule; `affected` counts cells changed.
    public mutating func clipOutliers(_ column: String, rule: OutlierMethod) throws(PrepError) -> OutlierResult {
        let (source, values) = try quantitativeColumn(column, for: "clip outliers")
        let (low, high) = try outlierBounds(column, values, rule)
        let clipped = applyClip(source, values, low, high)
        preparation.append(.clip(column: column, rule: Self.ruleText(rule), lower: low, upper: high))
        return OutlierResult(lower: low, upper: high, affected: clipped)
    }

    /// Bounds learned from the fitting rows, ignoring missing cells:
    /// - `iqr(k)`: [Q1 − k·IQR, Q3 + k·IQR] with linear-interpolated quartiles (numpy's default);
    /// - `zScore(z)`: mean ± z · population standard deviation (ddof 0).
    /// A column holding one value gives bounds equal to that value, so nothing is affected.
    func outlierBounds(
        _ column: String, _ values: [Double], _ rule: OutlierMethod
    ) throws(PrepError) -> (lower: Double, upper: Double) {
        let learned = fittingValues(values)
        try Self.checkOutlierRule(rule)
        switch rule {
        case .iqr(let factor):
            let sorted = RadixOrder.sorted(learned)
            guard let q1 = Statistics.quantile(sorted, 0.25), let q3 = Statistics.quantile(sorted, 0.75) else {
                throw noValuesError(column, toCompute: "quartiles")
            }
            // 0 × an overflowing spread is 0, not nan.
            let reach = factor == 0 ? 0 : factor * (q3 - q1)
            return finiteBounds(q1 - reach, q3 + reach)
        case .zScore(let limit):
            guard let mean = Statistics.mean(learned), let deviation = Statistics.standardDeviation(learned, ddof: 0)
            else { throw noValuesError(column, toCompute: "a mean") }
            return finiteBounds(mean - limit * deviation, mean + limit * deviation)
        }
    }

    /// Bounds beyond the largest number (a wide spread near ±1.8e308) are that number: the same
    /// cells fall outside, and the step's message shows a number rather than `inf`.
    private func finiteBounds(_ lower: Double, _ upper: Double) -> (lower: Double, upper: Double) {
        let largest = Double.greatestFiniteMagnitude
        return (max(-largest, min(largest, lower)), max(-largest, min(largest, upper)))
    }

    private func resolve(_ bound: ClipBound, of column: String, sorted: [Double]) throws(PrepError) -> Double {
        switch bound {
        case .value(let value):
            guard !value.isNaN else { throw PrepError("a clip bound for '\(column)' is missing") }
            return value
        case .percentile(let percent):
            guard let value = Statistics.quantile(sorted, percent / 100) else {
                throw noValuesError(column, toCompute: "a percentile")
            }
            return value
        }
    }

    /// Clips every cell into [low, high], replaces the column and returns the cells changed.
    private mutating func applyClip(_ source: Column, _ values: [Double], _ low: Double, _ high: Double) -> Int {
        var result = values
        var clipped = 0
        var madeFraction = false
        result.withUnsafeMutableBufferPointer { cells in
            for row in 0..<cells.count {
                let value = cells[row]
                // NaN fails both comparisons, so missing cells are left alone.
                guard value < low || value > high else { continue }
                let bounded = value < low ? low : high
                cells[row] = bounded
                clipped += 1
                if bounded != bounded.rounded() { madeFraction = true }
            }
        }
        guard clipped > 0 else { return 0 }
        let type: ColumnType = source.type == .integer && madeFraction ? .number : source.type
        setColumn(source.withNumbers(result, type: type))
        return clipped
    }

    private static func ruleText(_ bound: ClipBound) -> String {
        switch bound {
        case .value(let value): return NumberText.exact(value)
        case .percentile(let percent): return "p" + NumberText.exact(percent)
        }
    }

    private static func ruleText(_ rule: OutlierMethod) -> String {
        switch rule {
        case .iqr(let factor): return "iqr \(NumberText.exact(factor))"
        case .zScore(let limit): return "zscore \(NumberText.exact(limit))"
        }
    }
}

/// The rules of clip and outlier bounds that need no data, so the checker applies them to the
/// script's literals before running and the steps apply the same ones when they run.
extension DataFrame {
    /// Percentiles from 0% to 100% (both included); two fixed bounds or two percentiles with the
    /// smaller first.
    public static func checkClipBounds(lower: ClipBound, upper: ClipBound) throws(PrepError) {
        for case .percentile(let percent) in [lower, upper] where !(percent >= 0 && percent <= 100) {
            throw PrepError("a percentile must be from 0% to 100% (both included), not \(ParameterSpec.number(percent))%")
        }
        switch (lower, upper) {
        case (.value(let low), .value(let high)) where low > high,
             (.percentile(let low), .percentile(let high)) where low > high:
            let percent: Bool = { if case .percentile = lower { return true } else { return false } }()
            let text = { (v: Double) in ParameterSpec.number(v) + (percent ? "%" : "") }
            throw PrepError("the lower bound (\(text(low))) is above the upper bound (\(text(high))); write the smaller bound first")
        default:
            return
        }
    }

    /// An iqr factor of zero or more; a zscore limit above zero.
    public static func checkOutlierRule(_ rule: OutlierMethod) throws(PrepError) {
        switch rule {
        case .iqr(let factor) where !(factor.isFinite && factor >= 0):
            throw PrepError("the iqr factor must be zero or more, not \(ParameterSpec.number(factor))")
        case .zScore(let limit) where !(limit.isFinite && limit > 0):
            throw PrepError("the zscore limit must be more than zero, not \(ParameterSpec.number(limit))")
        default:
            return
        }
    }
}

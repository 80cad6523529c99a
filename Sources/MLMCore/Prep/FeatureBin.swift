/// `name = bin column at 25, 35, 50` and `name = bin column into 4 quantiles`
extension DataFrame {
    /// Puts each value of a whole-number or number column into a bin and stores the bin's
    /// label in the `category` column `output`, placed right after the source column (an
    /// existing column of that name is replaced; `output` may be the source itself).
    ///
    /// Edges must go strictly up. With edges e1 < ... < ek the bins are (−∞, e1), [e1, e2), ...,
    /// [ek, ∞), labelled "<e1", "e1–e2", ..., "≥ek" with numbers written compactly (25, 2.5,
    /// 1000). Missing cells stay missing. Returns the labels in bin order and records a `bin`
    /// step, so the same bins can be replayed on new rows.
    public mutating func bin(_ column: String, into output: String, edges: [Double]) throws(PrepError) -> [String] {
        let (source, values) = try quantitativeColumn(column, for: "bin")
        try Self.checkEdges(edges, column: column)
        let labels = Self.binLabels(edges)
        storeBins(source, values, edges: edges, labels: labels, output: output)
        return labels
    }

    /// Bins a column into `count` groups of about equal size: the edges are the interior
    /// quantiles (1/count, 2/count, ...) of the fitting rows (the training rows once split),
    /// by linear interpolation. Edges that coincide (many equal values) are merged, so fewer
    /// than `count` labels may come back. `count` must be 2...100; a column with one value in
    /// every fitting row cannot be binned this way. See `bin(_:into:edges:)` for the rest.
    public mutating func binQuantiles(
        _ column: String, into output: String, count: Int
    ) throws(PrepError) -> (edges: [Double], labels: [String]) {
        let (source, values) = try quantitativeColumn(column, for: "bin")
        try Self.checkQuantileCount(Double(count))
        let sorted = RadixOrder.sorted(fittingValues(values))
        guard let first = sorted.first else { throw noValuesError(column, toCompute: "quantiles") }
        var edges: [Double] = []
        for step in 1..<count {
            guard let edge = Statistics.quantile(sorted, Double(step) / Double(count)) else { continue }
            if edges.last != edge { edges.append(edge) }
        }
        // An edge at the minimum leaves the first bin empty for the training rows; drop it
        // unless it is the only edge there is.
        if edges.count > 1, edges.first == first { edges.removeFirst() }
        guard !edges.isEmpty, first != sorted.last else {
            throw constantError(column, value: first, cannot: "split into quantiles")
        }
        let labels = Self.binLabels(edges)
        storeBins(source, values, edges: edges, labels: labels, output: output)
        return (edges, labels)
    }

    private mutating func storeBins(
        _ source: Column, _ values: [Double], edges: [Double], labels: [String], output: String
    ) {
        var codes = [Int32](repeating: -1, count: values.count)
        values.withUnsafeBufferPointer { cells in
            edges.withUnsafeBufferPointer { bounds in
                for row in 0..<cells.count where !cells[row].isNaN {
                    codes[row] = Int32(Self.binIndex(cells[row], bounds))
                }
            }
        }
        let binned = Column(name: output, type: .category, codes: codes, dictionary: labels)
        if output == source.name {
            setColumn(binned)
        } else {
            removeColumn(named: output)
            insertColumn(binned, after: source.name)
        }
        preparation.append(.bin(column: source.name, output: output, edges: edges, labels: labels))
    }

    /// The number of edges at or below `value`: 0 for the first bin, k for the last.
    @inline(__always)
    static func binIndex(_ value: Double, _ edges: UnsafeBufferPointer<Double>) -> Int {
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Quantile bins: a whole number from 2 to 100 (both included).
    public static func checkQuantileCount(_ count: Double) throws(PrepError) {
        guard count == count.rounded(), count >= 2, count <= 100 else {
            throw PrepError("the number of quantile bins must be a whole number from 2 to 100, not \(ParameterSpec.number(count))")
        }
    }

    public static func checkEdges(_ edges: [Double], column: String) throws(PrepError) {
        guard !edges.isEmpty else { throw PrepError("bin needs at least one edge to cut '\(column)' at") }
        for (index, edge) in edges.enumerated() {
            guard edge.isFinite else { throw PrepError("the bin edges for '\(column)' must be numbers") }
            guard index > 0, edges[index - 1] >= edge else { continue }
            throw PrepError(
                "the bin edges for '\(column)' must go up, but \(NumberText.label(edge)) comes after "
                    + "\(NumberText.label(edges[index - 1]))")
        }
    }

    /// "<25", "25–35", ..., "≥65"
    static func binLabels(_ edges: [Double]) -> [String] {
        let texts = edges.map(NumberText.label)
        guard let first = texts.first, let last = texts.last else { return [] }
        var labels = ["<" + first]
        for index in texts.indices.dropFirst() {
            labels.append(texts[index - 1] + "–" + texts[index])
        }
        labels.append("≥" + last)
        return labels
    }
}

extension DataFrame {
    /// Applies a recorded fitted step with its stored values, learning nothing from this table:
    /// how new rows are prepared exactly like the training rows were. Steps that remove rows
    /// (outliers) are not replayed: every new row gets a prediction.
    public mutating func replay(_ step: FittedStep) throws(PrepError) {
        switch step {
        case .fillNumber(let column, _, let value):
            _ = try fill(column, with: .constant(.number(value)))
        case .fillString(let column, _, let value):
            _ = try fill(column, with: .constant(.string(value)))
        case .clip(let column, _, let lower, let upper):
            _ = try clip(column, lower: .value(lower), upper: .value(upper))
        case .removeOutliers:
            return
        case .standardize(let column, let mean, let deviation):
            try rescale(column) { Self.standardScore($0, mean, deviation) }
        case .normalize(let column, let minimum, let maximum):
            try rescale(column) { Self.minMaxScore($0, minimum, maximum) }
        case .bin(let column, let output, let edges, _):
            _ = try bin(column, into: output, edges: edges)
        case .oneHot(let column, let levels, let outputs):
            try replayOneHot(column, levels: levels, outputs: outputs)
        }
    }

    private mutating func rescale(_ name: String, _ transform: (Double) -> Double) throws(PrepError) {
        guard let column = self.column(named: name), let values = column.numbers, column.type.isQuantitative else {
            throw PrepError("column '\(name)' must hold numbers to be prepared like the training data")
        }
        setColumn(Column(name: name, type: .number, numbers: try Self.rescaled(name, values, transform)))
    }

    private mutating func replayOneHot(_ name: String, levels: [String], outputs: [String]) throws(PrepError) {
        guard let column = self.column(named: name) else {
            throw PrepError("there is no column '\(name)' to one-hot encode like the training data")
        }
        let texts = (0..<rowCount).map { column.displayText(at: $0) }
        var anchor = name
        for (level, output) in zip(levels, outputs) {
            let values = texts.map { $0 == level ? 1.0 : 0.0 }
            insertColumn(Column(name: output, type: .integer, numbers: values), after: anchor)
            anchor = output
        }
        removeColumn(named: name)
    }
}

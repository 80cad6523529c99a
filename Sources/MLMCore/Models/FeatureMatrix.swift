/// The numeric input of a model: `rows × columns` doubles stored column by column
/// (`values[column * rows + row]`), so tree splitters scan one feature contiguously and linear
/// models accumulate `X·w` one column at a time.
///
/// For algorithms with `.encoded` inputs (all but gradient boosting) there are no missing values:
/// the encoder has already replaced them by a recorded rule, and every column is a number. For
/// `.native` inputs a missing or unseen cell is NaN, and a category column is one column holding
/// the level index `0..<categoryCounts[column]`.
public struct FeatureMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [Double]
    /// One name per column, e.g. `age`, `job=admin.`, `balance_missing`.
    public let names: [String]
    /// Per column: 0 for a number, else how many levels the category column has (native inputs).
    public let categoryCounts: [Int]

    public init(rows: Int, columns: Int, values: [Double], names: [String], categoryCounts: [Int]? = nil) {
        precondition(values.count == rows * columns && names.count == columns, "matrix shape mismatch")
        precondition(categoryCounts == nil || categoryCounts!.count == columns, "one category count per column")
        self.rows = rows
        self.columns = columns
        self.values = values
        self.names = names
        self.categoryCounts = categoryCounts ?? [Int](repeating: 0, count: columns)
    }

    /// True when column `index` holds category level indices rather than numbers.
    public func isCategorical(_ index: Int) -> Bool { categoryCounts[index] > 0 }

    @inlinable public subscript(row: Int, column: Int) -> Double {
        values[column * rows + row]
    }

    /// The contiguous values of one column.
    public func column(_ index: Int) -> ArraySlice<Double> {
        values[(index * rows)..<((index + 1) * rows)]
    }

    /// The matrix restricted to some rows, in that order.
    public func gatheringRows(_ selected: [Int]) -> FeatureMatrix {
        var out = [Double](repeating: 0, count: selected.count * columns)
        values.withUnsafeBufferPointer { source in
            for column in 0..<columns {
                let base = column * rows, target = column * selected.count
                for (i, row) in selected.enumerated() { out[target + i] = source[base + row] }
            }
        }
        return FeatureMatrix(rows: selected.count, columns: columns, values: out, names: names, categoryCounts: categoryCounts)
    }
}

/// What a model learns to predict.
public enum Target: Sendable, Equatable {
    /// Class indices 0..<classes.count per row; for two classes, index 1 is the positive class.
    case classes(labels: [Int], classes: [String])
    /// A number per row.
    case values([Double])

    public var count: Int {
        switch self {
        case .classes(let labels, _): return labels.count
        case .values(let values): return values.count
        }
    }
}

/// A model's output for every row.
public enum Predictions: Sendable, Equatable {
    /// Row-major probabilities: `probabilities[row * classCount + class]`, each row summing to 1.
    case probabilities([Double], classCount: Int)
    case values([Double])
}

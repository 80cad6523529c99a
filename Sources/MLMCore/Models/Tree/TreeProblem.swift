/// How one tree grows; resolved and checked from the parameters before any work starts.
struct TreeSettings: Sendable, Equatable {
    enum Criterion: String, Sendable, Equatable {
        case gini, entropy
        case squaredError = "squared_error"
    }

    /// `Int.max` when unlimited.
    var maxDepth: Int
    var minLeaf: Int
    var minSplit: Int
    var minGain: Double
    var criterion: Criterion
    /// How many features each split visits (sklearn's `max_features_`), 1...featureCount.
    var featuresPerSplit: Int
}

/// What trees learn from, checked once and shared by every tree of a forest: the matrix,
/// the target as class indices or numbers, and the row weights (all 1 when none were given).
struct TreeProblem: Sendable {
    enum Task: Equatable, Sendable {
        case classification(classCount: Int)
        case regression
    }

    let x: FeatureMatrix
    let task: Task
    let classNames: [String]
    /// Class index per row (classification only).
    let labels: [Int32]
    /// Number per row (regression only).
    let targets: [Double]
    let weights: [Double]

    var isClassification: Bool { task != .regression }

    /// Outputs per leaf: one probability per class, or one number.
    var outputs: Int {
        if case .classification(let count) = task { return count }
        return 1
    }

    /// Width of the weighted sums a node keeps: class totals plus the total weight, or the
    /// weight, Σ w·y and Σ w·y².
    var statisticsWidth: Int { isClassification ? outputs + 1 : 3 }

    init(_ x: FeatureMatrix, _ target: Target, weights: [Double]?, algorithm: String) throws(ModelError) {
        guard x.rows > 0 else { throw ModelError("\(algorithm) needs at least one row to train on; got 0 rows") }
        guard x.columns > 0 else { throw ModelError("\(algorithm) needs at least one input column; got none") }
        guard x.rows <= PresortedFeatures.maximumRows else {
            throw ModelError("\(algorithm) can learn from at most \(ValueText.grouped(PresortedFeatures.maximumRows)) rows; got \(ValueText.grouped(x.rows))")
        }
        guard target.count == x.rows else {
            throw ModelError("\(algorithm) got \(x.rows) rows of inputs but \(target.count) target values; they must match")
        }
        try Self.checkInputs(x, algorithm: algorithm)
        self.x = x
        self.weights = try Self.checkedWeights(weights, rows: x.rows, algorithm: algorithm)
        switch target {
        case .classes(let labels, let classes):
            try Self.checkLabels(labels, classes: classes, algorithm: algorithm)
            task = .classification(classCount: classes.count)
            classNames = classes
            self.labels = labels.map { Int32(truncatingIfNeeded: $0) }
            targets = []
        case .values(let values):
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ModelError("\(algorithm) needs a finite target in every row; row \(bad + 1) has \(values[bad])")
            }
            task = .regression
            classNames = []
            labels = []
            targets = values
        }
    }

    /// Infinite inputs sort and split fine; NaN has no order, so it cannot be split on.
    private static func checkInputs(_ x: FeatureMatrix, algorithm: String) throws(ModelError) {
        let bad = x.values.withUnsafeBufferPointer { values -> Int? in
            for i in 0..<values.count where values[i].isNaN { return i }
            return nil
        }
        if let bad {
            let column = bad / x.rows, row = bad % x.rows
            throw ModelError("\(algorithm) needs a number in every input; column '\(x.names[column])' is missing one in row \(row + 1)")
        }
    }

    private static func checkedWeights(_ weights: [Double]?, rows: Int, algorithm: String) throws(ModelError) -> [Double] {
        guard let weights else { return [Double](repeating: 1, count: rows) }
        guard weights.count == rows else {
            throw ModelError("\(algorithm) got \(weights.count) sample weights for \(rows) rows; they must match")
        }
        if let bad = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw ModelError("sample weights of \(algorithm) must be finite and not negative; row \(bad + 1) has \(weights[bad])")
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { throw ModelError("sample weights of \(algorithm) must not all be zero") }
        guard total.isFinite else { throw ModelError("sample weights of \(algorithm) add up to more than a number can hold") }
        return weights
    }

    private static func checkLabels(_ labels: [Int], classes: [String], algorithm: String) throws(ModelError) {
        guard !classes.isEmpty else { throw ModelError("\(algorithm) needs at least one class in the target; got none") }
        if let row = labels.firstIndex(where: { $0 < 0 || $0 >= classes.count }) {
            throw ModelError("\(algorithm) got class index \(labels[row]) in row \(row + 1), outside 0..<\(classes.count)")
        }
    }
}

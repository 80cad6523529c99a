/// Checks and helpers shared by the linear, nearest-neighbour and naive Bayes models.
///
/// Kept in one namespace so these internal names cannot collide with other algorithms' helpers.
enum LinearModelsSupport {
    /// Rejects inputs no model here can learn from, with a message naming the algorithm and the
    /// offending value. Data-dependent traps (empty matrices, NaN, mismatched lengths) stop here.
    static func checkShape(_ x: FeatureMatrix, _ target: Target, algorithm: String) throws(ModelError) {
        guard x.rows > 0 else {
            throw ModelError("\(algorithm) needs at least one row to train on; got 0 rows")
        }
        guard target.count == x.rows else {
            throw ModelError("\(algorithm) got \(x.rows) rows of inputs but \(target.count) target values; they must match")
        }
        try checkFinite(x, algorithm: algorithm)
        if case .values(let values) = target, let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ModelError("\(algorithm) needs a finite target in every row; row \(bad + 1) has \(values[bad])")
        }
    }

    /// Every input must be a finite number: the encoder replaces missing values, so a NaN here
    /// means a bug upstream, and one NaN would silently poison every coefficient.
    static func checkFinite(_ x: FeatureMatrix, algorithm: String) throws(ModelError) {
        let badIndex: Int? = x.values.withUnsafeBufferPointer { values in
            for i in 0..<values.count where !values[i].isFinite { return i }
            return nil
        }
        if let index = badIndex {
            let column = index / x.rows, row = index % x.rows
            throw ModelError("\(algorithm) needs finite inputs; column '\(x.names[column])' has \(x.values[index]) in row \(row + 1)")
        }
    }

    /// Sample weights as sklearn's `sample_weight`: nil means all 1. Negative, NaN or infinite
    /// weights, or weights that sum to zero, are rejected.
    static func checkedWeights(_ weights: [Double]?, rows: Int, algorithm: String) throws(ModelError) -> [Double] {
        guard let weights else { return [Double](repeating: 1, count: rows) }
        guard weights.count == rows else {
            throw ModelError("\(algorithm) got \(weights.count) sample weights for \(rows) rows; they must match")
        }
        if let bad = weights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw ModelError("sample weights of \(algorithm) must be finite and not negative; row \(bad + 1) has \(weights[bad])")
        }
        guard weights.reduce(0, +) > 0 else {
            throw ModelError("sample weights of \(algorithm) must not all be zero")
        }
        return weights
    }

    /// Which of the target's classes actually occur (with positive weight). Classes absent from
    /// the training rows are kept in the output with probability 0, so the column layout of
    /// `Predictions` always follows `Target.classes`.
    struct ClassLayout: Codable, Equatable, Sendable {
        /// Number of classes the target declares.
        let declared: Int
        /// Declared indices of the classes the model learned, ascending.
        let present: [Int]
        /// Class label per row, renumbered into `0..<present.count`.
        let labels: [Int]

        enum CodingKeys: String, CodingKey { case declared, present }

        init(declared: Int, present: [Int], labels: [Int]) {
            self.declared = declared
            self.present = present
            self.labels = labels
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            declared = try container.decode(Int.self, forKey: .declared)
            present = try container.decode([Int].self, forKey: .present)
            labels = []
        }

        /// A layout training could make for a target of `classes` classes: at least two learned
        /// classes, ascending and in range.
        func validate(_ check: ModelFileCheck, classes: Int) throws(ModelError) {
            try check.field("declared").require(declared == classes, "is \(declared), but the target has \(classes) classes")
            try check.field("present").require(present.count >= 2, "lists \(present.count) learned classes; a model learns at least two")
            try check.field("present").inRange(present, 0..<declared, "a class number")
            try check.field("present").require(zip(present, present.dropFirst()).allSatisfy { $0 < $1 },
                                               "is not in increasing order without repeats")
        }

        /// Spreads learned-class probabilities (row-major, `present.count` wide) over all declared classes.
        func expand(_ probabilities: [Double], rows: Int) -> Predictions {
            if present.count == declared { return .probabilities(probabilities, classCount: declared) }
            var out = [Double](repeating: 0, count: rows * declared)
            for row in 0..<rows {
                for (k, declaredIndex) in present.enumerated() {
                    out[row * declared + declaredIndex] = probabilities[row * present.count + k]
                }
            }
            return .probabilities(out, classCount: declared)
        }
    }

    /// Checks a class target and finds the classes present. A single class is an error: there is
    /// nothing to tell apart, and sklearn refuses it too.
    static func classLayout(_ target: Target, weights: [Double], algorithm: String) throws(ModelError) -> ClassLayout {
        guard case .classes(let labels, let classes) = target else {
            throw ModelError("\(algorithm) predicts classes, but the target is a number; use a regression algorithm such as linear or ridge")
        }
        var totals = [Double](repeating: 0, count: classes.count)
        for (row, label) in labels.enumerated() {
            guard label >= 0 && label < classes.count else {
                throw ModelError("\(algorithm) got class index \(label) in row \(row + 1), outside 0..<\(classes.count)")
            }
            totals[label] += weights[row]
        }
        let present = (0..<classes.count).filter { totals[$0] > 0 }
        guard present.count >= 2 else {
            let only = present.first.map { "'\(classes[$0])'" } ?? "none"
            throw ModelError("the target has only one class (\(only)); \(algorithm) needs rows of at least two classes to learn the difference")
        }
        var renumber = [Int](repeating: -1, count: classes.count)
        for (k, declaredIndex) in present.enumerated() { renumber[declaredIndex] = k }
        return ClassLayout(declared: classes.count, present: present, labels: labels.map { renumber[$0] })
    }

    /// The regression target, or an error naming the algorithm if the target holds classes.
    static func regressionValues(_ target: Target, algorithm: String) throws(ModelError) -> [Double] {
        guard case .values(let values) = target else {
            throw ModelError("\(algorithm) predicts numbers, but the target holds classes; use a classifier such as logistic")
        }
        return values
    }

    /// Predictions for a matrix whose width does not match the trained one: every value NaN,
    /// so a caller that skipped its own check sees an obviously unusable result, not a crash.
    static func unusable(rows: Int, classCount: Int?) -> Predictions {
        if let classCount {
            return .probabilities([Double](repeating: .nan, count: rows * classCount), classCount: classCount)
        }
        return .values([Double](repeating: .nan, count: rows))
    }
}

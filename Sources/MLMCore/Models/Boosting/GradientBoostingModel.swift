import Foundation

/// A fitted gradient-boosted model: starting scores plus the sum of its trees' leaf values
/// (one tree per class per round for several classes), turned into probabilities or a number.
public struct GradientBoostingModel: TrainedModel {
    public var algorithm: String { GradientBoosting.name }
    /// Class names (probability columns in this order), empty for numbers.
    public let classes: [String]
    public let featureCount: Int
    let objective: BoostingObjective
    let initialScores: [Double]
    /// Round by round; within a round, class by class.
    let trees: [BoostedTree]
    /// Per input: a category (level indices) or a number.
    let categorical: [Bool]
    private(set) var notes: [String]

    init(classes: [String], featureCount: Int, objective: BoostingObjective, initialScores: [Double],
         trees: [BoostedTree], categorical: [Bool], notes: [String]) {
        self.classes = classes
        self.featureCount = featureCount
        self.objective = objective
        self.initialScores = initialScores
        self.trees = trees
        self.categorical = categorical
        self.notes = notes
    }

    /// Trees per round: one per class for several classes, else one.
    var outputs: Int { initialScores.count }
    public var rounds: Int { trees.count / max(1, outputs) }

    /// Total split gain per input over all trees (LightGBM's importance_type "gain").
    public var gainImportances: [Double] {
        var totals = [Double](repeating: 0, count: featureCount)
        for tree in trees { for (i, f) in tree.feature.enumerated() { totals[f] += tree.gain[i] } }
        return totals
    }

    /// Each input's share of the total split gain: sums to 1, or all 0 when no tree has a split.
    public var featureImportances: [Double] {
        let totals = gainImportances
        let sum = totals.reduce(0, +)
        return sum > 0 ? totals.map { $0 / sum } : totals
    }

    public var trainingNotes: [String] { notes }

    mutating func appendNote(_ note: String) { notes.append(note) }

    public func predict(_ x: FeatureMatrix) -> Predictions {
        let scores = rawScores(x)
        let n = x.rows
        switch objective {
        case .regression:
            return .values(scores)
        case .binary:
            var out = [Double](repeating: 0, count: 2 * n)
            for i in 0..<n {
                let p = 1 / (1 + exp(-scores[i]))
                out[2 * i] = 1 - p
                out[2 * i + 1] = p
            }
            return .probabilities(out, classCount: 2)
        case .multiclass:
            let k = outputs
            var out = [Double](repeating: 0, count: k * n)
            var p = [Double](repeating: 0, count: k)
            scores.withUnsafeBufferPointer { f in
                for i in 0..<n {
                    BoostingObjective.softmax(f, row: i, rows: n, into: &p)
                    for c in 0..<k { out[i * k + c] = p[c] }
                }
            }
            return .probabilities(out, classCount: k)
        }
    }

    /// Scores class by class (`[k * rows + row]`), rows in blocks on all cores.
    func rawScores(_ x: FeatureMatrix) -> [Double] {
        let n = x.rows, k = outputs
        guard x.columns == featureCount, n > 0 else {
            return [Double](repeating: .nan, count: n * k)
        }
        var scores = [Double](repeating: 0, count: n * k)
        for c in 0..<k { for row in 0..<n { scores[c * n + row] = initialScores[c] } }
        let scorer = TreeScorer(trees, categorical: categorical)
        // Blocks small enough that a block's rows of every input stay in cache while all trees walk them.
        let blockSize = 1024
        let blocks = (n + blockSize - 1) / blockSize
        scores.withUnsafeMutableBufferPointer { out in
            let target = SendablePointer(out.baseAddress!)
            x.values.withUnsafeBufferPointer { values in
                _ = Parallel.map(blocks) { block -> Bool in
                    scorer.add(rows: (block * blockSize)..<min(n, (block + 1) * blockSize), values: values.baseAddress!, n: n,
                               to: target.pointer) { $0 % k }
                    return true
                }
            }
        }
        return scores
    }

    private enum CodingKeys: String, CodingKey {
        case classes, featureCount = "feature_count", objective, initialScores = "initial_scores", trees
        case categorical, notes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        classes = try c.decode([String].self, forKey: .classes)
        featureCount = try c.decode(Int.self, forKey: .featureCount)
        objective = try c.decode(BoostingObjective.self, forKey: .objective)
        initialScores = try c.decode([Double].self, forKey: .initialScores)
        trees = try c.decode([BoostedTree].self, forKey: .trees)
        categorical = try c.decode([Bool].self, forKey: .categorical)
        notes = try c.decode([String].self, forKey: .notes)
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        let task: TargetSpec.Task = objective == .binary ? .binary : objective == .multiclass ? .multiclass : .regression
        guard task == shape.target.task else { throw shape.wrongTask(check.field("objective"), objective.rawValue) }
        try check.field("classes").require(classes == (task == .regression ? [] : shape.target.classes), "are not the target's classes")
        try shape.requireInputs(featureCount, check.field("feature_count"))
        try check.field("categorical").require(categorical == shape.levelCounts.map { $0 > 0 },
                                               "does not mark the encoding's category inputs")
        let outputs = objective == .multiclass ? classes.count : 1
        try check.field("initial_scores").count(initialScores.count, outputs, "the model has \(outputs) outputs")
        try check.field("initial_scores").finite(initialScores)
        try check.field("trees").require(trees.count >= outputs && trees.count % outputs == 0,
                                         "has \(trees.count) trees; training writes one per output (\(outputs)) in every round, at least one round")
        for (i, tree) in trees.enumerated() {
            try tree.validate(check.field("trees").item(i), levelCounts: shape.levelCounts)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(classes, forKey: .classes)
        try c.encode(featureCount, forKey: .featureCount)
        try c.encode(objective, forKey: .objective)
        try c.encode(initialScores, forKey: .initialScores)
        try c.encode(trees, forKey: .trees)
        try c.encode(categorical, forKey: .categorical)
        try c.encode(notes, forKey: .notes)
    }
}

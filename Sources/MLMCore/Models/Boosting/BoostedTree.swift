/// One fitted tree of a boosted model, as flat arrays (LightGBM's layout): internal node `i`
/// asks about input `feature[i]`; a child index `c >= 0` is another internal node and `c < 0`
/// is leaf `~c`. A tree with no question is the single leaf 0. Leaf values already include the
/// learning rate.
struct BoostedTree: Sendable, Equatable, Codable {
    var feature: [Int] = []
    /// Number inputs: the value goes left when `value <= threshold`.
    var threshold: [Double] = []
    /// Number inputs: where a missing value goes.
    var defaultLeft: [Bool] = []
    /// Category inputs: the level indices that go left (missing and unseen go right); empty for numbers.
    var leftCategories: [[Int]] = []
    var left: [Int] = []
    var right: [Int] = []
    /// Gain of each split, for importances.
    var gain: [Double] = []
    var leafValues: [Double] = [0]

    private enum CodingKeys: String, CodingKey {
        case feature, threshold, defaultLeft = "default_left", leftCategories = "left_categories"
        case left, right, gain, leafValues = "leaf_values"
    }

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feature = try c.decode([Int].self, forKey: .feature)
        threshold = try c.decode([Double].self, forKey: .threshold)
        defaultLeft = try c.decode([Bool].self, forKey: .defaultLeft)
        leftCategories = try c.decode([[Int]].self, forKey: .leftCategories)
        left = try c.decode([Int].self, forKey: .left)
        right = try c.decode([Int].self, forKey: .right)
        gain = try c.decode([Double].self, forKey: .gain)
        leafValues = try c.decode([Double].self, forKey: .leafValues)
    }

    var nodeCount: Int { feature.count }
    var leafCount: Int { leafValues.count }

    /// Adds an internal node and returns its index; children are set later.
    mutating func addNode(feature: Int, threshold: Double, defaultLeft: Bool, categories: [Int], gain: Double) -> Int {
        self.feature.append(feature)
        self.threshold.append(threshold)
        self.defaultLeft.append(defaultLeft)
        leftCategories.append(categories)
        left.append(0)
        right.append(0)
        self.gain.append(gain)
        return self.feature.count - 1
    }

    /// Checks a decoded tree: arrays of one length, children after their parent and each node
    /// and leaf reached exactly once (so a walk ends at a leaf and never leaves the arrays), finite
    /// numbers, and category levels only on category inputs, sorted, within the input's levels.
    func validate(_ check: ModelFileCheck, levelCounts: [Int]) throws(ModelError) {
        let n = feature.count
        for (name, length) in [("threshold", threshold.count), ("default_left", defaultLeft.count),
                               ("left_categories", leftCategories.count), ("left", left.count),
                               ("right", right.count), ("gain", gain.count)] {
            try check.field(name).count(length, n, "the tree has \(n) questions")
        }
        try check.field("leaf_values").count(leafValues.count, n + 1, "a tree with \(n) questions has \(n + 1) leaves")
        try check.field("leaf_values").finite(leafValues)
        try check.field("threshold").finite(threshold)
        try check.field("gain").finite(gain)
        try check.field("feature").inRange(feature, 0..<levelCounts.count, "an input number")
        var nodeReached = [Bool](repeating: false, count: n), leafReached = [Bool](repeating: false, count: n + 1)
        if n > 0 { nodeReached[0] = true }
        for node in 0..<n {
            for (side, child) in [("left", left[node]), ("right", right[node])] {
                if child >= 0 {
                    try check.field(side).require(child > node && child < n && !nodeReached[child],
                                                  "holds \(child) at position \(node); a child comes after its parent, once")
                    nodeReached[child] = true
                } else {
                    try check.field(side).require(~child < n + 1 && !leafReached[~child],
                                                  "holds \(child) at position \(node), not a leaf of its own")
                    leafReached[~child] = true
                }
            }
            let levels = levelCounts[feature[node]]
            let categories = leftCategories[node]
            if levels == 0 {
                try check.field("left_categories").item(node).require(categories.isEmpty, "lists levels for a number input")
            } else {
                try check.field("left_categories").item(node).inRange(categories, 0..<levels, "a level number")
                try check.field("left_categories").item(node).require(zip(categories, categories.dropFirst()).allSatisfy { $0 < $1 },
                                                                      "is not in increasing order without repeats")
            }
        }
        try check.require(n == 0 || (nodeReached.allSatisfy { $0 } && leafReached.allSatisfy { $0 }),
                          "has questions or leaves no branch reaches")
    }
}

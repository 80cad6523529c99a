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

    /// Checks a decoded tree so a damaged file cannot make prediction read out of bounds.
    func isConsistent(featureCount: Int) -> Bool {
        let n = feature.count
        guard threshold.count == n, defaultLeft.count == n, leftCategories.count == n, left.count == n,
              right.count == n, gain.count == n, !leafValues.isEmpty else { return false }
        if n == 0 { return leafValues.count == 1 }
        // Children come after their parent, so a walk always ends at a leaf.
        let childOK = { (c: Int, parent: Int) in c >= 0 ? (c > parent && c < n) : (~c < leafValues.count) }
        return feature.allSatisfy { $0 >= 0 && $0 < featureCount }
            && (0..<n).allSatisfy { childOK(left[$0], $0) && childOK(right[$0], $0) }
            && leftCategories.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 256 } }
    }
}

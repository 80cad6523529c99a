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
    /// Per internal node, 4 words of bits: the level sets of `leftCategories`, for fast lookup.
    private var categoryBits: [UInt64] = []

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
        rebuildCategoryBits()
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
        var words = [UInt64](repeating: 0, count: 4)
        for level in categories where level >= 0 && level < 256 { words[level >> 6] |= 1 << UInt64(level & 63) }
        categoryBits += words
        return self.feature.count - 1
    }

    mutating func rebuildCategoryBits() {
        categoryBits = []
        for categories in leftCategories {
            var words = [UInt64](repeating: 0, count: 4)
            for level in categories where level >= 0 && level < 256 { words[level >> 6] |= 1 << UInt64(level & 63) }
            categoryBits += words
        }
    }

    /// The leaf a row lands in; `value(feature)` reads the row's raw input.
    @inline(__always) func leaf(isCategorical: UnsafePointer<Bool>, _ value: (Int) -> Double) -> Int {
        guard !feature.isEmpty else { return 0 }
        var node = 0
        while true {
            let f = feature[node], v = value(f)
            let goLeft: Bool
            if isCategorical[f] {
                if let level = Int(exactly: v), level >= 0, level < 256 {
                    goLeft = categoryBits[node * 4 + level >> 6] & (1 << UInt64(level & 63)) != 0
                } else {
                    goLeft = false
                }
            } else {
                goLeft = v.isNaN ? defaultLeft[node] : v <= threshold[node]
            }
            let next = goLeft ? left[node] : right[node]
            if next < 0 { return ~next }
            node = next
        }
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

/// A fitted tree as parallel arrays in depth-first order, so a split's left child is always the
/// next node and only the right child is stored. A split sends a row left when
/// `x[feature] <= threshold`. A leaf has feature -1 and keeps its leaf number in `next`; its
/// outputs are `leafValues[leaf * outputs ..< (leaf + 1) * outputs]`: class shares summing to 1,
/// or the mean target. Three numbers per node and the outputs per leaf keep a 100-tree
/// forest's model file at a few megabytes.
struct TreeNodes: Codable, Sendable, Equatable {
    var feature: [Int32] = []
    var threshold: [Double] = []
    /// The right child of a split, the leaf number of a leaf.
    var next: [Int32] = []
    var leafValues: [Double] = []
    let outputs: Int
    /// Splits on the longest path from the root to a leaf.
    var depth = 0

    init(outputs: Int) { self.outputs = outputs }

    private enum CodingKeys: String, CodingKey {
        case feature, threshold, next, leafValues = "leaf_values", outputs, depth
    }

    var nodeCount: Int { feature.count }
    var leafCount: Int { outputs > 0 ? leafValues.count / outputs : 0 }

    mutating func appendSplit(feature: Int, threshold: Double) -> Int {
        self.feature.append(Int32(truncatingIfNeeded: feature))
        self.threshold.append(threshold)
        next.append(-1)
        return nodeCount - 1
    }

    mutating func appendLeaf(_ values: UnsafeBufferPointer<Double>, depth: Int) {
        feature.append(-1)
        threshold.append(0)
        next.append(Int32(truncatingIfNeeded: leafCount))
        leafValues.append(contentsOf: values)
        self.depth = max(self.depth, depth)
    }

    /// Runs `body` with raw views of the arrays, for loops over many rows.
    func withView<R>(_ body: (TreeView) -> R) -> R {
        feature.withUnsafeBufferPointer { feature in
            threshold.withUnsafeBufferPointer { threshold in
                next.withUnsafeBufferPointer { next in
                    leafValues.withUnsafeBufferPointer { values in
                        body(TreeView(feature: feature.baseAddress!, threshold: threshold.baseAddress!,
                                      next: next.baseAddress!, values: values.baseAddress!, outputs: outputs))
                    }
                }
            }
        }
    }

    /// Checks a decoded tree so that walking it can neither leave the arrays nor loop, and that
    /// it is a tree training grows: nodes in depth-first order (a split's right child starts
    /// right after its left subtree), leaves numbered in order, every value finite, class shares
    /// from 0 to 1, and the recorded depth the real one.
    func validate(_ check: ModelFileCheck, featureCount: Int, outputs expected: Int, shares: Bool) throws(ModelError) {
        let count = feature.count
        try check.field("outputs").require(outputs == expected, "is \(outputs), but the model has \(expected) outputs")
        try check.field("feature").require(count > 0, "is empty; a tree has at least one node")
        try check.field("threshold").count(threshold.count, count, "the tree has \(count) nodes")
        try check.field("next").count(next.count, count, "the tree has \(count) nodes")
        try check.field("threshold").finite(threshold)
        try check.field("leaf_values").finite(leafValues)
        if shares {
            try check.field("leaf_values").require(leafValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "holds a class share outside 0 to 1")
        }
        // Walks the depth-first layout with an explicit stack of pending right children.
        var pending: [(node: Int, depth: Int)] = []
        var node = 0, depth = 0, leaves = 0, deepest = 0
        while true {
            try check.field("next").require(node < count, "points past the end of the tree")
            let split = Int(feature[node])
            if split < 0 {
                try check.field("feature").require(split == -1, "holds \(split) at position \(node); a leaf is -1")
                try check.field("next").require(Int(next[node]) == leaves, "numbers the leaves out of order at position \(node)")
                leaves += 1
                deepest = max(deepest, depth)
                guard let resume = pending.popLast() else { break }
                try check.field("next").require(resume.node == node + 1, "does not point right after the left branch at a split")
                (node, depth) = resume
            } else {
                try check.field("feature").require(split < featureCount, "holds \(split) at position \(node); the model has \(featureCount) inputs")
                pending.append((Int(next[node]), depth + 1))
                node += 1
                depth += 1
            }
        }
        try check.field("feature").require(node + 1 == count, "holds nodes no branch reaches")
        try check.field("leaf_values").count(leafValues.count, leaves * outputs, "the tree has \(leaves) leaves × \(outputs) outputs")
        try check.field("depth").require(self.depth == deepest, "is \(self.depth), but the tree is \(deepest) deep")
    }
}

/// Unsafe pointers into a `TreeNodes`, valid inside `withView`.
struct TreeView {
    let feature: UnsafePointer<Int32>
    let threshold: UnsafePointer<Double>
    let next: UnsafePointer<Int32>
    let values: UnsafePointer<Double>
    let outputs: Int

    /// Where the outputs of the leaf that `row` of a column-major matrix reaches begin.
    @inline(__always)
    func leafStart(row: Int, x: UnsafePointer<Double>, rows: Int) -> Int {
        var node = 0
        while true {
            let split = Int(feature[node])
            if split < 0 { return Int(next[node]) * outputs }
            node = x[split * rows + row] <= threshold[node] ? node + 1 : Int(next[node])
        }
    }

    /// Adds the leaf outputs of rows `range` to `out` (row-major, `outputs` per row, starting at
    /// the range's first row).
    func addOutputs(x: UnsafePointer<Double>, rows: Int, range: Range<Int>, into out: UnsafeMutablePointer<Double>) {
        for row in range {
            let start = leafStart(row: row, x: x, rows: rows)
            let target = out + (row - range.lowerBound) * outputs
            for k in 0..<outputs { target[k] += values[start + k] }
        }
    }
}

/// The checks a decision tree and a random forest share when read from a file.
enum TreeModels {
    static func validate(_ check: ModelFileCheck, classes: [String], featureCount: Int, importances: [Double],
                         _ shape: FittedShape) throws(ModelError) {
        if shape.target.isClassification {
            try check.field("classes").require(classes == shape.target.classes, "are not the target's classes")
        } else {
            try check.field("classes").require(classes.isEmpty, "are set, but the target '\(shape.target.column)' is a number")
        }
        try shape.requireInputs(featureCount, check.field("feature_count"))
        try check.field("feature_importances").count(importances.count, featureCount, "the model has \(featureCount) inputs")
        try check.field("feature_importances").require(importances.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 },
                                                       "holds a share outside 0 to 1")
    }
}

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

    /// Checks a decoded tree so that walking it can neither leave the arrays nor loop:
    /// a model file is data, and a damaged one must give an error, not a crash.
    func checked(featureCount: Int, outputs expectedOutputs: Int) throws -> TreeNodes {
        let count = feature.count
        var leaves = 0
        var valid = count > 0 && threshold.count == count && next.count == count && outputs == expectedOutputs
            && outputs > 0 && leafValues.count % outputs == 0
        for node in 0..<count where valid {
            if feature[node] < 0 {
                valid = feature[node] == -1 && Int(next[node]) == leaves
                leaves += 1
            } else {
                valid = Int(feature[node]) < featureCount && Int(next[node]) > node + 1 && Int(next[node]) < count
                    && !threshold[node].isNaN
            }
        }
        guard valid, leaves * outputs == leafValues.count else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: [], debugDescription: "the tree in the model file is damaged"))
        }
        return self
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

/// Boosted trees laid out for scoring many rows: the nodes of all trees in one flat array (each
/// node's question and both children side by side), walked tree by tree over a block of rows,
/// four rows at a time.
///
/// A tree walk is a chain of dependent loads whose direction at each node is as good as random,
/// so walking one row at a time mostly waits: on mispredicted branches, and on each load before
/// the next. Here the way down is picked by arithmetic, not a branch, and four rows' walks are
/// interleaved so the processor overlaps their loads. Each row still adds the trees in model
/// order, so the scores are the same numbers as summing tree by tree.
struct TreeScorer {
    /// One internal node; a negative child is leaf `~child` of `leafValues`.
    private struct Node {
        var threshold: Double
        var feature: Int32
        var left: Int32
        var right: Int32
        /// 1 when a missing number goes left.
        var missingLeft: UInt8
        /// 1 when the node asks about a category input (its levels are in `categoryBits`).
        var isCategory: UInt8
    }

    private var nodes: [Node] = []
    /// Four words of level bits per node (category nodes only use them).
    private var categoryBits: [UInt64] = []
    private var leafValues: [Double] = []
    /// The first node of each tree, or `~leaf` for a tree that is a single leaf.
    private var roots: [Int32] = []

    init(_ trees: [BoostedTree], categorical: [Bool]) {
        for tree in trees {
            let nodeBase = Int32(nodes.count), leafBase = Int32(leafValues.count)
            let relocate = { (child: Int) -> Int32 in child >= 0 ? nodeBase + Int32(child) : ~(leafBase + Int32(~child)) }
            roots.append(tree.nodeCount == 0 ? ~leafBase : nodeBase)
            for node in 0..<tree.nodeCount {
                nodes.append(Node(threshold: tree.threshold[node], feature: Int32(tree.feature[node]),
                                  left: relocate(tree.left[node]), right: relocate(tree.right[node]),
                                  missingLeft: tree.defaultLeft[node] ? 1 : 0,
                                  isCategory: categorical[tree.feature[node]] ? 1 : 0))
                var words = [UInt64](repeating: 0, count: 4)
                for level in tree.leftCategories[node] where level >= 0 && level < 256 {
                    words[level >> 6] |= 1 << UInt64(level & 63)
                }
                categoryBits += words
            }
            leafValues += tree.leafValues
        }
    }

    /// Adds tree `t`'s value to `scores[output(t) * n + row]` for rows `rows` of `x`
    /// (`values` column-major, `n` rows), trees in order.
    func add(rows: Range<Int>, values: UnsafePointer<Double>, n: Int, to scores: UnsafeMutablePointer<Double>,
             output: (Int) -> Int) {
        nodes.withUnsafeBufferPointer { nodes in
            categoryBits.withUnsafeBufferPointer { bits in
                let walk = Walk(nodes: nodes, bits: bits, values: values, n: n)
                for (t, root) in roots.enumerated() {
                    let target = scores + output(t) * n
                    var row = rows.lowerBound
                    while row + 4 <= rows.upperBound {
                        var (a, b, c, d) = (root, root, root, root)
                        // A finished walk (negative) stays put; the others step.
                        while a & b & c & d >= 0 {
                            if a >= 0 { a = walk.next(a, row) }
                            if b >= 0 { b = walk.next(b, row + 1) }
                            if c >= 0 { c = walk.next(c, row + 2) }
                            if d >= 0 { d = walk.next(d, row + 3) }
                        }
                        target[row] += leafValues[Int(~a)]
                        target[row + 1] += leafValues[Int(~b)]
                        target[row + 2] += leafValues[Int(~c)]
                        target[row + 3] += leafValues[Int(~d)]
                        row += 4
                    }
                    while row < rows.upperBound {
                        var a = root
                        while a >= 0 { a = walk.next(a, row) }
                        target[row] += leafValues[Int(~a)]
                        row += 1
                    }
                }
            }
        }
    }

    /// The nodes and the rows' values, as seen during one `add`.
    private struct Walk {
        let nodes: UnsafeBufferPointer<Node>
        let bits: UnsafeBufferPointer<UInt64>
        let values: UnsafePointer<Double>
        let n: Int

        /// The child of `node` that `row` goes to.
        @inline(__always) func next(_ node: Int32, _ row: Int) -> Int32 {
            let i = Int(node)
            let question = nodes[i]
            let v = values[Int(question.feature) &* n &+ row]
            var goesLeft: UInt8
            if question.isCategory == 0 {
                goesLeft = unsafeBitCast(v <= question.threshold, to: UInt8.self)
                    | (unsafeBitCast(v.isNaN, to: UInt8.self) & question.missingLeft)
            } else {
                // Missing, unseen and fractional levels go right.
                goesLeft = 0
                if v >= 0, v < 256, v == v.rounded(.down) {
                    let level = Int(v)
                    goesLeft = UInt8(truncatingIfNeeded: (bits[i &* 4 &+ level >> 6] >> UInt64(level & 63)) & 1)
                }
            }
            // right + (left - right) * goesLeft: the child without a branch.
            return question.right &+ (question.left &- question.right) &* Int32(goesLeft)
        }
    }
}

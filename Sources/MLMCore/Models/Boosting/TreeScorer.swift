/// Boosted trees laid out for scoring many rows: the nodes of all trees in shared flat arrays
/// (children side by side, missing-value direction and category flag as bytes), walked tree by
/// tree over a block of rows, four rows at a time.
///
/// A tree walk is a chain of dependent loads whose direction at each node is as good as random,
/// so walking one row at a time mostly waits: on mispredicted branches, and on each load before
/// the next. Here the way down is picked by arithmetic, not a branch, and four rows' walks are
/// interleaved so the processor overlaps their loads. Each row still adds the trees in model
/// order, so the scores are the same numbers as summing tree by tree.
struct TreeScorer {
    private var feature: [Int32] = []
    private var threshold: [Double] = []
    /// 1 when a missing number goes left.
    private var missingLeft: [UInt8] = []
    /// 1 when the node asks about a category input.
    private var isCategory: [UInt8] = []
    /// `children[2 * node]` left, `[2 * node + 1]` right; a negative child is leaf `~child` of `leafValues`.
    private var children: [Int32] = []
    /// Four words of level bits per node (category nodes only use them).
    private var categoryBits: [UInt64] = []
    private var leafValues: [Double] = []
    /// The first node of each tree, or `~leaf` for a tree that is a single leaf.
    private var roots: [Int32] = []

    init(_ trees: [BoostedTree], categorical: [Bool]) {
        for tree in trees {
            let nodeBase = Int32(feature.count), leafBase = Int32(leafValues.count)
            let relocate = { (child: Int) -> Int32 in child >= 0 ? nodeBase + Int32(child) : ~(leafBase + Int32(~child)) }
            roots.append(tree.nodeCount == 0 ? ~leafBase : nodeBase)
            for node in 0..<tree.nodeCount {
                feature.append(Int32(tree.feature[node]))
                threshold.append(tree.threshold[node])
                missingLeft.append(tree.defaultLeft[node] ? 1 : 0)
                isCategory.append(categorical[tree.feature[node]] ? 1 : 0)
                children += [relocate(tree.left[node]), relocate(tree.right[node])]
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
        feature.withUnsafeBufferPointer { feature in
            threshold.withUnsafeBufferPointer { threshold in
                missingLeft.withUnsafeBufferPointer { missingLeft in
                    isCategory.withUnsafeBufferPointer { isCategory in
                        children.withUnsafeBufferPointer { children in
                            categoryBits.withUnsafeBufferPointer { bits in
                                let nodes = Nodes(feature: feature.baseAddress, threshold: threshold.baseAddress,
                                                  missingLeft: missingLeft.baseAddress, isCategory: isCategory.baseAddress,
                                                  children: children.baseAddress, bits: bits.baseAddress, values: values, n: n)
                                for (t, root) in roots.enumerated() {
                                    let target = scores + output(t) * n
                                    var row = rows.lowerBound
                                    while row + 4 <= rows.upperBound {
                                        var (a, b, c, d) = (root, root, root, root)
                                        // A finished walk (negative) stays put; the others step.
                                        while a & b & c & d >= 0 {
                                            if a >= 0 { a = nodes.next(a, row) }
                                            if b >= 0 { b = nodes.next(b, row + 1) }
                                            if c >= 0 { c = nodes.next(c, row + 2) }
                                            if d >= 0 { d = nodes.next(d, row + 3) }
                                        }
                                        target[row] += leafValues[Int(~a)]
                                        target[row + 1] += leafValues[Int(~b)]
                                        target[row + 2] += leafValues[Int(~c)]
                                        target[row + 3] += leafValues[Int(~d)]
                                        row += 4
                                    }
                                    while row < rows.upperBound {
                                        var a = root
                                        while a >= 0 { a = nodes.next(a, row) }
                                        target[row] += leafValues[Int(~a)]
                                        row += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The node arrays as raw pointers for the walk (valid inside `add` only).
    private struct Nodes {
        let feature: UnsafePointer<Int32>?
        let threshold: UnsafePointer<Double>?
        let missingLeft: UnsafePointer<UInt8>?
        let isCategory: UnsafePointer<UInt8>?
        let children: UnsafePointer<Int32>?
        let bits: UnsafePointer<UInt64>?
        let values: UnsafePointer<Double>
        let n: Int

        /// The child of `node` that `row` goes to.
        @inline(__always) func next(_ node: Int32, _ row: Int) -> Int32 {
            let i = Int(node)
            let v = values[Int(feature![i]) &* n &+ row]
            var goesLeft: UInt8
            if isCategory![i] == 0 {
                goesLeft = unsafeBitCast(v <= threshold![i], to: UInt8.self)
                    | (unsafeBitCast(v.isNaN, to: UInt8.self) & missingLeft![i])
            } else {
                // Missing, unseen and fractional levels go right.
                goesLeft = 0
                if v >= 0, v < 256, v == v.rounded(.down) {
                    let level = Int(v)
                    goesLeft = UInt8(truncatingIfNeeded: (bits![i &* 4 &+ level >> 6] >> UInt64(level & 63)) & 1)
                }
            }
            return children![2 &* i &+ 1 &- Int(goesLeft)]
        }
    }
}

/// A k-d tree over a point set, for DBSCAN's neighbourhood queries and the k-distance used to
/// suggest eps: nodes split at the median of their widest feature, each node keeps its bounding
/// box so whole subtrees farther than the radius are skipped. Points are copied in tree order,
/// so a leaf's points are contiguous in memory.
struct KDTree {
    struct Node {
        var lo: Int
        var hi: Int
        var left: Int = -1
        var right: Int = -1
    }

    static let leafSize = 16

    let dims: Int
    /// Original row of each point in tree order.
    private(set) var order: [Int]
    /// Point values in tree order, row-major.
    private(set) var values: [Double]
    private(set) var nodes: [Node] = []
    /// Per node: `dims` minima then `dims` maxima.
    private(set) var boxes: [Double] = []

    init(_ points: PointSet) {
        dims = points.dimensions
        order = Array(0..<points.rows)
        values = []
        if points.rows > 0 { _ = build(points, lo: 0, hi: points.rows) }
        var sorted = [Double](repeating: 0, count: points.values.count)
        for (position, row) in order.enumerated() {
            for d in 0..<dims { sorted[position * dims + d] = points.values[row * dims + d] }
        }
        values = sorted
    }

    private mutating func build(_ points: PointSet, lo: Int, hi: Int) -> Int {
        let index = nodes.count
        nodes.append(Node(lo: lo, hi: hi))
        var box = [Double](repeating: .infinity, count: dims) + [Double](repeating: -.infinity, count: dims)
        for position in lo..<hi {
            let row = order[position]
            for d in 0..<dims {
                let x = points.values[row * dims + d]
                box[d] = min(box[d], x)
                box[dims + d] = max(box[dims + d], x)
            }
        }
        boxes.append(contentsOf: box)
        guard hi - lo > Self.leafSize else { return index }
        var widest = 0
        for d in 1..<max(dims, 1) where box[dims + d] - box[d] > box[dims + widest] - box[widest] { widest = d }
        guard box[dims + widest] > box[widest] else { return index }  // all points equal
        let middle = (lo + hi) / 2
        order[lo..<hi].sort { a, b in
            let x = points.values[a * dims + widest], y = points.values[b * dims + widest]
            return x != y ? x < y : a < b
        }
        let left = build(points, lo: lo, hi: middle)
        let right = build(points, lo: middle, hi: hi)
        nodes[index].left = left
        nodes[index].right = right
        return index
    }

    /// Squared distance from a point to a node's bounding box (0 inside it).
    @inline(__always)
    private func boxDistance(_ node: Int, _ p: UnsafePointer<Double>, _ b: UnsafePointer<Double>) -> Double {
        let base = b + node * 2 * dims
        var s = 0.0
        for d in 0..<dims {
            let x = p[d]
            let e = x < base[d] ? base[d] - x : (x > base[dims + d] ? x - base[dims + d] : 0)
            s += e * e
        }
        return s
    }

    /// Visits the tree-order positions of all points within squared radius `r2` of `p`;
    /// `visit` returns false to stop early.
    func withinRadius(_ p: UnsafePointer<Double>, _ r2: Double, stack: inout [Int32], _ visit: (Int) -> Bool) {
        guard !nodes.isEmpty else { return }
        values.withUnsafeBufferPointer { v in
            boxes.withUnsafeBufferPointer { b in
                stack.removeAll(keepingCapacity: true)
                stack.append(0)
                while let top = stack.popLast() {
                    let node = nodes[Int(top)]
                    if boxDistance(Int(top), p, b.baseAddress!) > r2 { continue }
                    if node.left < 0 {
                        for position in node.lo..<node.hi
                        where squaredDistance(p, v.baseAddress! + position * dims, dims) <= r2 {
                            if !visit(position) { return }
                        }
                    } else {
                        stack.append(Int32(node.right))
                        stack.append(Int32(node.left))
                    }
                }
            }
        }
    }

    /// Squared distance from `p` to its k-th nearest point (the point itself counts when it is
    /// in the tree, as scikit-learn's `kneighbors` on the fitted data).
    func kthNearest(_ p: UnsafePointer<Double>, k: Int, stack: inout [Int32], best: inout [Double]) -> Double {
        best.removeAll(keepingCapacity: true)
        values.withUnsafeBufferPointer { v in
            boxes.withUnsafeBufferPointer { b in
                stack.removeAll(keepingCapacity: true)
                stack.append(0)
                while let top = stack.popLast() {
                    let bound = best.count == k ? best[k - 1] : .infinity
                    if boxDistance(Int(top), p, b.baseAddress!) > bound { continue }
                    let node = nodes[Int(top)]
                    if node.left < 0 {
                        for position in node.lo..<node.hi {
                            let distance = squaredDistance(p, v.baseAddress! + position * dims, dims)
                            insert(distance, into: &best, k: k)
                        }
                    } else {
                        stack.append(Int32(node.right))
                        stack.append(Int32(node.left))
                    }
                }
            }
        }
        return best.last ?? .infinity
    }

    /// Keeps `best` as the k smallest distances seen, ascending.
    @inline(__always)
    private func insert(_ distance: Double, into best: inout [Double], k: Int) {
        if best.count == k {
            guard distance < best[k - 1] else { return }
            best.removeLast()
        }
        var i = best.count
        best.append(distance)
        while i > 0 && best[i - 1] > distance {
            best[i] = best[i - 1]
            i -= 1
        }
        best[i] = distance
    }
}

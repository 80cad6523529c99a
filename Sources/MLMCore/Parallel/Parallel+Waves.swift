extension Parallel {
    /// `body(0..<count)` on every core, `wave` items at a time, each result handed to `combine`
    /// in index order. The same results in the same order as `map` followed by a loop, but at most
    /// `wave` results exist at once: partial Hessians and Gram matrices of inputs² numbers per
    /// chunk of rows would otherwise all be kept until the last chunk is done.
    static func forEachInOrder<T>(_ count: Int, wave: Int, _ body: (Int) -> T, combine: (T) -> Void) {
        var start = 0
        while start < count {
            let end = min(count, start + max(1, wave))
            for part in map(end - start, { body(start + $0) }) { combine(part) }
            start = end
        }
    }

    /// Chunk results alive at once in `forEachInOrder`: enough to keep every core busy.
    static let resultWave = 16
}

extension PointSet {
    /// How many different points the set holds, counting no further than `limit`: enough to
    /// tell whether k segments can be told apart, and cheap on ordinary data, where the first
    /// few rows already differ.
    public func distinctCount(upTo limit: Int) -> Int {
        var seen = Set<ArraySlice<Double>>()
        for row in 0..<rows {
            seen.insert(point(row))
            if seen.count >= limit { break }
        }
        return seen.count
    }
}

extension Segmentation {
    /// k-means cannot find more segments than there are different points: the extra ones would
    /// come out empty, or as copies of one centre.
    static func requireDistinctPoints(_ space: PointSet, features: [String], k: Int) throws(ModelError) {
        let distinct = space.distinctCount(upTo: k)
        guard distinct < k else { return }
        let names = features.joined(separator: ", ")
        throw ModelError("the rows hold only \(ValueText.counted(distinct, "different point")) in \(names), so kmeans cannot find \(ValueText.counted(k, "segment")); choose k \(distinct) or fewer")
    }

    /// A range of k cut down to the number of different points, with a note when it was cut.
    static func usableRange(_ range: ClosedRange<Int>, _ space: PointSet, features: [String]) throws(ModelError) -> (ClosedRange<Int>, note: String?) {
        let distinct = space.distinctCount(upTo: range.upperBound)
        guard distinct < range.upperBound else { return (range, nil) }
        try requireDistinctPoints(space, features: features, k: range.lowerBound)
        return (range.lowerBound...distinct, "k tried up to \(distinct) only: the rows hold only \(ValueText.counted(distinct, "different point"))")
    }
}

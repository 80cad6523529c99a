/// A fitted k-nearest-neighbours model. It keeps the whole standardized training matrix
/// (rows × inputs doubles), so its model file grows with the training data.
public struct KNearestNeighborsModel: TrainedModel, Equatable {
    public var algorithm: String { KNearestNeighbors.name }

    /// What the neighbours vote with.
    public enum Outcome: Codable, Equatable, Sendable {
        case classes(labels: [Int], classCount: Int)
        case values([Double])
    }

    public let k: Int
    public let weightsByDistance: Bool
    public let inputCount: Int
    let means: [Double]
    let scales: [Double]
    /// Standardized training rows, row-major.
    let rows: [Double]
    public let outcome: Outcome
    public let trainingNotes: [String]

    var trainingRowCount: Int {
        switch outcome {
        case .classes(let labels, _): return labels.count
        case .values(let values): return values.count
        }
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        let n = trainingRowCount
        try check.field("outcome").require(n >= 1, "holds no training rows")
        try check.field("k").inRange(k, 1...min(1000, n))
        try shape.requireInputs(inputCount, check.field("inputCount"))
        try LinearModelsSupport.ColumnScaling(means: means, scales: scales).validate(check, inputs: inputCount)
        let (cells, overflow) = n.multipliedReportingOverflow(by: inputCount)
        try check.field("rows").require(!overflow && rows.count == cells,
                                        "has \(rows.count) values but the model keeps \(n) training rows × \(inputCount) inputs")
        try check.field("rows").finite(rows)
        switch (outcome, shape.classCount) {
        case (.classes(let labels, let classCount), let classes?):
            try check.field("outcome").field("classCount").require(classCount == classes,
                                                                   "is \(classCount), but the target has \(classes) classes")
            try check.field("outcome").field("labels").inRange(labels, 0..<classCount, "a class number")
        case (.values(let values), nil):
            try check.field("outcome").field("values").finite(values)
        case (.classes, nil):
            throw shape.wrongTask(check.field("outcome"), "classes")
        case (.values, _?):
            throw shape.wrongTask(check.field("outcome"), "numbers")
        }
    }

    /// Query rows per unit of parallel work.
    static let queryChunk = 64

    /// Class shares (or weighted mean values) of each row's k nearest training rows.
    /// NaN everywhere if the matrix has the wrong number of columns.
    public func predict(_ x: FeatureMatrix) -> Predictions {
        let width: Int
        switch outcome {
        case .classes(_, let classCount): width = classCount
        case .values: width = 1
        }
        guard x.columns == inputCount else {
            return LinearModelsSupport.unusable(rows: x.rows, classCount: isRegression ? nil : width)
        }
        let chunkCount = (x.rows + Self.queryChunk - 1) / Self.queryChunk
        let parts: [[Double]] = Parallel.map(chunkCount) { chunk in
            let start = chunk * Self.queryChunk
            return predictChunk(x, start..<min(x.rows, start + Self.queryChunk), width: width)
        }
        let flat = Array(parts.joined())
        return isRegression ? .values(flat) : .probabilities(flat, classCount: width)
    }

    private var isRegression: Bool {
        if case .values = outcome { return true }
        return false
    }

    private func predictChunk(_ x: FeatureMatrix, _ queries: Range<Int>, width: Int) -> [Double] {
        var out = [Double](repeating: 0, count: queries.count * width)
        var query = [Double](repeating: 0, count: inputCount)
        var nearest = NearestList(capacity: k)
        for (offset, row) in queries.enumerated() {
            // The same arithmetic as the training rows got, so a repeated row lands at distance 0.
            for j in 0..<inputCount { query[j] = (x[row, j] - means[j]) * (1 / scales[j]) }
            nearest.clear()
            search(query, into: &nearest)
            vote(nearest, into: &out, at: offset * width, width: width)
        }
        return out
    }

    /// Brute-force scan of every training row, four inputs at a time in SIMD registers.
    private func search(_ query: [Double], into nearest: inout NearestList) {
        let p = inputCount, n = trainingRowCount, wide = p & ~3
        guard p > 0 else {
            // No inputs: every row is at distance 0, so the first k rows are the neighbours.
            for i in 0..<min(n, k) { nearest.insert(0, row: i) }
            return
        }
        rows.withUnsafeBufferPointer { rows in
            query.withUnsafeBufferPointer { query in
                let rawQuery = UnsafeRawPointer(query.baseAddress!)
                let rawRows = UnsafeRawPointer(rows.baseAddress!)
                for i in 0..<n {
                    let base = i * p
                    var partial = SIMD4<Double>()
                    var j = 0
                    while j < wide {
                        let d = rawRows.loadUnaligned(fromByteOffset: (base + j) * 8, as: SIMD4<Double>.self)
                            - rawQuery.loadUnaligned(fromByteOffset: j * 8, as: SIMD4<Double>.self)
                        partial += d * d
                        j += 4
                    }
                    var distance = partial.sum()
                    while j < p {
                        let d = rows[base + j] - query[j]
                        distance += d * d
                        j += 1
                    }
                    if distance < nearest.worstDistance { nearest.insert(distance, row: i) }
                }
            }
        }
    }

    /// Writes class shares or the mean value for one query. With distance weights, neighbours
    /// at distance 0 take all the weight (as in sklearn), since 1/0 has no useful value.
    private func vote(_ nearest: NearestList, into out: inout [Double], at offset: Int, width: Int) {
        let count = nearest.count
        let exact = weightsByDistance && nearest.squaredDistances[0] == 0
        var total = 0.0
        for m in 0..<count {
            let squared = nearest.squaredDistances[m]
            let weight = !weightsByDistance ? 1 : exact ? (squared == 0 ? 1 : 0) : 1 / squared.squareRoot()
            total += weight
            switch outcome {
            case .classes(let labels, _): out[offset + labels[nearest.rows[m]]] += weight
            case .values(let values): out[offset] += weight * values[nearest.rows[m]]
            }
        }
        guard total > 0 else { return }
        for c in 0..<width { out[offset + c] /= total }
    }
}

extension KNearestNeighborsModel {
    /// The k best (squared distance, training row) pairs so far, sorted by distance; among equal
    /// distances the earlier row stays first because later rows are only inserted after it.
    struct NearestList {
        let capacity: Int
        private(set) var squaredDistances: [Double]
        private(set) var rows: [Int]
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            squaredDistances = [Double](repeating: .infinity, count: capacity)
            rows = [Int](repeating: -1, count: capacity)
        }

        /// The distance a new row must beat (strictly) to enter the list.
        var worstDistance: Double { count < capacity ? .infinity : squaredDistances[capacity - 1] }

        mutating func clear() { count = 0 }

        mutating func insert(_ distance: Double, row: Int) {
            var position = min(count, capacity - 1)
            while position > 0 && squaredDistances[position - 1] > distance {
                if position < capacity {
                    squaredDistances[position] = squaredDistances[position - 1]
                    rows[position] = rows[position - 1]
                }
                position -= 1
            }
            squaredDistances[position] = distance
            rows[position] = row
            count = min(count + 1, capacity)
        }
    }
}

import Foundation

/// The per-column scores `FeatureSelection` ranks by.
enum FilterScores {
    static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard a.count == b.count, a.count >= 2 else { return 0 }
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for i in 0..<a.count {
            let da = a[i] - meanA, db = b[i] - meanB
            sab += da * db; saa += da * da; sbb += db * db
        }
        guard saa > 0, sbb > 0 else { return 0 }
        return sab / (saa * sbb).squareRoot()
    }

    /// |r| for a number, the correlation ratio η for a category.
    static func correlation(_ x: FeatureMatrix, _ kind: SourceColumns.Kind, _ y: [Double]) -> Double {
        switch kind {
        case .number(let value, _): return abs(pearson(Array(x.column(value)), y))
        case .oneHot(let columns, _): return correlationRatio(groups(x, columns), y)
        case .levelIndex(let column, _): return correlationRatio(x.column(column).map { $0.isNaN ? -1 : Int($0) }, y)
        }
    }

    /// Per row, the index of the one-hot input that is 1, or −1 when none is.
    static func groups(_ x: FeatureMatrix, _ columns: [Int]) -> [Int] {
        var group = [Int](repeating: -1, count: x.rows)
        for (level, column) in columns.enumerated() {
            for row in 0..<x.rows where x[row, column] == 1 { group[row] = level }
        }
        return group
    }

    static func correlationRatio(_ group: [Int], _ y: [Double]) -> Double {
        guard !y.isEmpty else { return 0 }
        let mean = y.reduce(0, +) / Double(y.count)
        var sums: [Int: (Double, Int)] = [:]
        var total = 0.0
        for (g, v) in zip(group, y) {
            sums[g, default: (0, 0)].0 += v
            sums[g, default: (0, 0)].1 += 1
            total += (v - mean) * (v - mean)
        }
        guard total > 0 else { return 0 }
        let between = sums.values.reduce(0.0) { acc, s in
            let m = s.0 / Double(s.1)
            return acc + Double(s.1) * (m - mean) * (m - mean)
        }
        return (between / total).squareRoot()
    }

    /// Target as small integers: classes, or a number cut into 10 quantile bins.
    static func targetBins(_ problem: SelectionProblem) -> [Int] {
        problem.spec.isClassification ? problem.labels.map { Int($0) } : quantileBins(problem.labels, bins: 10)
    }

    /// Bin of each value among `bins` quantile bins (edges at distinct quantiles); NaN → −1.
    static func quantileBins(_ values: [Double], bins: Int) -> [Int] {
        let sorted = RadixOrder.sorted(values.filter { !$0.isNaN })
        var edges: [Double] = []
        for b in 1..<bins {
            if let q = Statistics.quantile(sorted, Double(b) / Double(bins)), edges.last != q { edges.append(q) }
        }
        return values.map { v in
            guard !v.isNaN else { return -1 }
            var low = 0, high = edges.count
            while low < high {
                let mid = (low + high) / 2
                if edges[mid] < v { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    static func mutualInformation(_ x: FeatureMatrix, _ kind: SourceColumns.Kind, _ target: [Int]) -> Double {
        let feature: [Int]
        switch kind {
        case .number(let value, _): feature = quantileBins(Array(x.column(value)), bins: 10)
        case .oneHot(let columns, _): feature = groups(x, columns)
        case .levelIndex(let column, _): feature = x.column(column).map { $0.isNaN ? -1 : Int($0) }
        }
        return plugInMutualInformation(feature, target)
    }

    /// Σ p(a,b) log(p(a,b) / (p(a) p(b))) over the observed pairs, in nats.
    static func plugInMutualInformation(_ a: [Int], _ b: [Int]) -> Double {
        let n = Double(a.count)
        guard n > 0 else { return 0 }
        var joint: [Int: [Int: Int]] = [:], countA: [Int: Int] = [:], countB: [Int: Int] = [:]
        for (u, v) in zip(a, b) {
            joint[u, default: [:]][v, default: 0] += 1
            countA[u, default: 0] += 1
            countB[v, default: 0] += 1
        }
        var total = 0.0
        for (u, row) in joint.sorted(by: { $0.key < $1.key }) {
            for (v, count) in row.sorted(by: { $0.key < $1.key }) {
                let p = Double(count) / n
                total += p * log(p * n * n / (Double(countA[u]!) * Double(countB[v]!)))
            }
        }
        return max(0, total)
    }

    /// Permutation importance of a seeded random forest, per source column.
    static func forestImportance(_ problem: SelectionProblem, _ columns: SourceColumns, _ seed: UInt64) throws(ModelError) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var positions = Array(0..<problem.rows.count)
        generator.shuffle(&positions)
        let cut = positions.count * 3 / 4
        guard cut >= 2, positions.count - cut >= 2 else {
            throw ModelError("ranking by importance needs at least 8 rows with a known target; got \(positions.count)")
        }
        let train = Array(positions[..<cut]).sorted(), held = Array(positions[cut...]).sorted()
        var parameters = RandomForest.algorithm.parametersWithDefaults()
        parameters.values["trees"] = .integer(100)
        parameters.values["seed"] = .integer(Int(seed))
        let model = try problem.fit(Candidate(label: "random_forest", algorithm: RandomForest.algorithm, parameters: parameters), positions: train)
        let (x, _) = try model.encoding.transform(problem.frame, rows: held.map { problem.rows[$0] })
        let metric: SelectionMetric = problem.spec.task == .regression ? .r2 : problem.spec.task == .binary ? .auc : .accuracy
        let modelColumns = SourceColumns(model.encoding)
        let (_, rows) = try PermutationImportance.compute(
            x: x, labels: held.map { problem.labels[$0] }, columns: modelColumns, metric: metric, repeats: 3,
            permutation: PermutationImportance.seededPermutation(rows: x.rows, seed: seed), predict: model.fitted.predict)
        let byName = Dictionary(rows.map { ($0.column, $0.mean) }) { a, _ in a }
        return columns.names.map { byName[$0] ?? 0 }
    }
}

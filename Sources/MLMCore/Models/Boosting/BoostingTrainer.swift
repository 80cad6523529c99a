import Foundation

/// The boosting rounds: gradients at the current scores, one tree per output on a sample of the
/// rows and inputs, scores moved by the tree, and (when watching validation rows) the loss there
/// checked for early stopping.
struct BoostingTrainer {
    let x: FeatureMatrix
    let target: Target
    let weights: [Double]?
    let settings: BoostingSettings
    let objective: BoostingObjective
    let labels: BoostingObjective.Labels

    init(_ x: FeatureMatrix, _ target: Target, _ weights: [Double]?, _ settings: BoostingSettings) {
        self.x = x
        self.target = target
        self.weights = weights
        self.settings = settings
        labels = BoostingObjective.labels(target)
        switch target {
        case .classes(_, let classes): objective = classes.count == 2 ? .binary : .multiclass
        case .values: objective = .regression
        }
    }

    /// Tracks the loss on the watched rows and the round where it was lowest.
    private struct Watch {
        let data: ValidationData
        let labels: BoostingObjective.Labels
        var scores: [Double]
        var bestLoss = Double.infinity
        var bestRound = -1
    }

    func run(watching: (data: ValidationData, source: String)?, patience: Int?) throws(ModelError) -> GradientBoostingModel {
        let n = x.rows
        let initial = objective.initialScores(labels, weights: weights)
        let outputs = initial.count
        var scores = [Double](repeating: 0, count: n * outputs)
        for k in 0..<outputs { for i in 0..<n { scores[k * n + i] = initial[k] } }
        var watch = watching.map { w in
            Watch(data: w.data, labels: BoostingObjective.labels(w.data.target),
                  scores: (0..<(w.data.x.rows * outputs)).map { initial[$0 / max(1, w.data.x.rows)] })
        }
        let binned = try BinnedMatrix.make(x, maxBins: settings.maxBins)
        let grower = HistogramTreeGrower(binned: binned, settings: settings)
        let usable = (0..<x.columns).filter { binned.layouts[$0].valueBins > 1 }
        let gradients = UnsafeMutablePointer<GradientPair>.allocate(capacity: max(1, n * outputs))
        defer { gradients.deallocate() }
        var trees: [BoostedTree] = []
        var roundsRun = 0
        for round in 0..<settings.trees {
            try ModelError.throwIfCancelled()
            objective.gradients(scores, labels, weights, rows: n, into: gradients)
            let rows = sampleRows(round, n)
            for k in 0..<outputs {
                let tree = grower.grow(rows: rows, gradients: gradients + k * n,
                                       features: sampleFeatures(usable, round: round, output: k))
                if rows == nil { addLeafValues(tree, grower, to: &scores, offset: k * n) } else {
                    Self.addTree(tree, x, to: &scores, offset: k * n)
                }
                if watch != nil { Self.addTree(tree, watch!.data.x, to: &watch!.scores, offset: k * watch!.data.x.rows) }
                trees.append(tree)
            }
            roundsRun = round + 1
            if var w = watch, let patience {
                let loss = objective.loss(w.scores, w.labels, rows: w.data.x.rows)
                if loss < w.bestLoss { (w.bestLoss, w.bestRound) = (loss, round) }
                watch = w
                if round - w.bestRound >= patience { break }
            }
        }
        var notes: [String] = []
        if let w = watch, let source = watching?.source, w.bestRound >= 0 {
            trees.removeLast(trees.count - (w.bestRound + 1) * outputs)
            notes.append("early stopping on \(source): best round \(ValueText.grouped(w.bestRound + 1)) of \(ValueText.grouped(roundsRun)), "
                         + "\(objective.lossName) \(ValueText.rounded(w.bestLoss, decimals: 4)) there")
        }
        notes.insert(summary(trees, outputs: outputs, binned: binned), at: 0)
        let classes: [String]
        if case .classes(_, let names) = target { classes = names } else { classes = [] }
        return GradientBoostingModel(classes: classes, featureCount: x.columns, objective: objective,
                                     initialScores: initial, trees: trees,
                                     categorical: x.categoryCounts.map { $0 > 0 }, notes: notes)
    }

    private func summary(_ trees: [BoostedTree], outputs: Int, binned: BinnedMatrix) -> String {
        let rounds = trees.count / max(1, outputs)
        let leaves = trees.reduce(0) { $0 + $1.leafCount }
        let perClass = outputs > 1 ? " × \(outputs) classes" : ""
        let categories = x.categoryCounts.filter { $0 > 0 }.count
        let categoryText = categories == 0 ? "" : ", \(ValueText.counted(categories, "category input")) split natively"
        return "\(ValueText.counted(rounds, "round"))\(perClass), \(ValueText.rounded(Double(leaves) / Double(max(1, trees.count)), decimals: 1)) leaves per tree on average; "
            + "inputs cut into at most \(ValueText.grouped(settings.maxBins)) bins\(categoryText)"
    }

    /// The rows of one round (LightGBM's bagging, redrawn every round), or nil for all rows.
    private func sampleRows(_ round: Int, _ n: Int) -> [Int32]? {
        guard settings.subsample < 1 else { return nil }
        var generator = SeededGenerator(seed: settings.seed &+ 0xB0057 &+ UInt64(round) &* 0x9E37_79B9_7F4A_7C15)
        var rows: [Int32] = []
        rows.reserveCapacity(Int(Double(n) * settings.subsample) + 16)
        for i in 0..<n where generator.nextUnit() < settings.subsample { rows.append(Int32(i)) }
        return rows.isEmpty ? nil : rows
    }

    /// The inputs one tree may use (LightGBM's feature_fraction), sorted.
    private func sampleFeatures(_ usable: [Int], round: Int, output: Int) -> [Int] {
        guard settings.colsample < 1, usable.count > 1 else { return usable }
        let count = max(1, Int((Double(usable.count) * settings.colsample).rounded()))
        var generator = SeededGenerator(seed: settings.seed &+ 0xC01 &+ UInt64(round * 64 + output) &* 0xD1B5_4A32_D192_ED03)
        var shuffled = usable
        generator.shuffle(&shuffled)
        return shuffled.prefix(count).sorted()
    }

    /// Adds leaf values to the rows the tree was grown on, from the grower's leaf ranges; leaves
    /// on all cores for large tables (their rows are disjoint).
    private func addLeafValues(_ tree: BoostedTree, _ grower: HistogramTreeGrower, to scores: inout [Double], offset: Int) {
        let leaves = grower.leaves, order = grower.order
        scores.withUnsafeMutableBufferPointer { f in
            let target = SendablePointer(f.baseAddress! + offset)
            let add = { (index: Int) -> Bool in
                let (leaf, value) = (leaves[index], tree.leafValues[index])
                for i in leaf.begin..<(leaf.begin + leaf.count) { target.pointer[Int(order[i])] += value }
                return true
            }
            if x.rows < 65_536 { for index in leaves.indices { _ = add(index) } } else { _ = Parallel.map(leaves.count, add) }
        }
    }

    /// Adds the tree's value for every row of `x`, walking the tree on the raw inputs.
    static func addTree(_ tree: BoostedTree, _ x: FeatureMatrix, to scores: inout [Double], offset: Int) {
        let n = x.rows
        let scorer = TreeScorer([tree], categorical: x.categoryCounts.map { $0 > 0 })
        let blockSize = 16_384
        let blocks = (n + blockSize - 1) / blockSize
        scores.withUnsafeMutableBufferPointer { f in
            let target = SendablePointer(f.baseAddress! + offset)
            x.values.withUnsafeBufferPointer { values in
                _ = Parallel.map(blocks) { block -> Bool in
                    scorer.add(rows: (block * blockSize)..<min(n, (block + 1) * blockSize), values: values.baseAddress!, n: n,
                               to: target.pointer) { _ in 0 }
                    return true
                }
            }
        }
    }
}

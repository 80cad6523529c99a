/// A random forest (sklearn's `RandomForestClassifier`/`RandomForestRegressor`): many exact
/// CART trees, each grown on a bootstrap sample of the rows and trying a random subset of the
/// features at every split; class probabilities are the mean of the trees' leaf class shares,
/// numbers the mean of their leaf means.
///
/// The features are sorted once for all trees. Trees are grown on all cores, tree `i` seeded
/// from the seed and `i` alone, so the forest is the same whatever the thread timing.
public enum RandomForest {
    static let name = "random_forest"

    static let trees = ParameterSpec(
        "trees", .integer(1...5000), default: .integer(100), "how many trees to grow; more trees vote more steadily")
    /// A choice, not a flag, so that it can be turned off: `bootstrap no`.
    static let bootstrap = ParameterSpec(
        "bootstrap", .choice(["yes", "no"]), default: .text("yes"),
        "yes: each tree learns from rows drawn with replacement (and the rest give the out-of-bag score); no: from all rows")

    public static let algorithm = Algorithm(
        name: name,
        summary: "random forest: many decision trees on resampled rows, voting together",
        tasks: .all,
        parameters: [
            trees, TreeParameters.depth, TreeParameters.minLeaf, TreeParameters.minSplit, TreeParameters.minGain,
            TreeParameters.criterion, TreeParameters.maxFeatures(defaultText: "sqrt for classes, all for numbers"),
            TreeParameters.featureShare, bootstrap, ParameterReader.seedSpec,
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try RandomForestModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> RandomForestModel {
        let problem = try TreeProblem(x, target, weights: weights, algorithm: name)
        let settings = try TreeParameters.settings(parameters, algorithm: name, isClassification: problem.isClassification,
                                                   featureCount: x.columns, defaultFeatures: .sqrtForClasses)
        let read = ParameterReader(parameters: parameters, algorithm: name, specs: algorithm.parameters)
        let treeCount = try read.integer("trees") ?? 100
        let useBootstrap = try bootstrapSetting(read)
        let seed = try ParameterReader.seed(parameters, algorithm: name)

        let presorted = PresortedFeatures(x, binning: problem.isClassification)
        let grown = Parallel.map(treeCount) { index in
            growTree(index, problem: problem, presorted: presorted, settings: settings, seed: seed, bootstrap: useBootstrap)
        }
        // On Ctrl-C the remaining trees stop at once (each grower checks); drop the forest.
        try ModelError.throwIfCancelled()
        let outOfBag = useBootstrap ? OutOfBag.score(grown.map(\.nodes), inBag: grown.map(\.inBag), problem: problem) : nil
        return RandomForestModel(
            trees: grown.map(\.nodes), classes: problem.classNames, featureCount: x.columns,
            featureImportances: meanImportances(grown.compactMap(\.importances), featureCount: x.columns),
            outOfBag: outOfBag)
    }

    private static func bootstrapSetting(_ read: ParameterReader) throws(ModelError) -> Bool {
        if case .flag(let on)? = read.parameters.values["bootstrap"] { return on }
        return try read.choice("bootstrap") != "no"
    }

    /// One tree with what the forest needs from it afterwards.
    struct GrownTree {
        let nodes: TreeNodes
        /// Normalized importances, nil for a tree that is a single leaf (sklearn leaves those out).
        let importances: [Double]?
        /// One bit per row: drawn into this tree's bootstrap sample (empty without bootstrap).
        let inBag: [UInt64]
    }

    static func growTree(_ index: Int, problem: TreeProblem, presorted: PresortedFeatures, settings: TreeSettings,
                         seed: UInt64, bootstrap: Bool) -> GrownTree {
        var generator = SeededGenerator(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        _ = generator.next()
        var rowWeights = problem.weights
        var inBag: [UInt64] = []
        if bootstrap, let sample = bootstrapWeights(problem, generator: &generator) {
            (rowWeights, inBag) = sample
        }
        let grower = TreeGrower(problem: problem, presorted: presorted, settings: settings, rowWeights: rowWeights,
                                seed: generator.next(), useBothCores: false)
        grower.grow()
        let nodes = grower.tree
        let importances = nodes.nodeCount > 1
            ? TreePrediction.normalizedImportances(grower.importances, rootWeight: grower.rootWeight) : nil
        return GrownTree(nodes: nodes, importances: importances, inBag: inBag)
    }

    /// Row weights times how often each row was drawn (n draws with replacement, as sklearn),
    /// and the in-bag bits; nil when the drawn rows all weigh 0 (the tree then uses every row).
    private static func bootstrapWeights(_ problem: TreeProblem,
                                         generator: inout SeededGenerator) -> ([Double], [UInt64])? {
        let rows = problem.x.rows
        var counts = [Double](repeating: 0, count: rows)
        var inBag = [UInt64](repeating: 0, count: (rows + 63) / 64)
        for _ in 0..<rows {
            let row = generator.nextInt(below: rows)
            counts[row] += 1
            inBag[row >> 6] |= 1 << UInt64(row & 63)
        }
        var total = 0.0
        for row in 0..<rows {
            counts[row] *= problem.weights[row]
            total += counts[row]
        }
        return total > 0 ? (counts, inBag) : nil
    }

    /// sklearn's forest importances: the mean of the trees' normalized importances, normalized
    /// again; all 0 when no tree has a split.
    static func meanImportances(_ perTree: [[Double]], featureCount: Int) -> [Double] {
        var mean = [Double](repeating: 0, count: featureCount)
        for importances in perTree {
            for f in 0..<featureCount { mean[f] += importances[f] }
        }
        let sum = mean.reduce(0, +)
        return sum > 0 ? mean.map { $0 / sum } : mean
    }
}

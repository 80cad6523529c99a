/// A single CART decision tree for classes (gini or entropy) or numbers (squared error),
/// grown exactly as sklearn's `DecisionTreeClassifier`/`DecisionTreeRegressor`: every
/// boundary between two different values of a feature is tried, the threshold is their
/// midpoint, and the stopping rules are sklearn's. Without `max_features` the tree is the
/// one sklearn grows, except that between equally good splits on different features the lowest
/// feature index wins (sklearn takes the first in a random feature order).
public enum DecisionTree {
    static let name = "decision_tree"

    public static let algorithm = Algorithm(
        name: name,
        summary: "decision tree: a sequence of yes/no questions about the inputs, easy to read",
        tasks: .all,
        parameters: [
            TreeParameters.depth, TreeParameters.minLeaf, TreeParameters.minSplit, TreeParameters.minGain,
            TreeParameters.criterion, TreeParameters.maxFeatures(defaultText: "all"), TreeParameters.featureShare,
            ParameterReader.seedSpec,
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try DecisionTreeModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> DecisionTreeModel {
        let problem = try TreeProblem(x, target, weights: weights, algorithm: name)
        let settings = try TreeParameters.settings(parameters, algorithm: name, isClassification: problem.isClassification,
                                                   featureCount: x.columns, defaultFeatures: .all)
        let seed = try ParameterReader.seed(parameters, algorithm: name)
        let grower = TreeGrower(problem: problem, presorted: PresortedFeatures(x, binning: problem.isClassification), settings: settings,
                                rowWeights: problem.weights, seed: seed, useBothCores: true)
        grower.grow()
        try ModelError.throwIfCancelled()
        return DecisionTreeModel(
            tree: grower.tree, classes: problem.classNames, featureCount: x.columns,
            featureImportances: TreePrediction.normalizedImportances(grower.importances, rootWeight: grower.rootWeight))
    }
}

/// A fitted decision tree.
public struct DecisionTreeModel: TrainedModel {
    public var algorithm: String { DecisionTree.name }
    /// The class names for a classifier (probability columns in this order), empty for numbers.
    public let classes: [String]
    public let featureCount: Int
    /// Each feature's share of the total weighted impurity decrease (sklearn's
    /// `feature_importances_`): sums to 1, or all 0 when the tree is a single leaf.
    public let featureImportances: [Double]
    let tree: TreeNodes

    init(tree: TreeNodes, classes: [String], featureCount: Int, featureImportances: [Double]) {
        self.tree = tree
        self.classes = classes
        self.featureCount = featureCount
        self.featureImportances = featureImportances
    }

    public var isClassifier: Bool { !classes.isEmpty }
    /// Splits on the longest path from the root to a leaf.
    public var depth: Int { tree.depth }
    public var leafCount: Int { tree.leafCount }
    public var nodeCount: Int { tree.nodeCount }

    public func predict(_ x: FeatureMatrix) -> Predictions {
        TreePrediction.predict([tree], x: x, featureCount: featureCount, outputs: tree.outputs,
                               isClassification: isClassifier)
    }

    public var trainingNotes: [String] {
        ["depth \(depth), \(ValueText.counted(leafCount, "leaf", plural: "leaves"))"]
    }

    private enum CodingKeys: String, CodingKey {
        case classes, featureCount = "feature_count", featureImportances = "feature_importances", tree
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        classes = try container.decode([String].self, forKey: .classes)
        featureCount = try container.decode(Int.self, forKey: .featureCount)
        featureImportances = try container.decode([Double].self, forKey: .featureImportances)
        tree = try container.decode(TreeNodes.self, forKey: .tree)
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        try TreeModels.validate(check, classes: classes, featureCount: featureCount, importances: featureImportances, shape)
        try tree.validate(check.field("tree"), featureCount: featureCount, outputs: max(1, classes.count), shares: isClassifier)
    }
}

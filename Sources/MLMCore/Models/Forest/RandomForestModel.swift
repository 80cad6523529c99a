import Foundation

/// A fitted random forest.
public struct RandomForestModel: TrainedModel {
    public var algorithm: String { RandomForest.name }
    /// The class names for a classifier (probability columns in this order), empty for numbers.
    public let classes: [String]
    public let featureCount: Int
    /// The mean over trees of each feature's share of the tree's weighted impurity decrease
    /// (sklearn's `feature_importances_`): sums to 1, or all 0 when no tree has a split.
    public let featureImportances: [Double]
    let trees: [TreeNodes]
    let outOfBag: OutOfBagScore?

    init(trees: [TreeNodes], classes: [String], featureCount: Int, featureImportances: [Double], outOfBag: OutOfBagScore?) {
        self.trees = trees
        self.classes = classes
        self.featureCount = featureCount
        self.featureImportances = featureImportances
        self.outOfBag = outOfBag
    }

    public var isClassifier: Bool { !classes.isEmpty }
    public var treeCount: Int { trees.count }
    /// Accuracy (classes) or R² (numbers) of each row scored by the trees that did not draw it;
    /// nil without bootstrap.
    public var outOfBagScore: Double? { outOfBag?.value }
    public var outOfBagRows: Int { outOfBag?.rows ?? 0 }

    public func predict(_ x: FeatureMatrix) -> Predictions {
        TreePrediction.predict(trees, x: x, featureCount: featureCount, outputs: isClassifier ? classes.count : 1,
                               isClassification: isClassifier)
    }

    public var trainingNotes: [String] {
        let depths = trees.map(\.depth)
        let leaves = trees.reduce(0) { $0 + $1.leafCount }
        var notes = ["\(ValueText.counted(trees.count, "tree")), depth \(depths.min() ?? 0) to \(depths.max() ?? 0), "
                     + "\(ValueText.grouped(leaves / max(1, trees.count))) leaves per tree on average"]
        if let outOfBag {
            let name = isClassifier ? "accuracy" : "R²"
            notes.append("out-of-bag \(name) \(ValueText.rounded(outOfBag.value, decimals: 4)) on \(ValueText.counted(outOfBag.rows, "row"))")
        }
        return notes
    }

    private enum CodingKeys: String, CodingKey {
        case classes, featureCount = "feature_count", featureImportances = "feature_importances", trees
        case outOfBag = "out_of_bag"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        classes = try container.decode([String].self, forKey: .classes)
        featureCount = try container.decode(Int.self, forKey: .featureCount)
        featureImportances = try container.decode([Double].self, forKey: .featureImportances)
        outOfBag = try container.decodeIfPresent(OutOfBagScore.self, forKey: .outOfBag)
        trees = try container.decode([TreeNodes].self, forKey: .trees)
    }

    public func validate(_ shape: FittedShape) throws(ModelError) {
        let check = ModelFileCheck("model")
        try TreeModels.validate(check, classes: classes, featureCount: featureCount, importances: featureImportances, shape)
        try check.field("trees").require(!trees.isEmpty, "is empty; a forest has at least one tree")
        for (i, tree) in trees.enumerated() {
            try tree.validate(check.field("trees").item(i), featureCount: featureCount, outputs: max(1, classes.count),
                              shares: isClassifier)
        }
        if let outOfBag {
            try check.field("out_of_bag").require(outOfBag.value.isFinite && outOfBag.rows >= 1, "is not a score on some rows")
        }
    }
}

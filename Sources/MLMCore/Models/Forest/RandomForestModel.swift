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
        var notes = ["\(ValueText.grouped(trees.count)) trees, depth \(depths.min() ?? 0) to \(depths.max() ?? 0), "
                     + "\(ValueText.grouped(leaves / max(1, trees.count))) leaves per tree on average"]
        if let outOfBag {
            let name = isClassifier ? "accuracy" : "R²"
            notes.append("out-of-bag \(name) \(String(format: "%.4f", outOfBag.value)) on \(ValueText.grouped(outOfBag.rows)) rows")
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
        let outputs = classes.isEmpty ? 1 : classes.count, columns = featureCount
        trees = try container.decode([TreeNodes].self, forKey: .trees).map {
            try $0.checked(featureCount: columns, outputs: outputs)
        }
        guard featureImportances.count == featureCount, !trees.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .trees, in: container,
                                                   debugDescription: "a forest needs trees and one importance per feature")
        }
    }
}

import Foundation

/// The settings `decision_tree` and `random_forest` share: their specs (declared once so the two
/// algorithms describe them the same way) and the checked reading of `Parameters` into
/// `TreeSettings`.
///
/// `max_features` is a choice (all, sqrt, log2) and `feature_share` a number, because a
/// `ParameterSpec` has one kind: `max_features sqrt` or `feature_share 30%`, never both.
enum TreeParameters {
    static let depth = ParameterSpec(
        "depth", .integer(1...64), default: nil,
        "the most questions from the root to a leaf; unlimited when not given")
    static let minLeaf = ParameterSpec(
        "min_leaf", .integer(1...100_000), default: .integer(1),
        "the fewest training rows a leaf may hold")
    static let minSplit = ParameterSpec(
        "min_split", .integer(2...100_000), default: .integer(2),
        "the fewest training rows a node needs before it may be split")
    static let minGain = ParameterSpec(
        "min_gain", .number(0...1e9), default: .number(0),
        "the least weighted impurity decrease a split must bring to be kept")
    static let criterion = ParameterSpec(
        "criterion", .choice(["gini", "entropy", "squared_error"]), default: nil,
        "how a split is scored: gini (default for classes) or entropy; squared_error for numbers")
    static func maxFeatures(defaultText: String) -> ParameterSpec {
        ParameterSpec(
            "max_features", .choice(["all", "sqrt", "log2"]), default: nil,
            "how many features each split may try: all, sqrt or log2 of their number (default \(defaultText))")
    }

    static let featureShare = ParameterSpec(
        "feature_share", .number(0...1), default: nil,
        "the share of features each split may try, e.g. 30%; instead of max_features",
        excludesLowerBound: true, alternativeTo: "max_features")

    /// The tree settings, read through their specs (max_features' default text does not matter here).
    static let specs = [depth, minLeaf, minSplit, minGain, criterion, maxFeatures(defaultText: ""), featureShare]

    /// How many features a split tries when neither `max_features` nor `feature_share` is given.
    enum DefaultFeatures { case all, sqrtForClasses }

    /// Reads and checks every tree setting. `featureCount` resolves `max_features` to a count.
    static func settings(
        _ parameters: Parameters, algorithm: String, isClassification: Bool, featureCount: Int,
        defaultFeatures: DefaultFeatures
    ) throws(ModelError) -> TreeSettings {
        let read = ParameterReader(parameters: parameters, algorithm: algorithm, specs: specs)
        let depth = try read.integer("depth")
        let minLeaf = try read.integer("min_leaf") ?? 1
        let minSplit = try read.integer("min_split") ?? 2
        let minGain = try read.number("min_gain") ?? 0
        let criterion = try self.criterion(read, isClassification: isClassification)
        let features = try featuresPerSplit(read, featureCount: featureCount,
                                            isClassification: isClassification, defaultFeatures: defaultFeatures)
        return TreeSettings(maxDepth: depth ?? Int.max, minLeaf: minLeaf, minSplit: minSplit,
                            minGain: minGain, criterion: criterion, featuresPerSplit: features)
    }

    private static func criterion(_ read: ParameterReader, isClassification: Bool) throws(ModelError) -> TreeSettings.Criterion {
        let allowed = isClassification ? ["gini", "entropy"] : ["squared_error"]
        guard let name = try read.choice("criterion") else {
            return isClassification ? .gini : .squaredError
        }
        guard allowed.contains(name), let criterion = TreeSettings.Criterion(rawValue: name) else {
            let target = isClassification ? "a target of classes" : "a numeric target"
            throw ModelError("parameter 'criterion' of \(read.algorithm) must be \(allowed.joined(separator: " or ")) for \(target); got \(name)")
        }
        return criterion
    }

    /// sklearn's rounding: sqrt and log2 round down, a share rounds down, and at least one.
    private static func featuresPerSplit(
        _ read: ParameterReader, featureCount: Int, isClassification: Bool, defaultFeatures: DefaultFeatures
    ) throws(ModelError) -> Int {
        let choice = try read.choice("max_features")
        let share = try read.number("feature_share")
        try read.refuseConflicts()
        let count = Double(max(1, featureCount))
        if let share { return max(1, Int(share * count)) }
        let rule = choice ?? (defaultFeatures == .sqrtForClasses && isClassification ? "sqrt" : "all")
        switch rule {
        case "sqrt": return max(1, Int(count.squareRoot()))
        case "log2": return max(1, Int(log2(count)))
        default: return Int(count)
        }
    }
}

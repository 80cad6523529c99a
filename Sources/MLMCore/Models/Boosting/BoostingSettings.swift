/// The settings of `gradient_boosting`: their specs, declared once for validation, help texts and
/// the model file, and the checked reading of `Parameters`. Names follow the rest of mlm; the
/// LightGBM equivalent is given in each summary so results can be compared.
struct BoostingSettings: Sendable {
    var trees = 100
    var rate = 0.1
    var leaves = 31
    var depth = Int.max
    var minSamplesLeaf = 20
    var minHessian = 1e-3
    var l2 = 0.0
    var subsample = 1.0
    var colsample = 1.0
    var earlyStopping: Int?
    var seed: UInt64 = 0
    var maxBins = 255

    static let specs: [ParameterSpec] = [
        ParameterSpec("trees", .integer(1...10_000), default: .integer(100),
                      "how many boosting rounds (trees per class) at most (LightGBM num_iterations)"),
        ParameterSpec("rate", .number(0...1), default: .number(0.1),
                      "the learning rate: how much of each new tree is added, above 0 (LightGBM learning_rate)",
                      excludesLowerBound: true),
        ParameterSpec("leaves", .integer(2...1024), default: .integer(31),
                      "the most leaves a tree may have; trees grow best leaf first (LightGBM num_leaves)"),
        ParameterSpec("depth", .integer(1...64), default: nil,
                      "the most questions from the root to a leaf; unlimited when not given (LightGBM max_depth)"),
        ParameterSpec("min_samples_leaf", .integer(1...1_000_000), default: .integer(20),
                      "the fewest training rows a leaf may hold (LightGBM min_data_in_leaf)"),
        ParameterSpec("min_hessian", .number(0...1e9), default: .number(1e-3),
                      "the least total hessian a leaf may hold (LightGBM min_sum_hessian_in_leaf)"),
        ParameterSpec("l2", .number(0...1e9), default: .number(0),
                      "L2 penalty on leaf values (LightGBM lambda_l2)"),
        ParameterSpec("subsample", .number(0...1), default: .number(1),
                      "the share of rows each round learns from, drawn anew each round (LightGBM bagging_fraction with bagging_freq 1)",
                      excludesLowerBound: true),
        ParameterSpec("colsample", .number(0...1), default: .number(1),
                      "the share of inputs each tree may use (LightGBM feature_fraction)", excludesLowerBound: true),
        ParameterSpec("early_stopping", .integer(1...10_000), default: nil,
                      "stop after this many rounds without a better validation loss and keep the best round; uses the validation rows, or 10% of the training rows held out"),
        ParameterReader.seedSpec,
        ParameterSpec("max_bins", .integer(2...255), default: .integer(255),
                      "how many bins each number input is cut into (LightGBM max_bin)"),
    ]

    /// Reads and checks every setting, naming the parameter, range and value when one is wrong.
    init(_ parameters: Parameters) throws(ModelError) {
        let read = ParameterReader(parameters: parameters, algorithm: GradientBoosting.name, specs: Self.specs)
        trees = try read.integer("trees") ?? trees
        rate = try read.number("rate") ?? rate
        leaves = try read.integer("leaves") ?? leaves
        depth = try read.integer("depth") ?? depth
        minSamplesLeaf = try read.integer("min_samples_leaf") ?? minSamplesLeaf
        minHessian = try read.number("min_hessian") ?? minHessian
        l2 = try read.number("l2") ?? l2
        subsample = try read.number("subsample") ?? subsample
        colsample = try read.number("colsample") ?? colsample
        earlyStopping = try read.integer("early_stopping")
        seed = try ParameterReader.seed(parameters, algorithm: GradientBoosting.name)
        maxBins = try read.integer("max_bins") ?? maxBins
    }

    init() {}
}

/// Fixed rules for categorical splits, LightGBM's defaults (so results compare):
/// a category takes part in a sorted split only with at least `minRowsPerCategory` rows in the
/// node (cat_smooth), a group of categories sent left must add up to `minRowsPerGroup` rows
/// (min_data_per_group), at most `maxCategoriesLeft` categories go left (max_cat_threshold), and
/// inputs with at most `oneVersusRestLevels` categories try each one against the rest
/// (max_cat_to_onehot). Sorted splits add `extraL2` to the L2 penalty (cat_l2) and sort by
/// gradient / (hessian + `smoothing`).
enum CategoricalRules {
    static let minRowsPerCategory = 10.0
    static let smoothing = 10.0
    static let minRowsPerGroup = 100.0
    static let maxCategoriesLeft = 32
    static let oneVersusRestLevels = 4
    static let extraL2 = 10.0
}

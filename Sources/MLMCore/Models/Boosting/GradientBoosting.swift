/// Gradient boosting on histograms (LightGBM's method): inputs are cut into at most `max_bins`
/// quantile bins once, then each round fits a tree to the loss gradients, grown leaf by leaf from
/// per-bin gradient sums. Missing numbers are routed to whichever side helps at each split;
/// category inputs are split natively by grouping their levels. Learns classes (log loss or
/// softmax) and numbers (squared error).
///
/// Takes `.native` inputs: NaN for missing values, a category as one column of level indices.
public enum GradientBoosting {
    static let name = "gradient_boosting"

    public static let algorithm = Algorithm(
        name: name,
        summary: "gradient boosting: many small trees, each correcting the ones before (like LightGBM)",
        tasks: .all,
        parameters: BoostingSettings.specs,
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try GradientBoostingModel(from: decoder) },
        inputStyle: .native,
        trainWatching: { x, target, weights, parameters, validation throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters, validation: validation)
        }
    )

    /// Trains on `x` (NaN = missing; `x.categoryCounts` marks category columns). With
    /// `early_stopping`, rounds stop when the loss on `validation` (or, without it, on a seeded
    /// stratified 10% of the rows held out) has not improved for that many rounds.
    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters(),
                           validation: ValidationData? = nil) throws(ModelError) -> GradientBoostingModel {
        let settings = try BoostingSettings(parameters)
        try checkProblem(x, target, weights)
        if let validation { try checkValidation(validation, like: x, target) }
        guard let patience = settings.earlyStopping else {
            return try BoostingTrainer(x, target, weights, settings).run(watching: nil, patience: nil)
        }
        if let validation {
            let source = "the validation rows (\(ValueText.grouped(validation.x.rows)))"
            return try BoostingTrainer(x, target, weights, settings)
                .run(watching: (validation, source), patience: patience)
        }
        let (kept, heldOut) = HoldOut.split(target, rows: x.rows, share: 0.1, seed: settings.seed)
        guard !heldOut.isEmpty, kept.count >= 2 else {
            var model = try BoostingTrainer(x, target, weights, settings).run(watching: nil, patience: nil)
            model.appendNote("early stopping skipped: too few rows to hold 10% out")
            return model
        }
        let held = ValidationData(x: x.gatheringRows(heldOut), target: HoldOut.subset(target, heldOut))
        let source = "10% of the training rows held out (\(ValueText.grouped(heldOut.count)), stratified, seed \(settings.seed))"
        return try BoostingTrainer(x.gatheringRows(kept), HoldOut.subset(target, kept), weights.map { w in kept.map { w[$0] } },
                                   settings)
            .run(watching: (held, source), patience: patience)
    }

    private static func checkProblem(_ x: FeatureMatrix, _ target: Target, _ weights: [Double]?) throws(ModelError) {
        guard x.rows > 0 else { throw ModelError("\(name) needs at least one row to train on; got 0 rows") }
        guard x.columns > 0 else { throw ModelError("\(name) needs at least one input column; got none") }
        guard x.rows < Int(Int32.max) else {
            throw ModelError("\(name) can learn from at most \(ValueText.grouped(Int(Int32.max) - 1)) rows; got \(ValueText.grouped(x.rows))")
        }
        guard target.count == x.rows else {
            throw ModelError("\(name) got \(x.rows) rows of inputs but \(target.count) target values; they must match")
        }
        switch target {
        case .classes(let labels, let classes):
            guard classes.count >= 2 else { throw ModelError("\(name) needs at least two classes in the target; got \(classes.count)") }
            if let row = labels.firstIndex(where: { $0 < 0 || $0 >= classes.count }) {
                throw ModelError("\(name) got class index \(labels[row]) in row \(row + 1), outside 0..<\(classes.count)")
            }
        case .values(let values):
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ModelError("\(name) needs a finite target in every row; row \(bad + 1) has \(values[bad])")
            }
        }
        if let weights {
            guard weights.count == x.rows else {
                throw ModelError("\(name) got \(weights.count) sample weights for \(x.rows) rows; they must match")
            }
            if let bad = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
                throw ModelError("sample weights of \(name) must be finite and not negative; row \(bad + 1) has \(weights[bad])")
            }
            let total = weights.reduce(0, +)
            guard total > 0, total.isFinite else { throw ModelError("sample weights of \(name) must add up to a positive finite number") }
        }
    }

    private static func checkValidation(_ validation: ValidationData, like x: FeatureMatrix, _ target: Target) throws(ModelError) {
        guard validation.x.columns == x.columns, validation.x.categoryCounts == x.categoryCounts,
              validation.target.count == validation.x.rows else {
            throw ModelError("the validation rows of \(name) must have the training inputs and one target value per row")
        }
        switch (validation.target, target) {
        case (.classes(let labels, let classes), .classes(_, let trained)) where classes == trained:
            if labels.contains(where: { $0 < 0 || $0 >= classes.count }) {
                throw ModelError("the validation target of \(name) has a class index outside 0..<\(classes.count)")
            }
        case (.values(let values), .values):
            if values.contains(where: { !$0.isFinite }) {
                throw ModelError("the validation target of \(name) must be finite in every row")
            }
        default:
            throw ModelError("the validation target of \(name) must be of the same kind and classes as the training target")
        }
    }
}

/// The internal hold-out for early stopping without validation rows: a seeded 10% of the rows,
/// drawn class by class for classes so each keeps its share.
enum HoldOut {
    static func split(_ target: Target, rows n: Int, share: Double, seed: UInt64) -> (kept: [Int], heldOut: [Int]) {
        var generator = SeededGenerator(seed: seed ^ 0x5EED_0F_B0057)
        var groups: [[Int]]
        if case .classes(let labels, let classes) = target {
            groups = Array(repeating: [], count: classes.count)
            for (row, label) in labels.enumerated() { groups[label].append(row) }
        } else {
            groups = [Array(0..<n)]
        }
        var held: [Int] = []
        for var group in groups {
            generator.shuffle(&group)
            held += group.prefix(Int((Double(group.count) * share).rounded()))
        }
        held.sort()
        var isHeld = [Bool](repeating: false, count: n)
        for row in held { isHeld[row] = true }
        return ((0..<n).filter { !isHeld[$0] }, held)
    }

    static func subset(_ target: Target, _ rows: [Int]) -> Target {
        switch target {
        case .classes(let labels, let classes): return .classes(labels: rows.map { labels[$0] }, classes: classes)
        case .values(let values): return .values(rows.map { values[$0] })
        }
    }
}

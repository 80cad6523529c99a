/// Checks a recorded preparation read from a model file: each learned value is one the step
/// could have learned, so replaying it on new rows prepares them as in training.
extension PreparationRecipe {
    func validate(_ check: ModelFileCheck) throws(ModelError) {
        for (i, step) in steps.enumerated() {
            let here = check.field("steps").item(i)
            try here.field("block").require(step.block == "clean" || step.block == "feature",
                                            "is '\(step.block)'; it must be clean or feature")
            try here.field("source").require(!step.source.isEmpty, "is empty; it must be the step as written in the script")
            for (j, fitted) in step.fitted.enumerated() {
                try fitted.validate(here.field("fitted").item(j))
            }
        }
    }
}

extension FittedStep {
    func validate(_ check: ModelFileCheck) throws(ModelError) {
        switch self {
        case .fillNumber(let column, _, let value):
            try Self.named(column, check)
            try check.field("value").finite(value)
        case .fillString(let column, _, _):
            try Self.named(column, check)
        case .clip(let column, _, let lower, let upper), .removeOutliers(let column, _, let lower, let upper):
            try Self.named(column, check)
            try check.field("lower").finite(lower)
            try check.field("upper").finite(upper)
            try check.field("lower").require(lower <= upper, "is above 'upper'; a clip keeps values between them")
        case .standardize(let column, let mean, let deviation):
            try Self.named(column, check)
            try check.field("mean").finite(mean)
            try check.field("standardDeviation").positive([deviation])
        case .normalize(let column, let minimum, let maximum):
            try Self.named(column, check)
            try check.field("minimum").finite(minimum)
            try check.field("maximum").finite(maximum)
            let range = maximum - minimum
            try check.field("maximum").require(range > 0 && range.isFinite, "must be above 'minimum'")
        case .bin(let column, let output, let edges, let labels):
            try Self.named(column, check)
            try Self.named(output, check.field("output"))
            do {
                try DataFrame.checkEdges(edges, column: column)
            } catch {
                throw check.field("edges").fail("is not a list of increasing numbers (\(error.message))")
            }
            try check.field("labels").require(labels == DataFrame.binLabels(edges),
                                              "does not match the edges; mlm writes one label per bin")
        case .oneHot(let column, let levels, let outputs):
            try Self.named(column, check)
            try check.field("levels").require(!levels.isEmpty && levels.count <= DataFrame.oneHotLevelLimit,
                                              "must list 1 to \(DataFrame.oneHotLevelLimit) levels")
            try check.field("levels").unique(levels)
            try check.field("outputs").count(outputs.count, levels.count, "there are \(levels.count) levels")
            try check.field("outputs").unique(outputs)
        }
    }

    private static func named(_ column: String, _ check: ModelFileCheck) throws(ModelError) {
        try check.require(!column.isEmpty, "names no column")
    }
}

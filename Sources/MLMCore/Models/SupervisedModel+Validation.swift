/// What the rest of a model file says a fitted model must look like: the fitted model's own
/// `validate` checks its arrays against it.
public struct FittedShape: Sendable {
    /// Matrix columns the encoding produces.
    public let inputs: Int
    public let target: TargetSpec
    /// Native inputs: per matrix column the category's level count, 0 for a number (all 0 for
    /// encoded inputs).
    public let levelCounts: [Int]
    /// The algorithm the file names (linear and ridge share one fitted type).
    public let algorithm: String

    /// Classes a classifier's probabilities cover; nil for a numeric target.
    var classCount: Int? { target.isClassification ? target.classes.count : nil }

    /// A fitted model's recorded input count must be the encoding's.
    func requireInputs(_ count: Int, _ check: ModelFileCheck) throws(ModelError) {
        try check.require(count == inputs, "is \(count), but the encoding makes \(inputs) inputs")
    }

    /// The error for a fitted model trained for another kind of target than the file's.
    func wrongTask(_ check: ModelFileCheck, _ what: String) -> ModelError {
        check.fail("is \(what), but the target '\(target.column)' is \(target.task.rawValue)")
    }
}

extension SupervisedModel {
    /// Checks every part of a decoded supervised model against what training writes; the first
    /// problem found is thrown, naming its field.
    func validate() throws(ModelError) {
        guard let spec = AlgorithmRegistry.algorithm(named: algorithm) else {
            throw ModelFileCheck("algorithm").fail("is '\(algorithm)', which this mlm does not know")
        }
        try ModelFileCheck("model").require(fitted.algorithm == algorithm,
                                            "holds a \(fitted.algorithm) model, but 'algorithm' is \(algorithm)")
        try parameters.validate(against: spec.parameters, algorithm: algorithm, ModelFileCheck("parameters"))
        try target.validate(ModelFileCheck("target"), tasks: spec.tasks, positive: positiveValue)
        try encoding.validate(ModelFileCheck("encoding"), target: target.column, mode: spec.inputStyle)
        try preparation.validate(ModelFileCheck("preparation"))
        try Self.validate(threshold: threshold, ModelFileCheck("threshold"))
        for (part, values) in metrics {
            try ModelFileCheck("metrics").require(!part.isEmpty, "names a part with no name")
            for (name, value) in values { try ModelFileCheck("metrics").field(part).field(name).finite(value) }
        }
        let data = ModelFileCheck("trainingData")
        try data.field("rows").require(trainingData.rows >= 1, "is \(trainingData.rows); a model is trained on at least one row")
        try data.field("columns").require(trainingData.columns == encoding.outputNames,
                                          "does not match the inputs the encoding makes (\(encoding.outputNames.count))")
        try data.field("sha256").require(Self.isHexDigest(trainingData.sha256), "is not a SHA-256 digest (64 hex digits)")
        try fitted.validate(FittedShape(inputs: encoding.outputNames.count, target: target,
                                        levelCounts: encoding.categoryCounts, algorithm: algorithm))
    }

    /// A threshold `set threshold` or training could have given: a probability from 0 to 1 for
    /// a yes/no target (0.5 unless set).
    static func validate(threshold: Double, _ check: ModelFileCheck) throws(ModelError) {
        try check.require(threshold.isFinite && threshold >= 0 && threshold <= 1,
                          "is \(threshold); a threshold is a probability from 0 to 1")
    }

    static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}

extension Parameters {
    /// Every stored setting is one of the algorithm's, with a value its spec allows.
    func validate(against specs: [ParameterSpec], algorithm: String, _ check: ModelFileCheck) throws(ModelError) {
        for (name, value) in values {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw check.field(name).fail("is not a setting of \(algorithm)")
            }
            try check.field(name).require(spec.accepts(value),
                                          "is \(ParameterSpec.text(of: value)); \(algorithm) takes \(spec.rule) for '\(name)'")
        }
    }
}

extension TargetSpec {
    func validate(_ check: ModelFileCheck, tasks: TaskSupport, positive: CellValue?) throws(ModelError) {
        try check.field("column").require(!column.isEmpty, "names no column")
        let classes = check.field("classes")
        switch task {
        case .binary:
            try check.field("task").require(tasks.contains(.binary), "is binary, which this algorithm does not learn")
            try classes.count(self.classes.count, 2, "a yes/no target has two classes")
            try classes.unique(self.classes)
        case .multiclass:
            try check.field("task").require(tasks.contains(.multiclass), "is multiclass, which this algorithm does not learn")
            try classes.require(self.classes.count >= 3, "must list at least three classes for a multiclass target")
            try classes.sortedUnique(self.classes)
        case .regression:
            try check.field("task").require(tasks.contains(.regression), "is regression, which this algorithm does not learn")
            try classes.count(self.classes.count, 0, "a numeric target has no classes")
        }
        guard let positive else { return }
        let field = ModelFileCheck("positiveValue")
        try field.require(task == .binary, "is set, but only a yes/no target has a positive value")
        switch positive {
        case .missing: throw field.fail("is missing; the positive class cannot be missing")
        case .number(let n): try field.finite(n)
        case .string(let s): try field.require(s == self.classes[1], "is '\(s)', but the positive class is '\(self.classes[1])'")
        }
    }
}

extension FeatureEncoding {
    func validate(_ check: ModelFileCheck, target: String, mode expected: InputStyle) throws(ModelError) {
        try check.field("mode").require(mode == expected, "is \(mode.rawValue), but the algorithm takes \(expected.rawValue) inputs")
        let inputsCheck = check.field("inputs")
        try inputsCheck.require(!inputs.isEmpty, "is empty; a model has at least one input")
        try inputsCheck.unique(requiredColumns)
        try inputsCheck.require(!requiredColumns.contains(target), "uses the target '\(target)' as an input")
        for (i, input) in inputs.enumerated() {
            let here = inputsCheck.item(i)
            switch input {
            case .number(let column, let fill, let indicator):
                try here.require(!column.isEmpty, "names no column")
                try here.field("fill").finite(fill)
                if mode == .native {
                    try here.require(fill == 0 && !indicator, "fills missing values, which native inputs never do")
                }
            case .category(let column, let levels):
                try here.require(!column.isEmpty, "names no column")
                try here.field("levels").require(levels.count <= Self.maximumLevels,
                                                 "has \(levels.count) levels; at most \(Self.maximumLevels) are used")
                try here.field("levels").sortedUnique(levels)
            }
        }
        let used = Set(requiredColumns)
        for (i, left) in leftOut.enumerated() {
            try check.field("leftOut").item(i).require(!used.contains(left.column), "'\(left.column)' is also an input")
        }
    }
}

/// Why training or using a model failed, in words for a marketer, naming the parameter,
/// the algorithm, the constraint and the value where that applies.
public struct ModelError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// A trained model: it predicts and can be written to and read from a model file.
///
/// Every algorithm's fitted type conforms; the language layer only ever sees this protocol and
/// the `AlgorithmRegistry`, so a new algorithm is added in the core alone.
public protocol TrainedModel: Sendable, Codable {
    /// The registry name of the algorithm, e.g. "logistic".
    var algorithm: String { get }
    /// Scores every row of a matrix whose columns match those the model was trained on.
    func predict(_ x: FeatureMatrix) -> Predictions
    /// Facts worth showing after training (e.g. "converged in 23 iterations",
    /// "out-of-bag accuracy 0.89"). Deterministic text.
    var trainingNotes: [String] { get }
    /// Checks a model read from a file: every array the size the inputs and classes demand,
    /// every number one training could produce. Throws naming the field (see `ModelFileCheck`).
    func validate(_ shape: FittedShape) throws(ModelError)
}

extension TrainedModel {
    public var trainingNotes: [String] { [] }
}

/// One setting an algorithm accepts, with its allowed range, declared once for validation,
/// help texts and the model file.
public struct ParameterSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        case choice([String])
        case flag
        /// A list of integers each in the range, e.g. hidden layer sizes `[64, 32]`.
        case integerList(ClosedRange<Int>)
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: ParameterValue?
    public let summary: String
    /// For a number: the lower end of the range is refused (a rate "above 0 and at most 1").
    public let excludesLowerBound: Bool
    /// For a list: the most items it may hold.
    public let maximumCount: Int?
    /// Another setting that says the same thing another way; giving both is refused.
    public let alternativeTo: String?

    public init(_ name: String, _ kind: Kind, default defaultValue: ParameterValue?, _ summary: String,
                excludesLowerBound: Bool = false, maximumCount: Int? = nil, alternativeTo: String? = nil) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.excludesLowerBound = excludesLowerBound
        self.maximumCount = maximumCount
        self.alternativeTo = alternativeTo
    }
}

public enum ParameterValue: Sendable, Equatable, Codable {
    case integer(Int)
    case number(Double)
    case text(String)
    case flag(Bool)
    case integers([Int])
}

/// The settings given to one training run, already validated against the algorithm's specs
/// (every spec with a default is present).
public struct Parameters: Sendable, Equatable, Codable {
    public var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) { self.values = values }

    public func integer(_ name: String) -> Int? {
        if case .integer(let v)? = values[name] { return v }
        return nil
    }

    public func number(_ name: String) -> Double? {
        switch values[name] {
        case .number(let v)?: return v
        case .integer(let v)?: return Double(v)
        default: return nil
        }
    }

    public func text(_ name: String) -> String? {
        if case .text(let v)? = values[name] { return v }
        return nil
    }

    public func flag(_ name: String) -> Bool {
        if case .flag(let v)? = values[name] { return v }
        return false
    }

    public func integers(_ name: String) -> [Int]? {
        if case .integers(let v)? = values[name] { return v }
        return nil
    }
}

/// What kinds of target an algorithm can learn.
public struct TaskSupport: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let binary = TaskSupport(rawValue: 1)
    public static let multiclass = TaskSupport(rawValue: 2)
    public static let regression = TaskSupport(rawValue: 4)
    public static let all: TaskSupport = [.binary, .multiclass, .regression]
}

/// How an algorithm wants its inputs (see `FeatureMatrix`).
public enum InputStyle: String, Sendable, Codable {
    /// Numbers only, no NaN: medians and missing indicators for numbers, one-hot categories.
    case encoded
    /// Raw numbers with NaN for missing, and each category as one column of level indices.
    case native
}

/// Rows held back from training that an algorithm may watch while it learns (early stopping),
/// encoded like the training matrix.
public struct ValidationData: Sendable {
    public let x: FeatureMatrix
    public let target: Target

    public init(x: FeatureMatrix, target: Target) {
        self.x = x
        self.target = target
    }
}

/// An algorithm as the language sees it: a name, its settings, what it can learn, how to train,
/// and how to read its fitted form back from a model file.
public struct Algorithm: Sendable {
    public typealias Train = @Sendable (FeatureMatrix, Target, [Double]?, Parameters) throws(ModelError) -> any TrainedModel
    public typealias TrainWatching = @Sendable (FeatureMatrix, Target, [Double]?, Parameters, ValidationData?) throws(ModelError) -> any TrainedModel

    public let name: String
    public let summary: String
    public let tasks: TaskSupport
    public let parameters: [ParameterSpec]
    /// Trains on a matrix and target. `weights` are per-row sample weights (class weights are
    /// turned into these by the caller), nil meaning all 1.
    public let train: Train
    /// Decodes the fitted model from the `model` entry of a model file.
    public let decode: @Sendable (Decoder) throws -> any TrainedModel
    /// The inputs the algorithm expects; `.encoded` unless it handles missing values and
    /// categories itself.
    public let inputStyle: InputStyle
    /// Set by algorithms that can use validation rows (early stopping); `fit` calls it instead of
    /// `train` when present.
    public let trainWatching: TrainWatching?

    public init(name: String, summary: String, tasks: TaskSupport, parameters: [ParameterSpec],
                train: @escaping Train,
                decode: @escaping @Sendable (Decoder) throws -> any TrainedModel,
                inputStyle: InputStyle = .encoded, trainWatching: TrainWatching? = nil) {
        self.name = name
        self.summary = summary
        self.tasks = tasks
        self.parameters = parameters
        self.train = train
        self.decode = decode
        self.inputStyle = inputStyle
        self.trainWatching = trainWatching
    }

    /// Trains, handing validation rows to algorithms that watch them.
    public func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]?, parameters: Parameters,
                    validation: ValidationData? = nil) throws(ModelError) -> any TrainedModel {
        if let trainWatching { return try trainWatching(x, target, weights, parameters, validation) }
        return try train(x, target, weights, parameters)
    }
}

import MLMCore

/// A model in a session: the model itself and the table it was trained on, so `evaluate lead`
/// knows where the test rows are.
public struct SessionModel: Sendable {
    public var model: SupervisedModel
    /// The table it was trained on in this session; nil for a model loaded from a file.
    public var trainingTable: String?
}

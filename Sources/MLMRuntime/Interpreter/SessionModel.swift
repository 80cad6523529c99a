import MLMCore

/// A model in a session: the model itself and the table it was trained on, so `evaluate lead`
/// knows where the test rows are.
public struct SessionModel: Sendable {
    public var model: SupervisedModel
    /// The table it was trained on in this session; nil for a model loaded from a file.
    public var trainingTable: String?
    /// Cost, value and capacity of the latest `evaluate … with cost, value`, and how many rows
    /// the capacity was for, for `best_profit`.
    public var business: (value: BusinessValue, rows: Int)? = nil
}

/// A segmentation in a session, known by the name of the column it wrote: the model and the
/// table it segmented, so `name segment` can relabel that table's column.
public struct SessionSegmentation: Sendable {
    public var model: SegmentationModel
    /// The table it was fitted on in this session; nil for one loaded from a file.
    public var table: String?
}

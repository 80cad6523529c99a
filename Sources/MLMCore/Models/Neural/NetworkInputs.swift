/// The standardized training inputs as Float, one row after another, so a mini-batch gathers
/// each of its rows with one contiguous copy.
struct NetworkInputs: Sendable {
    let rows: Int
    let columns: Int
    let values: [Float]

    init(_ x: FeatureMatrix, scaling: LinearModelsSupport.ColumnScaling) {
        rows = x.rows
        columns = x.columns
        values = scaling.rowMajorFloats(x, width: x.columns)
    }
}

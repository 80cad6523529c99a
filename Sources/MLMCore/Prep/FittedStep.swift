/// A preparation step whose parameters were learned from data, with the learned values.
///
/// Every step that looks at the data to decide what to do (fill with median, standardize,
/// percentile clipping, quantile bins, one-hot levels, ...) records one of these, so the same
/// preparation can later be stored with a model and replayed on raw new rows.
public enum FittedStep: Sendable, Equatable, Codable {
    /// Missing cells of `column` replaced by a number (mean/median) or a string (mode/constant).
    case fillNumber(column: String, strategy: String, value: Double)
    case fillString(column: String, strategy: String, value: String)
    /// Values clipped to [lower, upper] (bounds learned for percentile, IQR or z-score rules).
    case clip(column: String, rule: String, lower: Double, upper: Double)
    /// Rows outside [lower, upper] removed (bounds learned for IQR or z-score rules).
    case removeOutliers(column: String, rule: String, lower: Double, upper: Double)
    case standardize(column: String, mean: Double, standardDeviation: Double)
    case normalize(column: String, minimum: Double, maximum: Double)
    /// Binning with edges (given or learned as quantiles) and the labels of the bins.
    case bin(column: String, output: String, edges: [Double], labels: [String])
    /// One-hot levels learned from the data; rows with an unseen level get all zeros.
    case oneHot(column: String, levels: [String], outputs: [String])
}

import MLMCore

/// What `segment` found: the segments, their sizes and centres, and how k or eps was chosen.
public struct SegmentSummary: Sendable {
    public let name: String
    public let table: String
    public let algorithm: String
    public let rows: Int
    public let features: [String]
    /// Means and standard deviations used to standardize, when standardized.
    public let standardization: FeatureStandardization?
    public let settings: [(name: String, value: String)]
    /// k-means with a range of k: one row per k tried, and the k chosen.
    public let kTable: [KChoice.Row]
    public let chosenK: Int?
    public let silhouette: Double?
    public let silhouetteRows: Int
    /// Per segment (noise last): label, rows, share.
    public let sizes: [(label: String, rows: Int, share: Double)]
    /// k-means centres in original units, one per segment.
    public let centres: [[Double]]
    public let inertia: Double?
    public let epsSuggestion: EpsSuggestion.Outcome?
    public let eps: Double?
    public let minPoints: Int?
    public let notes: [String]
    /// The rows on two axes, for a scatter chart in reports.
    public var projection: SegmentProjection? = nil
}

/// What `rfm` built.
public struct RfmSummary: Sendable {
    public let source: String
    public let table: String
    public let customers: Int
    public let transactions: Int
    public let usedRows: Int
    public let leftOut: RFM.LeftOut
    public let referenceDate: String
    public let referenceDateWasGiven: Bool
    public let countsInvoices: Bool
    /// Customers per RFM segment, best segments first.
    public let segments: [(name: String, customers: Int, share: Double)]
    /// Medians of recency, frequency and monetary over all customers.
    public let medians: (recency: Double, frequency: Double, monetary: Double)
}

/// `profile` output.
public struct ProfileSummary: Sendable {
    public let table: String
    public let profile: SegmentProfile.Profile
    /// Columns left out of the default profile (keys and text), with the reason.
    public let leftOut: [String]
}

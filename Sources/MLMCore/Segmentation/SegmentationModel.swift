import Crypto
import Foundation

/// A fitted segmentation, as a model file holds it: which features, how they were scaled, the
/// centres (k-means) or core points (DBSCAN), the segment names, the preparation of the table
/// and a fingerprint of the fitting data. `assign` puts new rows in segments.
public struct SegmentationModel: Sendable, Equatable, Codable {
    /// "kmeans" or "dbscan".
    public let algorithm: String
    public let parameters: Parameters
    /// The columns used, in order.
    public let features: [String]
    /// Nil when the features were used as they are (`standardize false`).
    public let standardization: FeatureStandardization?
    /// k-means centres in the fitting space (standardized when `standardization` is set).
    public let centres: [[Double]]
    public let inertia: Double?
    public let eps: Double?
    /// DBSCAN core points (fitting space) and their clusters: new rows join the cluster of the
    /// nearest core point within eps, or are noise.
    public let corePoints: [[Double]]
    public let coreLabels: [Int]
    /// The label shown for each cluster: "1", "2", ... unless renamed with `name segment`.
    public var segmentNames: [String]
    public var preparation: PreparationRecipe
    public let trainingData: DataFingerprint
    public let notes: [String]

    public static let noiseLabel = "noise"

    public init(algorithm: String, parameters: Parameters, features: [String], standardization: FeatureStandardization?,
                centres: [[Double]], inertia: Double?, eps: Double?, corePoints: [[Double]], coreLabels: [Int],
                segmentNames: [String], preparation: PreparationRecipe, trainingData: DataFingerprint, notes: [String]) {
        self.algorithm = algorithm
        self.parameters = parameters
        self.features = features
        self.standardization = standardization
        self.centres = centres
        self.inertia = inertia
        self.eps = eps
        self.corePoints = corePoints
        self.coreLabels = coreLabels
        self.segmentNames = segmentNames
        self.preparation = preparation
        self.trainingData = trainingData
        self.notes = notes
    }

    public var clusterCount: Int { segmentNames.count }

    /// The label of a cluster index; -1 is noise.
    public func label(of cluster: Int) -> String {
        cluster >= 0 && cluster < segmentNames.count ? segmentNames[cluster] : Self.noiseLabel
    }

    /// All labels in cluster order, noise last for DBSCAN.
    public var labelOrder: [String] { segmentNames + (algorithm == "dbscan" ? [Self.noiseLabel] : []) }

    /// k-means centres in the original units of the features.
    public var centresInOriginalUnits: [[Double]] {
        guard let standardization else { return centres }
        return centres.map { centre in centre.indices.map { centre[$0] * standardization.deviations[$0] + standardization.means[$0] } }
    }

    /// Cluster indices (−1 for DBSCAN noise) of points given in original units.
    public func assign(_ points: PointSet) -> [Int] {
        let scaled = standardization?.apply(points) ?? points
        let dims = features.count
        if algorithm == "dbscan" {
            let core = PointSet(rows: corePoints.count, dimensions: dims, rowMajor: Array(corePoints.joined()))
            return DBSCAN.assign(scaled, corePoints: core, coreLabels: coreLabels, eps: eps ?? 0)
        }
        let centreSet = PointSet(rows: centres.count, dimensions: dims, rowMajor: Array(centres.joined()))
        return KMeans.assign(scaled, centres: centreSet).labels
    }

    /// Identifies the fitting data: feature names and the points, SHA-256.
    static func fingerprint(_ points: PointSet, features: [String]) -> DataFingerprint {
        var hasher = SHA256()
        for name in features { hasher.update(data: Array(name.utf8) + [0]) }
        points.values.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return DataFingerprint(rows: points.rows, columns: features, sha256: digest)
    }
}

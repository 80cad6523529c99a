/// `k auto lo..hi`: fits k-means for every k in the range and keeps the k with the best
/// silhouette (ties: the smaller k). The inertia of each k is kept as well, for an elbow table.
public enum KChoice {
    public struct Row: Sendable, Equatable {
        public let k: Int
        public let inertia: Double
        /// Nil when the silhouette is not defined (e.g. every point in one cluster).
        public let silhouette: Double?
    }

    public struct Outcome: Sendable {
        public let rows: [Row]
        public let chosen: Int
        public let fit: KMeans.Fit
        /// Rows the silhouette was computed on (all rows, or the seeded sample).
        public let silhouetteRows: Int
    }

    public static func choose(_ points: PointSet, range: ClosedRange<Int>, settings: KMeans.Settings) throws(ModelError) -> Outcome {
        guard range.lowerBound >= 2 else {
            throw ModelError("parameter 'k' of kmeans must start at 2 or more when chosen automatically (the silhouette needs two clusters); got \(range.lowerBound)..\(range.upperBound)")
        }
        guard range.upperBound < points.rows else {
            throw ModelError("parameter 'k' of kmeans must end below the number of rows (\(ValueText.grouped(points.rows))) when chosen automatically; got \(range.lowerBound)..\(range.upperBound)")
        }
        var rows: [Row] = []
        var best: (k: Int, score: Double, fit: KMeans.Fit)?
        var fallback: KMeans.Fit?
        var sampled = 0
        for k in range {
            var one = settings
            one.k = k
            let fit = try KMeans.fit(points, settings: one)
            let (score, used) = Silhouette.sampledScore(points, labels: fit.labels, seed: settings.seed)
            sampled = used
            rows.append(Row(k: k, inertia: fit.inertia, silhouette: score))
            if fallback == nil { fallback = fit }
            if let score, best == nil || score > best!.score { best = (k, score, fit) }
        }
        let chosenFit = best?.fit ?? fallback!
        return Outcome(rows: rows, chosen: best?.k ?? range.lowerBound, fit: chosenFit, silhouetteRows: sampled)
    }
}

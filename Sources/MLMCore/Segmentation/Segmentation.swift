/// Fits a segmentation of rows given as raw feature values: standardizes them (unless told
/// not to), runs k-means (a fixed k, or each k of a range keeping the best silhouette) or DBSCAN
/// (with eps suggested from the k-distance curve when not given), and returns the model, the
/// labels and what is worth showing.
public enum Segmentation {
    public static let kmeansParameters: [ParameterSpec] = [
        ParameterSpec("k", .integer(1...1000), default: nil,
                      "the number of segments, a range such as 2..8 (chosen by silhouette) or auto (2..10)"),
        ParameterSpec("restarts", .integer(1...1000), default: .integer(10),
                      "how many k-means++ starts to run; the one with the lowest inertia is kept"),
        ParameterSpec("iterations", .integer(1...100_000), default: .integer(300),
                      "the most Lloyd iterations of one start"),
        ParameterSpec("tolerance", .number(0...1), default: .number(1e-4),
                      "stop when the centres move less than this (relative to the features' variance)"),
        ParameterSpec("seed", .integer(ParameterSpec.seedRange), default: .integer(0), "the seed of the random starts"),
        ParameterSpec("standardize", .choice(["true", "false"]), default: .text("true"),
                      "scale each feature to mean 0 and standard deviation 1 first (true) or use it as it is"),
    ]

    public static let dbscanParameters: [ParameterSpec] = [
        ParameterSpec("eps", .number(0...1e6), default: nil,
                      "the neighbourhood radius (in standardized units unless standardize false); suggested from the data when left out",
                      excludesLowerBound: true),
        ParameterSpec("min_points", .integer(1...100_000), default: .integer(5),
                      "points within eps (the point itself included) that make a core point"),
        ParameterSpec("seed", .integer(ParameterSpec.seedRange), default: .integer(0), "the seed of the sample used to suggest eps"),
        ParameterSpec("standardize", .choice(["true", "false"]), default: .text("true"),
                      "scale each feature to mean 0 and standard deviation 1 first (true) or use it as it is"),
    ]

    public struct Request: Sendable {
        public var algorithm: String
        public var features: [String]
        /// Raw values, one row per table row used.
        public var points: PointSet
        public var parameters: Parameters
        /// For `k 2..8` or `k auto`: the range to choose from; nil for a fixed k.
        public var kRange: ClosedRange<Int>?

        public init(algorithm: String, features: [String], points: PointSet, parameters: Parameters, kRange: ClosedRange<Int>? = nil) {
            self.algorithm = algorithm
            self.features = features
            self.points = points
            self.parameters = parameters
            self.kRange = kRange
        }
    }

    public struct Outcome: Sendable {
        public let model: SegmentationModel
        /// Cluster per row of the request (−1 noise).
        public let labels: [Int]
        /// One row per k tried (k-means with a range), else empty.
        public let kTable: [KChoice.Row]
        public let silhouette: Double?
        public let silhouetteRows: Int
        public let epsSuggestion: EpsSuggestion.Outcome?
    }

    public static func fit(_ request: Request, preparation: PreparationRecipe = PreparationRecipe()) throws(ModelError) -> Outcome {
        let specs = request.algorithm == "dbscan" ? dbscanParameters : kmeansParameters
        try ParameterReader(parameters: request.parameters, algorithm: request.algorithm, specs: specs).checkAll()
        let standardize = request.parameters.text("standardize") != "false"
        let points = request.points
        try checkFeatures(points, names: request.features, algorithm: request.algorithm)
        let scaling = standardize ? FeatureStandardization(fitting: points) : nil
        let space = scaling?.apply(points) ?? points
        let fingerprint = SegmentationModel.fingerprint(points, features: request.features)
        if request.algorithm == "dbscan" {
            return try fitDBSCAN(request, space: space, scaling: scaling, fingerprint: fingerprint, preparation: preparation)
        }
        return try fitKMeans(request, space: space, scaling: scaling, fingerprint: fingerprint, preparation: preparation)
    }

    /// No features, missing or infinite values: a clear error naming the feature.
    static func checkFeatures(_ points: PointSet, names: [String], algorithm: String) throws(ModelError) {
        guard points.dimensions > 0 else { throw ModelError("\(algorithm) needs at least one numeric feature; got none") }
        guard points.rows > 0 else { throw ModelError("\(algorithm) needs at least one row; the table has none") }
        for d in 0..<points.dimensions {
            var missing = 0
            for row in 0..<points.rows where !points.values[row * points.dimensions + d].isFinite { missing += 1 }
            if missing == points.rows {
                throw ModelError("\(algorithm) cannot use the feature '\(names[d])': every value is missing")
            }
            if missing > 0 {
                throw ModelError("\(algorithm) cannot use the feature '\(names[d])': \(ValueText.grouped(missing)) of \(ValueText.counted(points.rows, "value")) \(missing == 1 ? "is" : "are") missing; fill them first (fill \(names[d]) with median)")
            }
            // A constant feature adds nothing to any distance; standardizing it would also have
            // to invent a scale (shown as "sd 1"), so it is named rather than kept.
            let first = points.values[d]
            if points.rows > 1, (1..<points.rows).allSatisfy({ points.values[$0 * points.dimensions + d] == first }) {
                throw ModelError("\(algorithm) cannot use the feature '\(names[d])': it is \(NumberText.label(first)) in every row, so it cannot tell segments apart; leave it out")
            }
        }
    }

    static func kmeansSettings(_ parameters: Parameters, k: Int) -> KMeans.Settings {
        KMeans.Settings(k: k, restarts: parameters.integer("restarts") ?? 10,
                        iterations: parameters.integer("iterations") ?? 300,
                        tolerance: parameters.number("tolerance") ?? 1e-4,
                        seed: UInt64(parameters.integer("seed") ?? 0))
    }

    static func fitKMeans(_ request: Request, space: PointSet, scaling: FeatureStandardization?,
                          fingerprint: DataFingerprint, preparation: PreparationRecipe) throws(ModelError) -> Outcome {
        let fit: KMeans.Fit, table: [KChoice.Row], silhouette: Double?, silhouetteRows: Int
        var parameters = request.parameters
        var notes: [String] = []
        if let requested = request.kRange {
            let (range, note) = try usableRange(requested, space, features: request.features)
            if let note { notes.append(note) }
            let choice = try KChoice.choose(space, range: range, settings: kmeansSettings(parameters, k: range.lowerBound))
            fit = choice.fit
            table = choice.rows
            silhouette = choice.rows.first { $0.k == choice.chosen }?.silhouette
            silhouetteRows = choice.silhouetteRows
            parameters.values["k"] = .integer(choice.chosen)
        } else {
            let k = parameters.integer("k") ?? 3
            guard k <= space.rows else {
                throw ModelError("parameter 'k' of kmeans must be at most the number of rows (\(ValueText.grouped(space.rows))); got \(k)")
            }
            try requireDistinctPoints(space, features: request.features, k: k)
            fit = try KMeans.fit(space, settings: kmeansSettings(parameters, k: k))
            table = []
            let scored = k >= 2 ? Silhouette.sampledScore(space, labels: fit.labels, seed: UInt64(parameters.integer("seed") ?? 0)) : (nil, 0)
            silhouette = scored.0
            silhouetteRows = scored.1
            parameters.values["k"] = .integer(k)
        }
        let k = fit.centres.rows
        notes.insert(fit.converged ? "converged in \(ValueText.counted(fit.iterations, "iteration"))" : "stopped at the iteration limit (\(ValueText.grouped(fit.iterations))) before converging", at: 0)
        let model = SegmentationModel(
            algorithm: "kmeans", parameters: parameters, features: request.features, standardization: scaling,
            centres: (0..<k).map { Array(fit.centres.point($0)) }, inertia: fit.inertia, eps: nil,
            corePoints: [], coreLabels: [], segmentNames: (1...max(k, 1)).map(String.init),
            preparation: preparation, trainingData: fingerprint, notes: notes)
        return Outcome(model: model, labels: fit.labels, kTable: table, silhouette: silhouette,
                       silhouetteRows: silhouetteRows, epsSuggestion: nil)
    }

    static func fitDBSCAN(_ request: Request, space: PointSet, scaling: FeatureStandardization?,
                          fingerprint: DataFingerprint, preparation: PreparationRecipe) throws(ModelError) -> Outcome {
        var parameters = request.parameters
        let minPoints = parameters.integer("min_points") ?? 5
        var suggestion: EpsSuggestion.Outcome?
        let eps: Double
        if let given = parameters.number("eps") {
            eps = given
        } else {
            suggestion = try EpsSuggestion.suggest(space, minPoints: minPoints, seed: UInt64(parameters.integer("seed") ?? 0))
            eps = suggestion!.eps
            parameters.values["eps"] = .number(eps)
        }
        let fit = try DBSCAN.fit(space, eps: eps, minPoints: minPoints)
        let core = (0..<space.rows).filter { fit.isCore[$0] }
        let scored = Silhouette.sampledScore(space, labels: fit.labels, seed: UInt64(parameters.integer("seed") ?? 0))
        let model = SegmentationModel(
            algorithm: "dbscan", parameters: parameters, features: request.features, standardization: scaling,
            centres: [], inertia: nil, eps: eps, corePoints: core.map { Array(space.point($0)) },
            coreLabels: core.map { fit.labels[$0] }, segmentNames: fit.clusters > 0 ? (1...fit.clusters).map(String.init) : [],
            preparation: preparation, trainingData: fingerprint,
            notes: ["\(ValueText.counted(fit.clusters, "cluster")), \(ValueText.counted(fit.noiseCount, "noise point")), \(ValueText.counted(core.count, "core point"))"])
        return Outcome(model: model, labels: fit.labels, kTable: [], silhouette: scored.score,
                       silhouetteRows: scored.sampled, epsSuggestion: suggestion)
    }
}

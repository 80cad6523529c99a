/// k-means clustering as scikit-learn's `KMeans(algorithm="lloyd")`: k-means++ starts with
/// 2 + ⌊ln k⌋ local trials per centre, Lloyd iterations until no label changes or the total
/// squared centre shift is at most `tolerance × mean feature variance`, empty clusters moved to
/// the points farthest from their centres, and the best of `restarts` runs by inertia.
///
/// Work is split into fixed blocks of rows that run on all cores; block results are added in
/// block order, so the same points and seed give bit-identical centres on any machine.
public enum KMeans {
    public struct Settings: Sendable, Equatable, Codable {
        public var k: Int
        public var restarts: Int
        public var iterations: Int
        public var tolerance: Double
        public var seed: UInt64

        public init(k: Int, restarts: Int = 10, iterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 0) {
            self.k = k
            self.restarts = restarts
            self.iterations = iterations
            self.tolerance = tolerance
            self.seed = seed
        }
    }

    public struct Fit: Sendable, Equatable {
        /// `k × dimensions`, in the units of the points given.
        public let centres: PointSet
        /// The nearest centre of every point, 0..<k.
        public let labels: [Int]
        /// Sum of squared distances from each point to its centre.
        public let inertia: Double
        /// Lloyd iterations of the best restart.
        public let iterations: Int
        /// Whether the best restart stopped before the iteration limit.
        public let converged: Bool
    }

    /// Rows per unit of parallel work; fixed so results do not depend on the number of cores.
    static let blockSize = 4096

    public static func fit(_ points: PointSet, settings: Settings) throws(ModelError) -> Fit {
        try validate(points, settings)
        let threshold = settings.tolerance * meanVariance(points)
        var best: Fit?
        for restart in 0..<settings.restarts {
            try ModelError.throwIfCancelled()
            var generator = SeededGenerator(seed: settings.seed &+ UInt64(restart) &* 0x9E37_79B9_7F4A_7C15)
            let start = try KMeansPlusPlus.centres(points, k: settings.k, generator: &generator)
            let run = try LloydIterations.run(points, start: start, limit: settings.iterations, threshold: threshold)
            if best == nil || run.inertia < best!.inertia { best = run }
        }
        return best!
    }

    static func validate(_ points: PointSet, _ settings: Settings) throws(ModelError) {
        guard points.dimensions > 0 else {
            throw ModelError("kmeans needs at least one numeric feature; got none")
        }
        guard points.rows > 0 else { throw ModelError("kmeans needs at least one row; the table has none") }
        guard settings.k >= 1 else { throw ModelError("parameter 'k' of kmeans must be at least 1; got \(settings.k)") }
        guard settings.k <= points.rows else {
            throw ModelError("parameter 'k' of kmeans must be at most the number of rows (\(ValueText.grouped(points.rows))); got \(settings.k)")
        }
        guard settings.restarts >= 1 else {
            throw ModelError("parameter 'restarts' of kmeans must be at least 1; got \(settings.restarts)")
        }
        guard settings.iterations >= 1 else {
            throw ModelError("parameter 'iterations' of kmeans must be at least 1; got \(settings.iterations)")
        }
        guard settings.tolerance >= 0, settings.tolerance.isFinite else {
            throw ModelError("parameter 'tolerance' of kmeans must be a number of at least 0; got \(ParameterSpec.number(settings.tolerance))")
        }
        guard points.values.allSatisfy({ $0.isFinite }) else {
            throw ModelError("kmeans needs finite numbers in every feature; fill or drop missing values first")
        }
    }

    /// Mean over features of each feature's variance: scikit-learn scales `tol` by it.
    static func meanVariance(_ points: PointSet) -> Double {
        let scaling = FeatureStandardization(fitting: points)
        let n = Double(points.rows)
        var total = 0.0
        points.values.withUnsafeBufferPointer { v in
            for d in 0..<points.dimensions {
                var s = 0.0
                for row in 0..<points.rows {
                    let e = v[row * points.dimensions + d] - scaling.means[d]
                    s += e * e
                }
                total += s / n
            }
        }
        return total / Double(points.dimensions)
    }

    /// The nearest centre of each point and its squared distance (for new rows), computed
    /// exactly as during fitting.
    public static func assign(_ points: PointSet, centres: PointSet) -> (labels: [Int], distances: [Double]) {
        var labels = [Int](repeating: 0, count: points.rows)
        var distances = [Double](repeating: 0, count: points.rows)
        let dims = points.dimensions
        let layout = CentreLayout(rowMajor: centres.values, k: centres.rows, dims: dims)
        points.values.withUnsafeBufferPointer { v in
            layout.values.withUnsafeBufferPointer { c in
                for row in 0..<points.rows {
                    let (label, distance) = layout.nearest(v.baseAddress! + row * dims, c.baseAddress!)
                    labels[row] = label
                    distances[row] = distance
                }
            }
        }
        return (labels, distances)
    }
}

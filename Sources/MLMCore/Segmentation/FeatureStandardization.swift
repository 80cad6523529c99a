/// Per-feature standardization, (x − mean) / sd, learned on the fitting rows and applied to new
/// rows. Without it a feature measured in pounds outweighs one counted in visits; the means and
/// standard deviations are kept with the segmentation so new customers are scaled the same way.
public struct FeatureStandardization: Sendable, Equatable, Codable {
    public let means: [Double]
    /// Population standard deviations (divisor n, as scikit-learn's StandardScaler); a constant
    /// feature gets 1 so it stays at 0 instead of dividing by zero.
    public let deviations: [Double]

    public init(means: [Double], deviations: [Double]) {
        self.means = means
        self.deviations = deviations
    }

    /// Learns means and standard deviations of every feature (two passes, for accuracy).
    public init(fitting points: PointSet) {
        let n = points.rows, dims = points.dimensions
        var means = [Double](repeating: 0, count: dims)
        var squares = [Double](repeating: 0, count: dims)
        points.values.withUnsafeBufferPointer { v in
            for row in 0..<n { for d in 0..<dims { means[d] += v[row * dims + d] } }
            for d in 0..<dims { means[d] /= Double(max(n, 1)) }
            for row in 0..<n {
                for d in 0..<dims {
                    let e = v[row * dims + d] - means[d]
                    squares[d] += e * e
                }
            }
        }
        let deviations = squares.map { s -> Double in
            let sd = (s / Double(max(n, 1))).squareRoot()
            return sd > 0 && sd.isFinite ? sd : 1
        }
        self.init(means: means, deviations: deviations)
    }

    /// The points in standardized units.
    public func apply(_ points: PointSet) -> PointSet {
        let dims = points.dimensions
        var out = points.values
        out.withUnsafeMutableBufferPointer { v in
            for row in 0..<points.rows {
                for d in 0..<dims { v[row * dims + d] = (v[row * dims + d] - means[d]) / deviations[d] }
            }
        }
        return PointSet(rows: points.rows, dimensions: dims, rowMajor: out)
    }

    /// Points (e.g. centres) from standardized back to original units.
    public func invert(_ points: PointSet) -> PointSet {
        let dims = points.dimensions
        var out = points.values
        for row in 0..<points.rows {
            for d in 0..<dims { out[row * dims + d] = out[row * dims + d] * deviations[d] + means[d] }
        }
        return PointSet(rows: points.rows, dimensions: dims, rowMajor: out)
    }
}

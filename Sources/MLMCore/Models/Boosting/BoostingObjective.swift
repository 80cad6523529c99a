import Foundation

/// What the trees learn to reduce, LightGBM's objectives: log loss (binary), softmax log loss
/// (one tree per class per round), squared error. Scores are kept class by class:
/// `scores[k * rows + row]`.
enum BoostingObjective: String, Sendable, Codable {
    case binary, multiclass, regression

    /// Per-row answers the objective needs: a class index, or a number.
    struct Labels: Sendable {
        let classes: [Int32]
        let values: [Double]
        let classCount: Int
    }

    static func labels(_ target: Target) -> Labels {
        switch target {
        case .classes(let labels, let classes):
            return Labels(classes: labels.map { Int32(truncatingIfNeeded: $0) }, values: [], classCount: classes.count)
        case .values(let values):
            return Labels(classes: [], values: values, classCount: 0)
        }
    }

    /// Starting scores: the log-odds of the positive share, the log of each class share, or the
    /// mean (LightGBM's boost_from_average).
    func initialScores(_ labels: Labels, weights: [Double]?) -> [Double] {
        switch self {
        case .regression:
            var sum = 0.0, total = 0.0
            for (i, y) in labels.values.enumerated() { let w = weights?[i] ?? 1; sum += w * y; total += w }
            return [total > 0 ? sum / total : 0]
        case .binary, .multiclass:
            var shares = [Double](repeating: 0, count: labels.classCount)
            var total = 0.0
            for (i, y) in labels.classes.enumerated() { let w = weights?[i] ?? 1; shares[Int(y)] += w; total += w }
            let p = shares.map { min(max($0 / max(total, .leastNormalMagnitude), 1e-15), 1 - 1e-15) }
            if self == .binary { return [log(p[1] / (1 - p[1]))] }
            return p.map { log($0) }
        }
    }

    /// Gradients and hessians of every output at the current scores, class by class like `scores`;
    /// rows in blocks on all cores for large tables (each block writes only its own rows).
    func gradients(_ scores: [Double], _ labels: Labels, _ weights: [Double]?, rows n: Int,
                   into pairs: UnsafeMutablePointer<GradientPair>) {
        let blockSize = 32_768
        let blocks = (n + blockSize - 1) / blockSize
        let out = SendablePointer(pairs)
        scores.withUnsafeBufferPointer { f in
            let work = { (block: Int) -> Bool in
                let rows = (block * blockSize)..<min(n, (block + 1) * blockSize)
                switch self {
                case .regression: Self.squaredErrorGradients(f, labels, weights, rows, out.pointer)
                case .binary: Self.logLossGradients(f, labels, weights, rows, out.pointer)
                case .multiclass: Self.softmaxGradients(f, labels, weights, rows, n, out.pointer)
                }
                return true
            }
            if blocks <= 1 { _ = work(0) } else { _ = Parallel.map(blocks, work) }
        }
    }

    private static func squaredErrorGradients(_ f: UnsafeBufferPointer<Double>, _ labels: Labels, _ weights: [Double]?,
                                              _ rows: Range<Int>, _ out: UnsafeMutablePointer<GradientPair>) {
        labels.values.withUnsafeBufferPointer { y in
            for i in rows {
                let w = weights?[i] ?? 1
                out[i] = GradientPair((f[i] - y[i]) * w, w)
            }
        }
    }

    private static func logLossGradients(_ f: UnsafeBufferPointer<Double>, _ labels: Labels, _ weights: [Double]?,
                                         _ rows: Range<Int>, _ out: UnsafeMutablePointer<GradientPair>) {
        labels.classes.withUnsafeBufferPointer { y in
            for i in rows {
                let p = 1 / (1 + exp(-f[i]))
                out[i] = GradientPair(p - (y[i] == 1 ? 1 : 0), p * (1 - p))
            }
            if let weights { for i in rows { out[i] *= weights[i] } }
        }
    }

    /// LightGBM's softmax gradients, hessians scaled by K/(K−1).
    private static func softmaxGradients(_ f: UnsafeBufferPointer<Double>, _ labels: Labels, _ weights: [Double]?,
                                         _ rows: Range<Int>, _ n: Int, _ out: UnsafeMutablePointer<GradientPair>) {
        let k = labels.classCount
        let factor = Double(k) / Double(k - 1)
        var p = [Double](repeating: 0, count: k)
        for i in rows {
            softmax(f, row: i, rows: n, into: &p)
            let w = weights?[i] ?? 1, y = Int(labels.classes[i])
            for c in 0..<k {
                out[c * n + i] = GradientPair((p[c] - (c == y ? 1 : 0)) * w, factor * p[c] * (1 - p[c]) * w)
            }
        }
    }

    static func softmax(_ f: UnsafeBufferPointer<Double>, row: Int, rows n: Int, into p: inout [Double]) {
        var top = -Double.infinity
        for c in 0..<p.count { top = max(top, f[c * n + row]) }
        var sum = 0.0
        for c in 0..<p.count { p[c] = exp(f[c * n + row] - top); sum += p[c] }
        for c in 0..<p.count { p[c] /= sum }
    }

    /// Mean loss of unweighted rows: log loss, softmax log loss, or squared error.
    func loss(_ scores: [Double], _ labels: Labels, rows n: Int) -> Double {
        guard n > 0 else { return 0 }
        var total = 0.0
        scores.withUnsafeBufferPointer { f in
            switch self {
            case .regression:
                for i in 0..<n { let d = f[i] - labels.values[i]; total += d * d }
            case .binary:
                for i in 0..<n {
                    // log(1 + e^-m) with m the margin toward the true class, stable for any m.
                    let m = labels.classes[i] == 1 ? f[i] : -f[i]
                    total += m > 0 ? log1p(exp(-m)) : -m + log1p(exp(m))
                }
            case .multiclass:
                var p = [Double](repeating: 0, count: labels.classCount)
                for i in 0..<n {
                    Self.softmax(f, row: i, rows: n, into: &p)
                    total -= log(max(p[Int(labels.classes[i])], 1e-15))
                }
            }
        }
        return total / Double(n)
    }

    var lossName: String {
        switch self {
        case .binary: return "log loss"
        case .multiclass: return "multiclass log loss"
        case .regression: return "mean squared error"
        }
    }
}

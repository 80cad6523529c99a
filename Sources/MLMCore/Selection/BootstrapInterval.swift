/// A seeded percentile bootstrap confidence interval of a metric: the rows are resampled with
/// replacement `samples` times, the metric computed on each resample, and the interval is the
/// (1 − level)/2 and (1 + level)/2 quantiles of those values (linear interpolation, numpy's
/// default). Resample i draws its rows with `SeededGenerator` seeded from the seed and i, so the
/// result does not depend on how resamples are spread over cores. Resamples where the metric is
/// undefined (one class only) are skipped.
public enum BootstrapInterval {
    public struct Interval: Sendable, Equatable {
        public let estimate: Double
        public let lower: Double
        public let upper: Double
        public let level: Double
        /// Resamples that gave a value.
        public let samples: Int
    }

    public static func compute(labels: [Double], predictions: Predictions, metric: SelectionMetric,
                               samples: Int = 1000, level: Double = 0.95, seed: UInt64 = 42,
                               threshold: Double = 0.5) throws(ModelError) -> Interval {
        guard samples >= 10 else { throw ModelError("the bootstrap needs at least 10 samples; got \(samples)") }
        guard level > 0, level < 1 else { throw ModelError("the confidence level must be between 0% and 100%; got \(level)") }
        let n = labels.count
        guard n >= 2 else { throw ModelError("a confidence interval needs at least 2 rows; got \(n)") }
        let estimate = metric.value(labels: labels, predictions: predictions, threshold: threshold)
        let values = Parallel.map(samples) { i -> Double in
            var generator = SeededGenerator(seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            let rows = (0..<n).map { _ in generator.nextInt(below: n) }
            return metric.value(labels: rows.map { labels[$0] }, predictions: gather(predictions, rows), threshold: threshold)
        }
        let kept = values.filter { !$0.isNaN }.sorted()
        guard let lower = Statistics.quantile(kept, (1 - level) / 2),
              let upper = Statistics.quantile(kept, (1 + level) / 2) else {
            throw ModelError("\(metric.displayName) could not be computed on any bootstrap sample (is only one class present?)")
        }
        return Interval(estimate: estimate, lower: lower, upper: upper, level: level, samples: kept.count)
    }

    /// True when two intervals share some values: the difference may be chance.
    public static func overlap(_ a: Interval, _ b: Interval) -> Bool {
        a.lower <= b.upper && b.lower <= a.upper
    }

    static func gather(_ predictions: Predictions, _ rows: [Int]) -> Predictions {
        switch predictions {
        case .values(let v): return .values(rows.map { v[$0] })
        case .probabilities(let p, let k):
            var out = [Double](repeating: 0, count: rows.count * k)
            for (i, row) in rows.enumerated() {
                for c in 0..<k { out[i * k + c] = p[row * k + c] }
            }
            return .probabilities(out, classCount: k)
        }
    }
}

/// A seeded percentile bootstrap confidence interval of a metric: the rows are resampled with
/// replacement `samples` times, the metric computed on each resample, and the interval is the
/// (1 − level)/2 and (1 + level)/2 quantiles of those values (linear interpolation, numpy's
/// default). Resample i draws its rows with `SeededGenerator` seeded by a hash of the seed and i, so the
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
        guard level > 0, level < 1 else { throw ModelError("the confidence level must be more than 0% and less than 100%; got \(NumberText.percent(level))") }
        let n = labels.count
        guard n >= 2 else { throw ModelError("a confidence interval needs at least 2 rows; got \(n)") }
        let estimate = metric.value(labels: labels, predictions: predictions, threshold: threshold)
        let counted = CountedResample(labels: labels, predictions: predictions, metric: metric, threshold: threshold)
        let values = Parallel.map(samples) { i -> Double in
            // Seeds hashed from (seed, i): SplitMix64 streams seeded seed + i·γ would be the
            // same stream shifted by i, making neighbouring resamples nearly identical.
            var mixer = SeededGenerator(seed: seed ^ (UInt64(i) &* 0xD1B5_4A32_D192_ED03))
            var generator = SeededGenerator(seed: mixer.next())
            if let counted {
                var times = [Int32](repeating: 0, count: n)
                for _ in 0..<n { times[generator.nextInt(below: n)] += 1 }
                return counted.value(times)
            }
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

/// Two-class metrics of a resample from how many times each row was drawn, without building the
/// resample: ROC-AUC walks the rows sorted once by score (ties counting half, as `rocAUC`), the
/// threshold metrics add up weighted counts. Same values as computing on the resampled rows.
struct CountedResample {
    let metric: SelectionMetric
    let positive: [Bool]
    let scores: [Double]
    /// Rows by descending score.
    let order: [Int]
    let threshold: Double

    init?(labels: [Double], predictions: Predictions, metric: SelectionMetric, threshold: Double) {
        guard case .probabilities(let p, 2) = predictions, [.auc, .accuracy, .f1, .precision, .recall].contains(metric) else { return nil }
        let scores = (0..<labels.count).map { p[$0 * 2 + 1] }
        guard !scores.contains(where: \.isNaN) else { return nil }
        self.metric = metric
        self.positive = labels.map { $0 == 1 }
        self.scores = scores
        self.order = metric == .auc ? scores.indices.sorted { scores[$0] > scores[$1] } : []
        self.threshold = threshold
    }

    func value(_ times: [Int32]) -> Double {
        metric == .auc ? auc(times) : thresholdMetric(times)
    }

    private func auc(_ times: [Int32]) -> Double {
        var above = 0.0, pairs = 0.0, positives = 0.0, negatives = 0.0
        var i = 0
        while i < order.count {
            var groupPositive = 0.0, groupNegative = 0.0
            let score = scores[order[i]]
            while i < order.count, scores[order[i]] == score {
                let row = order[i], w = Double(times[row])
                if positive[row] { groupPositive += w } else { groupNegative += w }
                i += 1
            }
            pairs += groupNegative * (above + 0.5 * groupPositive)
            above += groupPositive
            positives += groupPositive
            negatives += groupNegative
        }
        return positives == 0 || negatives == 0 ? .nan : pairs / (positives * negatives)
    }

    private func thresholdMetric(_ times: [Int32]) -> Double {
        var tp = 0.0, fp = 0.0, fn = 0.0, tn = 0.0
        for row in 0..<times.count where times[row] > 0 {
            let w = Double(times[row]), called = scores[row] >= threshold
            switch (positive[row], called) {
            case (true, true): tp += w
            case (false, true): fp += w
            case (true, false): fn += w
            case (false, false): tn += w
            }
        }
        switch metric {
        case .accuracy: return (tp + tn) / (tp + fp + fn + tn)
        case .precision: return tp + fp == 0 ? 0 : tp / (tp + fp)
        case .recall: return tp + fn == 0 ? 0 : tp / (tp + fn)
        default: return 2 * tp + fp + fn == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        }
    }
}

/// Sums of gradients, hessians and rows of a set of rows.
struct GradientStats: Sendable, Equatable {
    var g = 0.0
    var h = 0.0
    var count = 0.0

    static func - (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(g: a.g - b.g, h: a.h - b.h, count: a.count - b.count)
    }

    static func += (a: inout GradientStats, b: GradientStats) {
        a.g += b.g; a.h += b.h; a.count += b.count
    }
}

/// The best way found to split a node.
struct BoostingSplit: Sendable {
    var feature = -1
    /// Improvement of the regularized loss (LightGBM's split gain): GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ).
    var gain = 0.0
    /// Number inputs: bins up to this one go left.
    var thresholdBin = 0
    /// Number inputs: where missing values go.
    var defaultLeft = false
    /// Category inputs: the level indices that go left; everything else (missing too) goes right.
    var leftCategories: [Int] = []
    var left = GradientStats()
    var right = GradientStats()
    /// The L2 penalty the children's values use (categorical splits add LightGBM's cat_l2).
    var l2 = 0.0

    var isValid: Bool { feature >= 0 }
}

/// Finds the best split of a node from its histogram, LightGBM's way: every bin boundary of
/// every number input, once with missing values on the left and once on the right; categories
/// sorted by gradient/hessian (see `CategoricalRules`).
struct SplitFinder {
    let binned: BinnedMatrix
    let settings: BoostingSettings

    static func leafValue(_ stats: GradientStats, l2: Double) -> Double {
        -stats.g / (stats.h + l2)
    }

    @inline(__always) static func score(_ g: Double, _ h: Double, _ l2: Double) -> Double {
        g * g / (h + l2)
    }

    func best(_ hist: UnsafePointer<Double>, total: GradientStats, features: [Int]) -> BoostingSplit {
        var best = BoostingSplit()
        for feature in features {
            let layout = binned.layouts[feature]
            guard layout.valueBins > 1 else { continue }
            let base = hist + binned.binOffsets[feature] * NodeHistograms.stride
            let candidate = layout.isCategorical
                ? categorical(base, layout, total, feature) : numeric(base, layout, total, feature)
            if candidate.isValid, candidate.gain > best.gain { best = candidate }
        }
        return best
    }

    @inline(__always) private func allowed(_ s: GradientStats) -> Bool {
        s.count >= Double(settings.minSamplesLeaf) && s.h >= settings.minHessian
    }

    /// The hot loop of split finding (every bin of every input at every node): sums and the best
    /// candidate stay in registers, and a split value is made only for the winner.
    private func numeric(_ hist: UnsafePointer<Double>, _ layout: FeatureBinLayout, _ total: GradientStats,
                         _ feature: Int) -> BoostingSplit {
        let l2 = settings.l2
        let parentScore = Self.score(total.g, total.h, l2)
        let missing = NodeHistograms.stats(hist, bin: layout.missingBin)
        var bestGain = 0.0, bestBin = -1, bestMissingLeft = false
        // Without missing values in the node, one scan; missing values at prediction then follow
        // the larger child.
        for pass in 0..<(missing.count > 0 ? 2 : 1) {
            let missingLeft = pass == 1
            var left = missingLeft ? missing : GradientStats()
            for bin in 0..<(layout.valueBins - 1) {
                left += NodeHistograms.stats(hist, bin: bin)
                guard allowed(left) else { continue }
                let right = total - left
                guard allowed(right) else { break }
                // Both children's scores in one two-lane division (the same roundings as two
                // `score` calls): the divisions are what this loop waits on.
                let scores = SIMD2(left.g * left.g, right.g * right.g) / SIMD2(left.h + l2, right.h + l2)
                let gain = scores.x + scores.y - parentScore
                if gain > bestGain { (bestGain, bestBin, bestMissingLeft) = (gain, bin, missingLeft) }
            }
        }
        guard bestBin >= 0 else { return BoostingSplit() }
        var left = bestMissingLeft ? missing : GradientStats()
        for bin in 0...bestBin {
            left += NodeHistograms.stats(hist, bin: bin)
        }
        let right = total - left
        return BoostingSplit(feature: feature, gain: bestGain, thresholdBin: bestBin,
                             defaultLeft: missing.count > 0 ? bestMissingLeft : left.count >= right.count,
                             leftCategories: [], left: left, right: right, l2: l2)
    }

    private func categorical(_ hist: UnsafePointer<Double>, _ layout: FeatureBinLayout, _ total: GradientStats,
                             _ feature: Int) -> BoostingSplit {
        let present = (0..<layout.valueBins).filter { NodeHistograms.stats(hist, bin: $0).count > 0 }
        if present.count <= CategoricalRules.oneVersusRestLevels {
            return oneVersusRest(hist, present, total, feature)
        }
        return sortedCategories(hist, layout, total, feature)
    }

    private func oneVersusRest(_ hist: UnsafePointer<Double>, _ present: [Int], _ total: GradientStats,
                               _ feature: Int) -> BoostingSplit {
        let l2 = settings.l2
        let parentScore = Self.score(total.g, total.h, l2)
        var best = BoostingSplit()
        for level in present {
            let left = NodeHistograms.stats(hist, bin: level)
            let right = total - left
            guard allowed(left), allowed(right) else { continue }
            let gain = Self.score(left.g, left.h, l2) + Self.score(right.g, right.h, l2) - parentScore
            if gain > best.gain {
                best = BoostingSplit(feature: feature, gain: gain, thresholdBin: 0, defaultLeft: false,
                                      leftCategories: [level], left: left, right: right, l2: l2)
            }
        }
        return best
    }

    /// LightGBM's many-vs-many search: categories with enough rows sorted by
    /// g / (h + smoothing), then the best prefix from either end, at most `maxCategoriesLeft`.
    private func sortedCategories(_ hist: UnsafePointer<Double>, _ layout: FeatureBinLayout, _ total: GradientStats,
                                  _ feature: Int) -> BoostingSplit {
        let rules = CategoricalRules.self
        let l2 = settings.l2 + rules.extraL2
        let parentScore = Self.score(total.g, total.h, l2)
        var keyed: [(ratio: Double, level: Int)] = []
        keyed.reserveCapacity(layout.valueBins)
        for level in 0..<layout.valueBins {
            let bin = NodeHistograms.stats(hist, bin: level)
            if bin.count >= rules.minRowsPerCategory { keyed.append((bin.g / (bin.h + rules.smoothing), level)) }
        }
        keyed.sort { $0.ratio != $1.ratio ? $0.ratio < $1.ratio : $0.level < $1.level }
        let sorted = keyed.map(\.level)
        let maxLeft = min(rules.maxCategoriesLeft, (sorted.count + 1) / 2)
        var best = BoostingSplit()
        for fromEnd in [false, true] {
            var left = GradientStats(), group = 0.0
            for i in 0..<min(maxLeft, sorted.count) {
                let level = fromEnd ? sorted[sorted.count - 1 - i] : sorted[i]
                let bin = NodeHistograms.stats(hist, bin: level)
                left += bin
                group += bin.count
                guard allowed(left) else { continue }
                let right = total - left
                guard allowed(right), right.count >= rules.minRowsPerGroup else { break }
                guard group >= rules.minRowsPerGroup else { continue }
                group = 0
                let gain = Self.score(left.g, left.h, l2) + Self.score(right.g, right.h, l2) - parentScore
                if gain > best.gain {
                    let levels = fromEnd ? Array(sorted.suffix(i + 1)) : Array(sorted.prefix(i + 1))
                    best = BoostingSplit(feature: feature, gain: gain, thresholdBin: 0, defaultLeft: false,
                                          leftCategories: levels.sorted(), left: left, right: right, l2: l2)
                }
            }
        }
        return best
    }
}

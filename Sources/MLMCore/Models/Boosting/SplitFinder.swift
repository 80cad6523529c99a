/// Sums of gradients, hessians and rows of a set of rows.
struct GradientStats: Sendable, Equatable {
    var g = 0.0
    var h = 0.0
    var count = 0.0

    static func - (a: GradientStats, b: GradientStats) -> GradientStats {
        GradientStats(g: a.g - b.g, h: a.h - b.h, count: a.count - b.count)
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

    private func numeric(_ hist: UnsafePointer<Double>, _ layout: FeatureBinLayout, _ total: GradientStats,
                         _ feature: Int) -> BoostingSplit {
        let l2 = settings.l2
        let parentScore = Self.score(total.g, total.h, l2)
        let m = layout.missingBin * 3
        let missing = GradientStats(g: hist[m], h: hist[m + 1], count: hist[m + 2])
        var best = BoostingSplit()
        // Without missing values in the node, one scan; missing values at prediction then follow
        // the larger child.
        let directions: [Bool] = missing.count > 0 ? [false, true] : [false]
        for missingLeft in directions {
            var left = missingLeft ? missing : GradientStats()
            for bin in 0..<(layout.valueBins - 1) {
                left.g += hist[bin * 3]; left.h += hist[bin * 3 + 1]; left.count += hist[bin * 3 + 2]
                guard allowed(left) else { continue }
                let right = total - left
                guard allowed(right) else { break }
                let gain = Self.score(left.g, left.h, l2) + Self.score(right.g, right.h, l2) - parentScore
                if gain > best.gain {
                    best = BoostingSplit(feature: feature, gain: gain, thresholdBin: bin,
                                          defaultLeft: missing.count > 0 ? missingLeft : left.count >= right.count,
                                          leftCategories: [], left: left, right: right, l2: l2)
                }
            }
        }
        return best
    }

    private func categorical(_ hist: UnsafePointer<Double>, _ layout: FeatureBinLayout, _ total: GradientStats,
                             _ feature: Int) -> BoostingSplit {
        let present = (0..<layout.valueBins).filter { hist[$0 * 3 + 2] > 0 }
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
            let left = GradientStats(g: hist[level * 3], h: hist[level * 3 + 1], count: hist[level * 3 + 2])
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
        let used = (0..<layout.valueBins).filter { hist[$0 * 3 + 2] >= rules.minRowsPerCategory }
        let ratio = { (b: Int) in hist[b * 3] / (hist[b * 3 + 1] + rules.smoothing) }
        let sorted = used.enumerated().sorted { a, b in
            let (ra, rb) = (ratio(a.element), ratio(b.element))
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let maxLeft = min(rules.maxCategoriesLeft, (sorted.count + 1) / 2)
        var best = BoostingSplit()
        for fromEnd in [false, true] {
            var left = GradientStats(), group = 0.0
            for i in 0..<min(maxLeft, sorted.count) {
                let level = fromEnd ? sorted[sorted.count - 1 - i] : sorted[i]
                left.g += hist[level * 3]; left.h += hist[level * 3 + 1]; left.count += hist[level * 3 + 2]
                group += hist[level * 3 + 2]
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

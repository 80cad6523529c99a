import Testing
@testable import MLMCore

/// Split finding on histograms against hand-computed gains, missing-value routing and
/// categorical splits.
@Suite struct GradientBoostingSplitTests {
    func settings(l2: Double = 0) -> BoostingSettings {
        var s = BoostingSettings()
        s.minSamplesLeaf = 1
        s.minHessian = 0
        s.l2 = l2
        return s
    }

    /// The best split of one node holding every row, with unit hessians.
    func bestSplit(_ x: FeatureMatrix, gradients: [Double], settings: BoostingSettings) throws -> BoostingSplit {
        let binned = try BinnedMatrix.make(x, maxBins: 255)
        let histograms = NodeHistograms(binned: binned, maxLeaves: 2)
        let slot = try #require(histograms.acquire())
        let pairs = gradients.map { GradientPair($0, 1) } // unit hessians
        pairs.withUnsafeBufferPointer { pairs in
            histograms.build(into: slot, rows: nil, count: x.rows, gradients: pairs.baseAddress!, features: Array(0..<x.columns))
        }
        let total = GradientStats(g: gradients.reduce(0, +), h: Double(x.rows), count: Double(x.rows))
        return SplitFinder(binned: binned, settings: settings)
            .best(histograms.pointer(slot), total: total, features: Array(0..<x.columns))
    }

    @Test func gainMatchesTheHandComputedValue() throws {
        let x = FeatureMatrix(rows: 4, columns: 1, values: [1, 2, 3, 4], names: ["a"])
        // Left {1, 2}: G = -2, H = 2; right {3, 4}: G = 2, H = 2; parent G = 0.
        let split = try bestSplit(x, gradients: [-1, -1, 1, 1], settings: settings())
        #expect(split.feature == 0)
        #expect(split.thresholdBin == 1)
        #expect(abs(split.gain - 4) < 1e-12) // 4/2 + 4/2 − 0
        #expect(SplitFinder.leafValue(split.left, l2: 0) == 1)
        #expect(SplitFinder.leafValue(split.right, l2: 0) == -1)
        let regularized = try bestSplit(x, gradients: [-1, -1, 1, 1], settings: settings(l2: 1))
        #expect(abs(regularized.gain - 8.0 / 3) < 1e-12) // 4/3 + 4/3
    }

    @Test func minimumRowsPerLeafIsRespected() throws {
        var s = settings()
        s.minSamplesLeaf = 3
        let x = FeatureMatrix(rows: 4, columns: 1, values: [1, 2, 3, 4], names: ["a"])
        #expect(try !bestSplit(x, gradients: [-1, -1, 1, 1], settings: s).isValid)
    }

    @Test func missingValuesGoWhereTheyHelp() throws {
        // The missing rows pull like the low values: they should join them on the left.
        let x = FeatureMatrix(rows: 6, columns: 1, values: [1, 2, .nan, .nan, 3, 4], names: ["a"])
        let split = try bestSplit(x, gradients: [-1, -1, -1, -1, 1, 1], settings: settings())
        #expect(split.defaultLeft)
        #expect(split.thresholdBin == 1)
        // Left G = -4, H = 4; right G = 2, H = 2; parent G = -2, H = 6.
        #expect(abs(split.gain - (4 + 2 - 4.0 / 6)) < 1e-12)
        let flipped = try bestSplit(x, gradients: [-1, -1, 1, 1, 1, 1], settings: settings())
        #expect(!flipped.defaultLeft)
    }

    @Test func fewCategoriesSplitOneAgainstTheRest() throws {
        let x = FeatureMatrix(rows: 6, columns: 1, values: [0, 0, 1, 1, 2, 2], names: ["plan"], categoryCounts: [3])
        let split = try bestSplit(x, gradients: [1, 1, -1, -1, 1, 1], settings: settings())
        #expect(split.leftCategories == [1])
        #expect(abs(split.gain - (4.0 / 2 + 16.0 / 4 - 4.0 / 6)) < 1e-12)
    }

    @Test func manyCategoriesAreGroupedBySortedGradients() throws {
        // Six levels, 100 rows each; levels 1, 3 and 5 pull one way, 0, 2 and 4 the other.
        var values: [Double] = [], gradients: [Double] = []
        for level in 0..<6 {
            for _ in 0..<100 {
                values.append(Double(level))
                gradients.append(level % 2 == 1 ? -1 : 1)
            }
        }
        let x = FeatureMatrix(rows: 600, columns: 1, values: values, names: ["region"], categoryCounts: [6])
        let split = try bestSplit(x, gradients: gradients, settings: settings())
        #expect(split.leftCategories == [1, 3, 5] || split.leftCategories == [0, 2, 4])
        // Sorted splits add LightGBM's cat_l2 (10) to the penalty: 300²/310 twice.
        #expect(abs(split.gain - 2 * 90_000.0 / 310) < 1e-9)
        #expect(split.l2 == 10)
    }
}

import Testing
@testable import MLMCore

/// Binning for gradient boosting: quantile bin edges on hand cases, categories by level index,
/// missing values in their own bin.
@Suite struct GradientBoostingBinningTests {
    @Test func fewDistinctValuesGetOneBinEachWithMidpointBounds() {
        let layout = FeatureBinLayout.numeric([1, 2, 2, 3, .nan], maxBins: 255)
        #expect(layout.upperBounds == [1.5, 2.5, .infinity])
        #expect(layout.valueBins == 3)
        #expect([1.0, 2, 3, -10, 1.5, 1.6, 100].map(layout.bin(of:)) == [0, 1, 2, 0, 0, 1, 2])
        #expect(layout.bin(of: .nan) == 3)
        #expect(layout.missingBin == 3)
    }

    @Test func binningManyValuesAtOnceAgreesWithOneAtATime() {
        var generator = SeededGenerator(seed: 3)
        let sample = (0..<1_000).map { _ in (generator.nextUnit() * 200).rounded() }
        for maxBins in [2, 7, 255] {
            let layout = FeatureBinLayout.numeric(sample, maxBins: maxBins)
            // Bounds themselves, values between and beyond them, NaN in every lane of a group of four.
            let edges: [Double] = [-1e300, 1e300, .infinity, -.infinity, .nan, 3, .nan, .nan, 5]
            let between: [Double] = (0..<203).map { Double($0) - 0.5 }
            let values: [Double] = Array(layout.upperBounds.dropLast()) + edges + between
            var codes = [UInt8](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { layout.bins(of: $0.baseAddress!, count: values.count, into: &codes) }
            #expect(codes.map(Int.init) == values.map(layout.bin(of:)))
        }
    }

    @Test func manyDistinctValuesGetQuantileBins() {
        // 100 distinct values in 4 bins: 25 rows each, cut halfway to the next value.
        let layout = FeatureBinLayout.numeric((1...100).map(Double.init), maxBins: 4)
        #expect(layout.upperBounds == [25.5, 50.5, 75.5, .infinity])
        #expect(layout.bin(of: 25) == 0)
        #expect(layout.bin(of: 26) == 1)
        #expect(layout.bin(of: 1e9) == 3)
    }

    @Test func heavyValueTakesSeveralQuotas() {
        // 0 holds 80% of the rows: it fills its own bin and the rest share the others.
        let values = [Double](repeating: 0, count: 80) + (1...20).map(Double.init)
        let layout = FeatureBinLayout.numeric(values, maxBins: 4)
        #expect(layout.upperBounds.first == 0.5)
        #expect(layout.valueBins <= 4)
    }

    @Test func constantAndAllMissingColumnsHaveOneBin() {
        #expect(FeatureBinLayout.numeric([3, 3, 3], maxBins: 255).valueBins == 1)
        #expect(FeatureBinLayout.numeric([.nan, .nan], maxBins: 255).valueBins == 1)
        #expect(FeatureBinLayout.numeric([], maxBins: 255).valueBins == 1)
    }

    @Test func categoriesAreBinnedByLevelIndex() {
        let layout = FeatureBinLayout.categorical(levels: 6)
        #expect([0.0, 5, 2].map(layout.bin(of:)) == [0, 5, 2])
        // Unseen (out of range), fractional and missing levels share the missing bin.
        #expect([6.0, -1, 1.5, .nan].map(layout.bin(of:)) == [6, 6, 6, 6])
    }

    @Test func matrixCodesAreStoredByRowAndByColumnWithHistogramOffsets() throws {
        let x = FeatureMatrix(rows: 3, columns: 2, values: [1, 2, .nan, 0, 1, 1], names: ["a", "b"],
                              categoryCounts: [0, 2])
        let binned = try BinnedMatrix.make(x, maxBins: 255)
        #expect(binned.rowCodes == [0, 0, 1, 1, 2, 1])
        #expect(binned.columnCodes == [0, 1, 2, 0, 1, 1])
        #expect(binned.binOffsets == [0, 3, 6])
        #expect(binned.totalBins == 6)
    }

    @Test func tooManyCategoriesIsAClearError() {
        let x = FeatureMatrix(rows: 1, columns: 1, values: [0], names: ["zip"], categoryCounts: [300])
        #expect(throws: ModelError("input 'zip' of gradient_boosting has 300 categories; at most 255 are supported")) {
            try BinnedMatrix.make(x, maxBins: 255)
        }
    }
}

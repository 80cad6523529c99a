import Foundation
import Testing
@testable import MLMCore

/// A tree grown on a table big enough for the parallel paths (histograms built by input groups on
/// both cores, rows partitioned in blocks): the rows end up exactly where the tree sends them, and
/// the histograms equal sums written the plain way. Scores equal the leaf values of plain walks.
@Suite struct GradientBoostingGrowerTests {
    static let rows = 70_000

    /// Four number inputs (one with missing values) and a category input with five levels.
    static func table() -> (FeatureMatrix, [GradientPair]) {
        var generator = SeededGenerator(seed: 11)
        var values = [Double](repeating: 0, count: rows * 5)
        var pairs: [GradientPair] = []
        for row in 0..<rows {
            let (a, b) = (generator.nextUnit(), generator.nextUnit())
            values[row] = a
            values[rows + row] = (b * 40).rounded()
            values[2 * rows + row] = row % 9 == 0 ? .nan : generator.nextUnit() * 1000
            values[3 * rows + row] = Double(row % 3)
            values[4 * rows + row] = Double(row % 5)
            let margin: Double = 4 * a - 2 + (row % 5 == 2 ? 1 : 0)
            let p = 1 / (1 + exp(-margin))
            pairs.append(GradientPair(p - (generator.nextUnit() < p ? 1 : 0), p * (1 - p)))
        }
        let x = FeatureMatrix(rows: rows, columns: 5, values: values, names: ["a", "b", "c", "d", "region"],
                              categoryCounts: [0, 0, 0, 0, 5])
        return (x, pairs)
    }

    @Test func everyRowEndsInTheLeafTheTreeSendsItTo() throws {
        let (x, pairs) = Self.table()
        let binned = try BinnedMatrix.make(x, maxBins: 255)
        var settings = BoostingSettings()
        settings.leaves = 31
        let grower = HistogramTreeGrower(binned: binned, settings: settings)
        let tree = pairs.withUnsafeBufferPointer { grower.grow(rows: nil, gradients: $0.baseAddress!, features: Array(0..<5)) }
        #expect(grower.leaves.count == 31)
        let categorical = [false, false, false, false, true]
        var seen = [Bool](repeating: false, count: Self.rows)
        var misplaced = 0, unordered = 0
        for (index, leaf) in grower.leaves.enumerated() {
            var previous = -1
            for position in leaf.begin..<(leaf.begin + leaf.count) {
                let row = Int(grower.order[position])
                seen[row] = true
                if row <= previous { unordered += 1 }
                previous = row
                if Self.leaf(of: tree, categorical: categorical, { x.values[$0 * Self.rows + row] }) != index {
                    misplaced += 1
                }
            }
        }
        #expect(seen.allSatisfy { $0 })
        #expect(misplaced == 0)
        #expect(unordered == 0)
    }

    /// The leaf a row reaches, walking the tree the plain way: the reference for the partition
    /// and for the scorer.
    static func leaf(of tree: BoostedTree, categorical: [Bool], _ value: (Int) -> Double) -> Int {
        guard tree.nodeCount > 0 else { return 0 }
        var node = 0
        while true {
            let feature = tree.feature[node], v = value(feature)
            let goesLeft = categorical[feature]
                ? Int(exactly: v).map { tree.leftCategories[node].contains($0) } ?? false
                : (v.isNaN ? tree.defaultLeft[node] : v <= tree.threshold[node])
            let next = goesLeft ? tree.left[node] : tree.right[node]
            if next < 0 { return ~next }
            node = next
        }
    }

    @Test func scoresAreTheTreesLeafValuesSummedInOrder() throws {
        // Three classes (one tree per class and round), missing numbers and a category input;
        // an odd row count leaves rows outside the four-row groups.
        let (full, _) = Self.table()
        let n = 5_003
        let x = full.gatheringRows(Array(0..<n))
        let target = Target.classes(labels: (0..<n).map { row in x.values[row] < 0.3 ? 0 : (row % 5 == 2 ? 1 : 2) },
                                    classes: ["a", "b", "c"])
        let model = try GradientBoosting.fit(x, target, parameters: Parameters(["trees": .integer(8), "leaves": .integer(15)]))
        let scores = model.rawScores(x)
        let categorical = x.categoryCounts.map { $0 > 0 }
        var mismatches = 0
        for row in 0..<n {
            var expected = model.initialScores
            for (t, tree) in model.trees.enumerated() {
                expected[t % 3] += tree.leafValues[Self.leaf(of: tree, categorical: categorical) { x.values[$0 * n + row] }]
            }
            for c in 0..<3 where scores[c * n + row] != expected[c] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(model.trees.contains { $0.nodeCount > 0 })
    }

    @Test func histogramsEqualPlainSums() throws {
        let (x, pairs) = Self.table()
        let binned = try BinnedMatrix.make(x, maxBins: 255)
        let histograms = NodeHistograms(binned: binned, maxLeaves: 4)
        // All rows twice (the second reuses the first's counts), then every third row.
        let subset = (0..<Int32(Self.rows)).filter { $0 % 3 == 0 }
        for rows in [nil, nil, subset] as [[Int32]?] {
            let slot = try #require(histograms.acquire())
            let count = rows?.count ?? Self.rows
            pairs.withUnsafeBufferPointer { gradients in
                if let rows {
                    rows.withUnsafeBufferPointer {
                        histograms.build(into: slot, rows: $0.baseAddress!, count: count, gradients: gradients.baseAddress!,
                                         features: Array(0..<5))
                    }
                } else {
                    histograms.build(into: slot, rows: nil, count: count, gradients: gradients.baseAddress!, features: Array(0..<5))
                }
            }
            var expected = [GradientStats](repeating: GradientStats(), count: binned.totalBins)
            for row in rows.map({ $0.map(Int.init) }) ?? Array(0..<Self.rows) {
                for feature in 0..<5 {
                    let bin = binned.binOffsets[feature] + Int(binned.columnCodes[feature * Self.rows + row])
                    expected[bin] += GradientStats(g: pairs[row].x, h: pairs[row].y, count: 1)
                }
            }
            let built = (0..<binned.totalBins).map { NodeHistograms.stats(histograms.pointer(slot), bin: $0) }
            #expect(built == expected)
            histograms.release(slot)
        }
    }
}

import Foundation
import Testing
@testable import MLMCore

@Suite struct KMeansTests {
    let fixture: SegmentationFixtures.KMeansFixture

    init() throws { fixture = try SegmentationFixtures.load("kmeans", as: SegmentationFixtures.KMeansFixture.self) }

    @Test func standardizationMatchesStandardScaler() {
        let scaling = FeatureStandardization(fitting: fixture.points)
        for d in 0..<fixture.columns {
            #expect(SegmentationFixtures.relativeDifference(scaling.means[d], fixture.means[d]) < 1e-12)
            #expect(SegmentationFixtures.relativeDifference(scaling.deviations[d], fixture.deviations[d]) < 1e-12)
        }
    }

    @Test func inertiaWithinOnePercentOfScikitLearn() throws {
        let z = FeatureStandardization(fitting: fixture.points).apply(fixture.points)
        for item in fixture.cases {
            let fit = try KMeans.fit(z, settings: KMeans.Settings(k: item.k, restarts: 10, seed: 3))
            #expect(fit.inertia <= item.inertia * 1.01, "k \(item.k): \(fit.inertia) vs sklearn \(item.inertia)")
            #expect(fit.centres.rows == item.k)
            #expect(Set(fit.labels).count == item.k)
        }
    }

    @Test func sameSeedGivesBitIdenticalCentres() throws {
        let settings = KMeans.Settings(k: 4, restarts: 3, seed: 9)
        let a = try KMeans.fit(fixture.points, settings: settings)
        let b = try KMeans.fit(fixture.points, settings: settings)
        #expect(a == b)
    }

    @Test func inertiaIsTheSumOfSquaredDistancesToTheAssignedCentres() throws {
        let z = FeatureStandardization(fitting: fixture.points).apply(fixture.points)
        let fit = try KMeans.fit(z, settings: KMeans.Settings(k: 3, restarts: 2))
        let (labels, distances) = KMeans.assign(z, centres: fit.centres)
        #expect(labels == fit.labels)
        #expect(SegmentationFixtures.relativeDifference(distances.reduce(0, +), fit.inertia) < 1e-9)
    }

    @Test func handComputedTwoClusters() throws {
        let points = PointSet(rows: 4, dimensions: 1, rowMajor: [0, 1, 10, 11])
        let fit = try KMeans.fit(points, settings: KMeans.Settings(k: 2))
        let centres = fit.centres.values.sorted()
        #expect(centres == [0.5, 10.5])
        #expect(fit.inertia == 1)
    }

    @Test func badInputGivesClearErrors() {
        let points = PointSet(rows: 3, dimensions: 1, rowMajor: [1, 2, 3])
        #expect(throws: ModelError("parameter 'k' of kmeans must be at most the number of rows (3); got 4")) {
            try KMeans.fit(points, settings: KMeans.Settings(k: 4))
        }
        #expect(throws: ModelError("kmeans needs at least one numeric feature; got none")) {
            try KMeans.fit(PointSet(rows: 3, dimensions: 0, rowMajor: []), settings: KMeans.Settings(k: 2))
        }
        #expect(throws: ModelError("parameter 'k' of kmeans must be at least 1; got 0")) {
            try KMeans.fit(points, settings: KMeans.Settings(k: 0))
        }
    }

    @Test func allMissingFeatureIsNamed() {
        let points = PointSet(columns: [[1, 2, 3], [.nan, .nan, .nan]])
        let request = Segmentation.Request(algorithm: "kmeans", features: ["spend", "visits"], points: points,
                                           parameters: Parameters(["k": .integer(2)]))
        #expect(throws: ModelError("kmeans cannot use the feature 'visits': every value is missing")) {
            try Segmentation.fit(request)
        }
    }

    @Test func aConstantFeatureIsNamedInsteadOfScaledBySdOne() {
        let points = PointSet(columns: [[1, 2, 3, 4], [7, 7, 7, 7]])
        let request = Segmentation.Request(algorithm: "kmeans", features: ["spend", "visits"], points: points,
                                           parameters: Parameters(["k": .integer(2)]))
        #expect(throws: ModelError("kmeans cannot use the feature 'visits': it is 7 in every row, so it cannot tell segments apart; leave it out")) {
            try Segmentation.fit(request)
        }
    }

    @Test func kAboveTheNumberOfDifferentPointsIsRefusedNotLeftEmpty() throws {
        let points = PointSet(columns: [[0, 1, 0, 1, 0, 1], [0, 3, 0, 3, 0, 3]])
        let fixed = Segmentation.Request(algorithm: "kmeans", features: ["spend", "visits"], points: points,
                                         parameters: Parameters(["k": .integer(3)]))
        #expect(throws: ModelError("the rows hold only 2 different points in spend, visits, so kmeans cannot find 3 segments; choose k 2 or fewer")) {
            try Segmentation.fit(fixed)
        }
        let ranged = Segmentation.Request(algorithm: "kmeans", features: ["spend", "visits"], points: points,
                                          parameters: Parameters([:]), kRange: 2...4)
        let outcome = try Segmentation.fit(ranged)
        #expect(outcome.model.clusterCount == 2)
        #expect(outcome.kTable.map(\.k) == [2])
        #expect(outcome.model.notes.contains("k tried up to 2 only: the rows hold only 2 different points"))
        #expect(Set(outcome.labels).count == 2)
    }

    @Test func constantColumnsAndOneRowDoNotTrap() throws {
        let constant = PointSet(columns: [[5, 5, 5, 5], [1, 1, 1, 1]])
        let fit = try KMeans.fit(constant, settings: KMeans.Settings(k: 2))
        #expect(fit.inertia == 0)
        let one = try KMeans.fit(PointSet(rows: 1, dimensions: 2, rowMajor: [1, 2]), settings: KMeans.Settings(k: 1))
        #expect(one.labels == [0])
    }

    @Test func kAutoChoosesTheBestSilhouette() throws {
        let z = FeatureStandardization(fitting: fixture.points).apply(fixture.points)
        let outcome = try KChoice.choose(z, range: 2...6, settings: KMeans.Settings(k: 2, restarts: 4))
        #expect(outcome.rows.map(\.k) == [2, 3, 4, 5, 6])
        #expect(outcome.chosen == 3)
        let best = outcome.rows.compactMap(\.silhouette).max()
        #expect(outcome.rows.first { $0.k == outcome.chosen }?.silhouette == best)
    }
}

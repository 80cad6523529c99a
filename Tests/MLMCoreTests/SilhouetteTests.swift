import Foundation
import Testing
@testable import MLMCore

@Suite struct SilhouetteTests {
    @Test func equalsScikitLearnToOneBillionth() throws {
        let fixture = try SegmentationFixtures.load("silhouette", as: SegmentationFixtures.SilhouetteFixture.self)
        let score = try #require(Silhouette.score(fixture.points, labels: fixture.labels))
        #expect(abs(score - fixture.score) < 1e-9, "\(score) vs \(fixture.score)")
    }

    @Test func handComputedCase() throws {
        // Clusters {0, 1} and {4}: point 0 a = 1, b = 4 → 0.75; point 1 a = 1, b = 3 → 2/3;
        // point 4 alone → 0. Mean (0.75 + 2/3) / 3.
        let points = PointSet(rows: 3, dimensions: 1, rowMajor: [0, 1, 4])
        let score = try #require(Silhouette.score(points, labels: [0, 0, 1]))
        #expect(abs(score - (0.75 + 2.0 / 3.0) / 3) < 1e-15)
    }

    @Test func undefinedForOneClusterAndNoiseIsLeftOut() {
        let points = PointSet(rows: 3, dimensions: 1, rowMajor: [0, 1, 4])
        #expect(Silhouette.score(points, labels: [0, 0, 0]) == nil)
        #expect(Silhouette.score(points, labels: [0, 1, -1]) == nil)
    }

    @Test func largeTablesAreScoredOnASeededSample() {
        let n = Silhouette.sampleSize + 500
        let points = PointSet(rows: n, dimensions: 1, rowMajor: (0..<n).map { Double($0 % 2) * 10 + Double($0) * 1e-6 })
        let labels = (0..<n).map { $0 % 2 }
        let a = Silhouette.sampledScore(points, labels: labels, seed: 1)
        let b = Silhouette.sampledScore(points, labels: labels, seed: 1)
        #expect(a.sampled == Silhouette.sampleSize)
        #expect(a.score == b.score)
        #expect(a.score! > 0.99)
    }
}

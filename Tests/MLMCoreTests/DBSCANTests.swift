import Foundation
import Testing
@testable import MLMCore

@Suite struct DBSCANTests {
    @Test func labelsEqualScikitLearn() throws {
        let fixture = try SegmentationFixtures.load("dbscan", as: SegmentationFixtures.DBSCANFixture.self)
        for item in fixture.cases {
            let fit = try DBSCAN.fit(fixture.points, eps: item.eps, minPoints: item.minSamples)
            // The border rule and cluster numbering follow scikit-learn, so labels are equal as they are.
            #expect(fit.labels == item.labels, "eps \(item.eps), min_samples \(item.minSamples)")
        }
    }

    @Test func handComputedBorderAndNoise() throws {
        // 0, 0.5, 1 are core (3 within 0.6 counting themselves? 0.5 has 0 and 1); 1.5 is a border
        // point of the cluster; 5 is noise.
        let points = PointSet(rows: 5, dimensions: 1, rowMajor: [0, 0.5, 1, 1.5, 5])
        let fit = try DBSCAN.fit(points, eps: 0.5, minPoints: 3)
        #expect(fit.isCore == [false, true, true, false, false])
        #expect(fit.labels == [0, 0, 0, 0, -1])
        #expect(fit.noiseCount == 1)
    }

    @Test func epsMustBePositive() {
        let points = PointSet(rows: 2, dimensions: 1, rowMajor: [0, 1])
        #expect(throws: ModelError("parameter 'eps' of dbscan must be a number above 0; got 0")) {
            try DBSCAN.fit(points, eps: 0, minPoints: 2)
        }
        #expect(throws: ModelError("parameter 'eps' of dbscan must be a number above 0; got -1")) {
            try DBSCAN.fit(points, eps: -1, minPoints: 2)
        }
    }

    @Test func suggestedEpsFindsTheMoons() throws {
        let fixture = try SegmentationFixtures.load("dbscan", as: SegmentationFixtures.DBSCANFixture.self)
        let suggestion = try EpsSuggestion.suggest(fixture.points, minPoints: 5, seed: 0)
        #expect(suggestion.eps > 0.05 && suggestion.eps < 0.4, "\(suggestion.eps)")
        let fit = try DBSCAN.fit(fixture.points, eps: suggestion.eps, minPoints: 5)
        #expect(fit.clusters >= 2)
    }

    @Test func newPointsJoinTheNearestCoreWithinEps() throws {
        let points = PointSet(rows: 6, dimensions: 1, rowMajor: [0, 0.1, 0.2, 5, 5.1, 5.2])
        let fit = try DBSCAN.fit(points, eps: 0.15, minPoints: 2)
        #expect(fit.labels == [0, 0, 0, 1, 1, 1])
        let labels = DBSCAN.assign(PointSet(rows: 3, dimensions: 1, rowMajor: [0.05, 5.3, 2.5]),
                                   corePoints: points, coreLabels: fit.labels, eps: 0.15)
        #expect(labels == [0, 1, -1])
    }

    @Test func manyPointsUseTheTree() throws {
        // 20,000 points on a grid: every point has its 4 grid neighbours within eps 1.
        let side = 141
        var values: [Double] = []
        for i in 0..<side { for j in 0..<side { values += [Double(i), Double(j)] } }
        let points = PointSet(rows: side * side, dimensions: 2, rowMajor: values)
        let fit = try DBSCAN.fit(points, eps: 1, minPoints: 5)
        #expect(fit.clusters == 1)
        #expect(fit.noiseCount == 4)  // the corners have only 2 neighbours, none of them core
    }
}

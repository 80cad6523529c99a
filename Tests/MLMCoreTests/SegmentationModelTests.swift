import Foundation
import Testing
@testable import MLMCore

@Suite struct SegmentationModelTests {
    func points() -> PointSet {
        PointSet(columns: [[1, 2, 1.5, 20, 21, 22, 40, 41], [100, 120, 110, 500, 520, 510, 900, 950]])
    }

    @Test(arguments: ["kmeans", "dbscan"])
    func modelFileRoundTripAssignsIdentically(_ algorithm: String) throws {
        let parameters = algorithm == "kmeans"
            ? Parameters(["k": .integer(3), "seed": .integer(1)])
            : Parameters(["eps": .number(0.5), "min_points": .integer(2)])
        let outcome = try Segmentation.fit(.init(algorithm: algorithm, features: ["spend", "visits"], points: points(), parameters: parameters))
        #expect(outcome.model.assign(points()) == outcome.labels)
        let data = try ModelFile.encode(.segmentation(outcome.model), mlmVersion: "test")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"kind\" : \"segmentation\""))
        guard case .segmentation(let loaded) = try ModelFile.decodeAny(data) else {
            Issue.record("expected a segmentation")
            return
        }
        #expect(loaded == outcome.model)
        #expect(loaded.assign(points()) == outcome.labels)
        #expect(try ModelFile.encode(.segmentation(loaded), mlmVersion: "test") == data)
        #expect(throws: ModelError("this model file holds a segmentation, not a model that predicts a target")) {
            try ModelFile.decode(data)
        }
    }

    @Test func filesWithoutAKindAreSupervisedModels() throws {
        let frame = ModelFileTests().trainingTable()
        let spec = try #require(AlgorithmRegistry.algorithm(named: "logistic"))
        let model = try SupervisedTraining.train(frame, .init(target: "bought", positive: .string("yes"), algorithm: spec,
                                                              parameters: Parameters(), classWeight: nil, rows: Array(0..<frame.rowCount)))
        let data = try ModelFile.encode(model, mlmVersion: "test")
        #expect(String(decoding: data, as: UTF8.self).contains("\"kind\" : \"supervised\""))
        // A file written before segmentations existed has no kind.
        var json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        json.removeValue(forKey: "kind")
        json.removeValue(forKey: "digest")
        let old = try JSONSerialization.data(withJSONObject: json)
        let loaded = try ModelFile.decode(old)
        let (a, _) = try model.predict(frame)
        let (b, _) = try loaded.predict(frame)
        #expect(a == b)
        guard case .supervised = try ModelFile.decodeAny(old) else {
            Issue.record("a file without kind must read as supervised")
            return
        }
    }

    @Test func centresAreReportedInOriginalUnits() throws {
        let outcome = try Segmentation.fit(.init(algorithm: "kmeans", features: ["spend", "visits"], points: points(),
                                                 parameters: Parameters(["k": .integer(3)])))
        let centres = outcome.model.centresInOriginalUnits.sorted { $0[0] < $1[0] }
        #expect(abs(centres[0][0] - 1.5) < 1e-9)
        #expect(abs(centres[2][1] - 925) < 1e-9)
    }

    @Test func dbscanWithoutEpsSuggestsOne() throws {
        let outcome = try Segmentation.fit(.init(algorithm: "dbscan", features: ["spend", "visits"], points: points(),
                                                 parameters: Parameters(["min_points": .integer(2)])))
        #expect(outcome.epsSuggestion != nil)
        #expect(outcome.model.eps == outcome.epsSuggestion?.eps)
    }

    @Test func profileGivesSizesMeansAndIndices() throws {
        let frame = DataFrame(columns: [
            Column(name: "segment", strings: ["1", "1", "2", "2"]),
            Column(name: "spend", numbers: [10, 30, 100, 60]),
            Column(name: "city", strings: ["Paris", "Paris", "Rome", "Paris"]),
        ])
        let profile = try SegmentProfile.build(frame, by: "segment", features: ["spend", "city"])
        #expect(profile.overall.cells[0] == .mean(50, index: nil))
        #expect(profile.groups.map(\.label) == ["1", "2"])
        #expect(profile.groups[0].size == 2 && profile.groups[0].share == 0.5)
        #expect(profile.groups[0].cells[0] == .mean(20, index: 40))
        guard case .top("Paris", 1, let first?) = profile.groups[0].cells[1],
              case .top("Paris", 0.5, let second?) = profile.groups[1].cells[1] else {
            Issue.record("expected Paris on top in both segments")
            return
        }
        #expect(abs(first - 400.0 / 3) < 1e-9)
        #expect(abs(second - 200.0 / 3) < 1e-9)
    }
}

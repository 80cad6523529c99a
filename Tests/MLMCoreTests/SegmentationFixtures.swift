import Foundation
import Testing
import MLMCore

/// Fixtures made by Fixtures/segmentation/make_fixtures.py with scikit-learn; points row-major.
enum SegmentationFixtures {
    struct KMeansFixture: Decodable {
        struct Case: Decodable { let k: Int; let inertia: Double }
        let rows: Int, columns: Int, x: [Double], means: [Double], deviations: [Double], cases: [Case]
        var points: PointSet { PointSet(rows: rows, dimensions: columns, rowMajor: x) }
    }

    struct SilhouetteFixture: Decodable {
        let rows: Int, columns: Int, x: [Double], labels: [Int], score: Double
        var points: PointSet { PointSet(rows: rows, dimensions: columns, rowMajor: x) }
    }

    struct DBSCANFixture: Decodable {
        struct Case: Decodable {
            let eps: Double
            let minSamples: Int
            let labels: [Int]
            enum CodingKeys: String, CodingKey { case eps, minSamples = "min_samples", labels }
        }
        let rows: Int, columns: Int, x: [Double], cases: [Case]
        var points: PointSet { PointSet(rows: rows, dimensions: columns, rowMajor: x) }
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json",
                                                 subdirectory: "Fixtures/segmentation"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(abs(b), 1e-300)
    }
}

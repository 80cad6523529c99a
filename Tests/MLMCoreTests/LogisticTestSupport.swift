import Foundation
import Testing
import MLMCore

/// Fixture loading and float comparison shared by the linear-area suites (logistic, linear and
/// ridge regression, k-nearest neighbours, naive Bayes). The fixtures are made by
/// Fixtures/linear/make_fixtures.py.
struct LinearFixture {
    let json: [String: Any]

    init(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/linear/\(name)", withExtension: "json"))
        json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    subscript(_ key: String) -> Any? { json[key] }

    func matrix(_ key: String, namesKey: String = "names") throws -> FeatureMatrix {
        let columns = try #require(json[key] as? [[Double]])
        let names = try #require(json[namesKey] as? [String])
        return FeatureMatrix(rows: columns.first?.count ?? 0, columns: columns.count,
                             values: Array(columns.joined()), names: names)
    }

    func classTarget(_ key: String = "y_train", classes: [String]? = nil) throws -> Target {
        let labels = try #require(json[key] as? [Int])
        let names = classes ?? (json["classes"] as? [String]) ?? ["0", "1"]
        return .classes(labels: labels, classes: names)
    }

    func numbers(_ path: String...) throws -> [Double] {
        var node: Any? = json
        for key in path { node = (node as? [String: Any])?[key] }
        return try #require(node as? [Double])
    }

    func case_(_ path: String...) throws -> [String: Any] {
        var node: Any? = json
        for key in path { node = (node as? [String: Any])?[key] }
        return try #require(node as? [String: Any])
    }
}

/// Every pair within `relative` of each other, relative to the larger magnitude (or `floor`
/// for numbers near zero, where a relative test means nothing).
func expectClose(_ actual: [Double], _ expected: [Double], relative: Double, floor: Double = 1e-12,
                 _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    var worst = 0.0, worstIndex = -1
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        let error = abs(a - e) / max(abs(a), abs(e), floor)
        if !(error <= worst) { worst = error; worstIndex = i }
    }
    #expect(worst <= relative, "\(what): worst relative error \(worst) at \(worstIndex): \(worstIndex >= 0 ? "\(actual[worstIndex]) vs \(expected[worstIndex])" : "")",
            sourceLocation: sourceLocation)
}

/// Every pair within `absolute` of each other.
func expectNear(_ actual: [Double], _ expected: [Double], absolute: Double, _ what: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    var worst = 0.0, worstIndex = -1
    for (i, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= worst) {
        worst = abs(a - e)
        worstIndex = i
    }
    #expect(worst <= absolute, "\(what): worst absolute error \(worst) at \(worstIndex)", sourceLocation: sourceLocation)
}

func probabilities(_ predictions: Predictions) -> [Double] {
    if case .probabilities(let values, _) = predictions { return values }
    return []
}

func predictedValues(_ predictions: Predictions) -> [Double] {
    if case .values(let values) = predictions { return values }
    return []
}

/// Encodes a model to JSON and decodes it back through its algorithm's `decode`, as a model
/// file would.
func roundTrip(_ model: any TrainedModel, _ algorithm: Algorithm) throws -> any TrainedModel {
    struct Box: Encodable {
        let model: any TrainedModel
        func encode(to encoder: Encoder) throws { try model.encode(to: encoder) }
    }
    struct Unbox: Decodable {
        static let key = CodingUserInfoKey(rawValue: "decodeModel")!
        let model: any TrainedModel
        init(from decoder: Decoder) throws {
            let decode = try #require(decoder.userInfo[Unbox.key] as? @Sendable (Decoder) throws -> any TrainedModel)
            model = try decode(decoder)
        }
    }
    let data = try JSONEncoder().encode(Box(model: model))
    let decoder = JSONDecoder()
    decoder.userInfo[Unbox.key] = algorithm.decode
    return try decoder.decode(Unbox.self, from: data).model
}

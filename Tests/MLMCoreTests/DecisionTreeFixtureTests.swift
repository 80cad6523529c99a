import Foundation
import Testing
import MLMCore

/// A fixture made by Fixtures/trees/make_fixtures.py with scikit-learn: training and test rows
/// (column-major) and, per case, the predictions every tested random state of scikit-learn gave.
struct TreeFixture: Decodable {
    struct Case: Decodable {
        let parameters: [String: TreeFixtureValue]
        /// For each test row, the distinct predictions scikit-learn gave over 30 random states.
        let alternatives: [[[Double]]]
        let depth: Int
        let leaves: Int
        /// Present when all 30 random states agree on them.
        let importances: [Double]?
        let weights: [Double]?
    }

    let rows: Int
    let columns: Int
    let x: [Double]
    let y: [Double]
    let testRows: Int
    let xTest: [Double]
    let classes: [String]?
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case rows, columns, x, y, testRows = "test_rows", xTest = "x_test", classes, cases
    }

    static func load<T: Decodable>(_ name: String, as type: T.Type = TreeFixture.self) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/trees"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func matrix(_ values: [Double], rows: Int, columns: Int) -> FeatureMatrix {
        FeatureMatrix(rows: rows, columns: columns, values: values, names: (0..<columns).map { "x\($0)" })
    }

    var train: FeatureMatrix { Self.matrix(x, rows: rows, columns: columns) }
    var test: FeatureMatrix { Self.matrix(xTest, rows: testRows, columns: columns) }

    var target: Target {
        guard let classes else { return .values(y) }
        return .classes(labels: y.map { Int($0) }, classes: classes)
    }
}

/// A parameter as written in the fixture: a whole number, a number or a word.
struct TreeFixtureValue: Decodable {
    let value: ParameterValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            value = .integer(n)
        } else if let d = try? container.decode(Double.self) {
            value = .number(d)
        } else {
            value = .text(try container.decode(String.self))
        }
    }

    static func parameters(_ raw: [String: TreeFixtureValue]) -> Parameters {
        Parameters(raw.mapValues(\.value))
    }
}

/// Whether two numbers agree to a few units in the last place (computed in a different order).
func treeClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite struct DecisionTreeFixtureTests {
    /// Every test row's prediction must be one scikit-learn gave; when scikit-learn's tree
    /// does not depend on its random state at all, depth, leaves and importances must match too.
    private func check(_ name: String) throws {
        let fixture = try TreeFixture.load(name)
        for sample in fixture.cases {
            let parameters = TreeFixtureValue.parameters(sample.parameters)
            let model = try DecisionTree.fit(fixture.train, fixture.target, weights: sample.weights, parameters: parameters)
            let outputs = fixture.classes?.count ?? 1
            let scores: [Double]
            switch model.predict(fixture.test) {
            case .probabilities(let p, let classCount):
                #expect(classCount == outputs)
                scores = p
            case .values(let v): scores = v
            }
            var mismatches = 0
            for row in 0..<fixture.testRows {
                let mine = Array(scores[(row * outputs)..<((row + 1) * outputs)])
                let agrees = sample.alternatives[row].contains { theirs in
                    zip(mine, theirs).allSatisfy { treeClose($0, $1) }
                }
                mismatches += agrees ? 0 : 1
            }
            #expect(mismatches == 0, "\(name) \(sample.parameters.keys.sorted()): \(mismatches) rows differ from scikit-learn")
            guard let importances = sample.importances,
                  sample.alternatives.allSatisfy({ $0.count == 1 }) else { continue }
            #expect(model.depth == sample.depth, "\(name) \(sample.parameters.keys.sorted())")
            #expect(model.leafCount == sample.leaves, "\(name) \(sample.parameters.keys.sorted())")
            #expect(zip(model.featureImportances, importances).allSatisfy { treeClose($0, $1, tolerance: 1e-9) },
                    "\(name): \(model.featureImportances) vs \(importances)")
        }
    }

    @Test func twoClassesMatchScikitLearn() throws {
        try check("tree_binary")
    }

    @Test func threeClassesMatchScikitLearn() throws {
        try check("tree_three_classes")
    }

    @Test func regressionMatchesScikitLearn() throws {
        try check("tree_regression")
    }

    /// Guards the fixtures themselves: most rows must not depend on scikit-learn's random
    /// state, or matching one of its answers would prove little.
    @Test func mostFixtureRowsHaveOneAnswer() throws {
        for name in ["tree_binary", "tree_three_classes"] {
            let fixture = try TreeFixture.load(name)
            for sample in fixture.cases {
                let stable = sample.alternatives.filter { $0.count == 1 }.count
                #expect(stable * 4 >= fixture.testRows * 3, "\(name): only \(stable) stable rows")
            }
        }
    }
}

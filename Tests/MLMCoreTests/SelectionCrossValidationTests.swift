import Foundation
import Testing
@testable import MLMCore

/// Cross-validation against scikit-learn (Fixtures/selection/cv_logistic.json, made by
/// make_fixtures.py): on scikit-learn's StratifiedKFold folds, the per-fold ROC-AUC of logistic
/// regression equals `cross_val_score` to 1e-9. Also the fold rule, parallel determinism and errors.
@Suite struct SelectionCrossValidationTests {
    struct Fixture: Decodable {
        let rows: Int
        let columns: Int
        let x: [Double]
        let y: [Int]
        let folds: [Int]
        let foldAUC: [Double]

        enum CodingKeys: String, CodingKey { case rows, columns, x, y, folds, foldAUC = "fold_auc" }
    }

    static func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "cv_logistic", withExtension: "json", subdirectory: "Fixtures/selection"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// A table with number columns x0… and a yes/no target y.
    static func frame(x: [Double], y: [Int], rows: Int, columns: Int) -> DataFrame {
        var columnsList = (0..<columns).map { c in
            Column(name: "x\(c)", type: .number, numbers: Array(x[(c * rows)..<((c + 1) * rows)]))
        }
        columnsList.append(Column(name: "y", type: .category, strings: y.map { $0 == 1 ? "yes" : "no" }))
        return DataFrame(columns: columnsList)
    }

    static func logistic() -> Candidate {
        let parameters = LogisticRegression.algorithm.parametersWithDefaults(
            Parameters(["tolerance": .number(1e-10), "iterations": .integer(10000)]))
        return Candidate(label: "logistic", algorithm: LogisticRegression.algorithm, parameters: parameters)
    }

    @Test func foldAUCMatchesScikitLearnOnTheSameFolds() throws {
        let f = try Self.fixture()
        let frame = Self.frame(x: f.x, y: f.y, rows: f.rows, columns: f.columns)
        let problem = try SelectionProblem(frame: frame, target: "y", positive: .string("yes"), rows: Array(0..<f.rows))
        let folds = try FoldAssignment(foldOfRow: f.folds, count: 5)
        let scores = try CrossValidation.score(problem, [Self.logistic()], folds: folds, metrics: [.auc, .logLoss])
        let auc = scores[0].foldValues.map { $0[0] }
        for (ours, theirs) in zip(auc, f.foldAUC) {
            #expect(abs(ours - theirs) <= 1e-9 * max(1, abs(theirs)), "fold AUC \(ours) vs scikit-learn \(theirs)")
        }
        let mean = f.foldAUC.reduce(0, +) / 5
        #expect(abs(scores[0].mean(.auc) - mean) <= 1e-9)
    }

    @Test func stratifiedFoldsFollowTheDocumentedRule() throws {
        // Class 0: rows 0,1,2,3 ; class 1: rows 4,5. Shuffle each class with one generator, then deal.
        let labels = [0, 0, 0, 0, 1, 1]
        let folds = try FoldAssignment.stratified(labels: labels, folds: 2, seed: 7)
        var generator = SeededGenerator(seed: 7)
        var zeros = [0, 1, 2, 3], ones = [4, 5]
        generator.shuffle(&zeros)
        generator.shuffle(&ones)
        var expected = [Int](repeating: 0, count: 6)
        for (i, row) in (zeros + ones).enumerated() { expected[row] = i % 2 }
        #expect(folds.foldOfRow == expected)
        // Every fold gets each class within one.
        for fold in 0..<2 {
            let test = folds.split(fold).test
            #expect(test.filter { labels[$0] == 1 }.count == 1)
            #expect(test.filter { labels[$0] == 0 }.count == 2)
        }
    }

    @Test func sameSeedSameScoresWhateverTheThreads() throws {
        let f = try Self.fixture()
        let frame = Self.frame(x: f.x, y: f.y, rows: f.rows, columns: f.columns)
        let problem = try SelectionProblem(frame: frame, target: "y", positive: .string("yes"), rows: Array(0..<f.rows))
        let folds = try problem.folds(4, seed: 3)
        let forest = Candidate(label: "random_forest", algorithm: RandomForest.algorithm,
                               parameters: RandomForest.algorithm.parametersWithDefaults(Parameters(["trees": .integer(10)])))
        let first = try CrossValidation.score(problem, [Self.logistic(), forest], folds: folds, metrics: [.auc, .f1])
        let second = try CrossValidation.score(problem, [Self.logistic(), forest], folds: folds, metrics: [.auc, .f1])
        #expect(first.map(\.foldValues) == second.map(\.foldValues))
        #expect(first[1].outOfFold == second[1].outOfFold)
    }

    @Test func foldErrorsNameTheConstraint() throws {
        #expect(throws: ModelError("cv 5 needs at least 5 rows of every class, but the smallest class has 3; use cv 3 or fewer")) {
            try FoldAssignment.stratified(labels: [0, 0, 0, 0, 0, 1, 1, 1], folds: 5, seed: 1)
        }
        #expect(throws: ModelError("cv must be a whole number of at least 2 folds; got 1")) {
            try FoldAssignment.shuffled(rows: 10, folds: 1, seed: 1)
        }
        #expect(throws: ModelError("fold 2 of 2 has no rows; use fewer folds")) {
            try FoldAssignment(foldOfRow: [0, 0, 0], count: 2)
        }
    }

    @Test func gridAndRandomSearchAreSeededAndComplete() throws {
        let axes = [ParameterSearch.Axis(name: "depth", values: [.integer(2), .integer(3)]),
                    ParameterSearch.Axis(name: "rate", values: [.number(0.1), .number(0.3), .number(0.5)])]
        let grid = try ParameterSearch.grid(axes, base: Parameters())
        #expect(grid.count == 6)
        #expect(grid[1] == Parameters(["depth": .integer(2), "rate": .number(0.3)]))
        let sample = try ParameterSearch.random(axes, base: Parameters(), trials: 4, seed: 9)
        #expect(sample.count == 4 && Set(sample.map { "\($0.values)" }).count == 4)
        #expect(try ParameterSearch.random(axes, base: Parameters(), trials: 4, seed: 9) == sample)
        #expect(throws: ModelError("parameter 'rate' has no values to try")) {
            try ParameterSearch.grid([ParameterSearch.Axis(name: "rate", values: [])], base: Parameters())
        }
    }
}

import Foundation
import Testing
@testable import MLMCore

/// Reasons and permutation importance of linear models come from coefficient × change instead of
/// a prediction per changed column (`ColumnChanges`); both ways must give the same answers, for
/// plain numbers, a number with its missing flag and one-hot levels moved together.
@Suite struct ColumnChangesTests {
    private let encoding = FeatureEncoding(inputs: [.number(column: "age", fill: 40, missingIndicator: true),
                                                    .category(column: "job", levels: ["a", "b", "c"]),
                                                    .number(column: "spend", fill: 0, missingIndicator: false)], leftOut: [])

    /// Seeded rows of the encoding above with a target that depends on every column.
    private func data(rows: Int) -> (FeatureMatrix, [Int], [Double]) {
        var generator = SeededGenerator(seed: 7)
        var age = [Double](), flag = [Double](), jobs = [[Double]](repeating: [], count: 3), spend = [Double]()
        var labels = [Int](), values = [Double]()
        for _ in 0..<rows {
            let missing = Double.random(in: 0..<1, using: &generator) < 0.1
            age.append(missing ? 40 : Double.random(in: 18..<80, using: &generator))
            flag.append(missing ? 1 : 0)
            let job = Int.random(in: 0..<3, using: &generator)
            for l in 0..<3 { jobs[l].append(l == job ? 1 : 0) }
            spend.append(Double.random(in: 0..<500, using: &generator))
            let z = 0.05 * (age.last! - 45) + [0.8, -0.4, 0][job] + 0.004 * (spend.last! - 250) + (missing ? 0.5 : 0)
            labels.append(Double.random(in: 0..<1, using: &generator) < 1 / (1 + exp(-z)) ? 1 : 0)
            values.append(z + Double.random(in: -0.3..<0.3, using: &generator))
        }
        let x = FeatureMatrix(rows: rows, columns: 6, values: age + flag + jobs.joined() + spend, names: encoding.outputNames)
        return (x, labels, values)
    }

    @Test func linearReasonsEqualThePredictionPerColumn() throws {
        let (x, labels, values) = data(rows: 120)
        let columns = SourceColumns(encoding)
        let reference = columns.reference(from: x)
        let logistic = try LogisticRegression.fit(x, .classes(labels: labels, classes: ["no", "yes"]))
        let linear = try LinearRegression.fit(x, .values(values))
        for model in [logistic as any TrainedModel, linear] {
            let fast = ReasonCodes.compute(x: x, columns: columns, reference: reference, model: model, predict: model.predict)
            let full = ReasonCodes.compute(x: x, columns: columns, reference: reference, predict: model.predict)
            #expect(fast.map { $0.map(\.column) } == full.map { $0.map(\.column) }, "\(model.algorithm)")
            expectNear(fast.flatMap { $0.map(\.effect) }, full.flatMap { $0.map(\.effect) }, absolute: 1e-12, "\(model.algorithm) effects")
        }
    }

    @Test func linearPermutationImportanceEqualsThePredictionPerShuffle() throws {
        let (x, labels, values) = data(rows: 150)
        let columns = SourceColumns(encoding)
        let permutation = PermutationImportance.seededPermutation(rows: x.rows, seed: 3)
        let logistic = try LogisticRegression.fit(x, .classes(labels: labels, classes: ["no", "yes"]))
        let linear = try LinearRegression.fit(x, .values(values))
        for (model, metric, targets) in [(logistic as any TrainedModel, SelectionMetric.logLoss, labels.map(Double.init)),
                                         (linear, .rmse, values)] {
            let fast = try PermutationImportance.compute(x: x, labels: targets, columns: columns, metric: metric, repeats: 4,
                                                         permutation: permutation, model: model, predict: model.predict)
            let full = try PermutationImportance.compute(x: x, labels: targets, columns: columns, metric: metric, repeats: 4,
                                                         permutation: permutation, predict: model.predict)
            #expect(abs(fast.baseline - full.baseline) <= 1e-12)
            expectNear(fast.rows.flatMap(\.values), full.rows.flatMap(\.values), absolute: 1e-12, "\(model.algorithm) importance")
            #expect(fast.rows.allSatisfy { $0.mean != 0 }, "every column matters to the target")
        }
    }

    @Test func theWorkingCopyIsRestoredBetweenColumns() throws {
        // A model that is not linear: reasons come from predictions on a shared working copy, so
        // one column's change must be undone before the next column's is made.
        let (x, labels, _) = data(rows: 60)
        let columns = SourceColumns(encoding)
        let reference = columns.reference(from: x)
        let tree = try DecisionTree.fit(x, .classes(labels: labels, classes: ["no", "yes"]))
        let reasons = ReasonCodes.compute(x: x, columns: columns, reference: reference, predict: tree.predict)
        let base = RowScore.scores(tree.predict(x))
        for c in 0..<columns.count {
            var changed = x
            columns.setToReference(&changed, c, reference)
            let moved = RowScore.scores(tree.predict(changed))
            for row in 0..<x.rows {
                let effect = base[row] - moved[row]
                let listed = reasons[row].first { $0.column == columns.names[c] }
                if let listed { #expect(listed.effect == effect) } else { #expect(effect == 0 || reasons[row].count == 3) }
            }
        }
    }
}

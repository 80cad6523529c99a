import Foundation
import Testing
@testable import MLMCore

/// Every metric against scikit-learn 1.9.1 on seeded random predictions: binary with ties,
/// imbalanced and coarse scores, three and four classes (one rare, never predicted),
/// regression with zeros in the actual values. Fixtures and the script that made them are in
/// Fixtures/metrics/.
@Suite("Metrics against scikit-learn")
struct MetricScikitLearnTests {
    @Test func binaryCasesMatchScikitLearn() throws {
        let cases = try loadFixture([BinaryCase].self, "binary")
        #expect(cases.count == 3)
        for fixture in cases {
            let labels = fixture.labels, scores = fixture.scores
            expectClose(ClassificationMetrics.accuracy(labels: labels, predicted: fixture.predicted), fixture.accuracy, fixture.name)
            expectClose(ClassificationMetrics.accuracy(labels: labels, predicted: fixture.predicted, weights: fixture.weights),
                        fixture.weightedAccuracy, fixture.name)
            #expect(ClassificationMetrics.confusionMatrix(labels: labels, predicted: fixture.predicted, classCount: 2)
                    == fixture.confusionMatrix, "\(fixture.name)")
            expectReports(labels: labels, predicted: fixture.predicted, classCount: 2,
                          perClass: fixture.perClass, macro: fixture.macro, weighted: fixture.weighted, fixture.name)
            expectClose(try #require(ClassificationMetrics.rocAUC(labels: labels, scores: scores)), fixture.rocAUC, fixture.name)
            expectClose(try #require(ClassificationMetrics.averagePrecision(labels: labels, scores: scores)),
                        fixture.averagePrecision, fixture.name)
            let probabilities = scores.flatMap { [1 - $0, $0] }
            expectClose(ClassificationMetrics.logLoss(labels: labels, probabilities: probabilities, classCount: 2),
                        fixture.logLoss, fixture.name)
            expectClose(ClassificationMetrics.brierScore(labels: labels, scores: scores), fixture.brierScore, fixture.name)
        }
    }

    @Test func binaryCurvesMatchScikitLearn() throws {
        for fixture in try loadFixture([BinaryCase].self, "binary") {
            let roc = ClassificationMetrics.rocCurve(labels: fixture.labels, scores: fixture.scores)
            expectAllClose(roc.falsePositiveRate, fixture.rocCurve.fpr, "\(fixture.name) fpr")
            expectAllClose(roc.truePositiveRate, fixture.rocCurve.tpr, "\(fixture.name) tpr")
            #expect(roc.thresholds.first == .infinity)
            #expect(Array(roc.thresholds.dropFirst()) == fixture.rocCurve.thresholds, "\(fixture.name)")
            let pr = ClassificationMetrics.precisionRecallCurve(labels: fixture.labels, scores: fixture.scores)
            expectAllClose(pr.precision, fixture.prCurve.precision, "\(fixture.name) precision")
            expectAllClose(pr.recall, fixture.prCurve.recall, "\(fixture.name) recall")
            #expect(pr.thresholds == fixture.prCurve.thresholds, "\(fixture.name)")
        }
    }

    @Test func binaryThresholdsAndLiftMatchReference() throws {
        for fixture in try loadFixture([BinaryCase].self, "binary") {
            #expect(ClassificationMetrics.bestF1Threshold(labels: fixture.labels, scores: fixture.scores)
                    == fixture.bestF1Threshold, "\(fixture.name)")
            #expect(ClassificationMetrics.threshold(forRecall: fixture.recallTarget, labels: fixture.labels,
                                                    scores: fixture.scores) == fixture.thresholdForRecall, "\(fixture.name)")
            let table = ClassificationMetrics.liftTable(labels: fixture.labels, scores: fixture.scores, groups: 10)
            try #require(table.count == fixture.liftTable.count)
            for (row, expected) in zip(table, fixture.liftTable) {
                let counts: [Int] = [row.group, row.rows, row.positives, row.cumulativeRows, row.cumulativePositives]
                let expectedCounts: [Int] = [expected.group, expected.rows, expected.positives,
                                             expected.cumulativeRows, expected.cumulativePositives]
                #expect(counts == expectedCounts, "\(fixture.name) group \(row.group)")
                expectAllClose([row.rate, row.lift, row.cumulativeGain, row.cumulativeLift],
                               [expected.rate, expected.lift, expected.cumulativeGain, expected.cumulativeLift],
                               "\(fixture.name) group \(row.group)")
            }
        }
    }

    @Test func multiclassCasesMatchScikitLearn() throws {
        let cases = try loadFixture([MulticlassCase].self, "multiclass")
        #expect(cases.count == 2)
        for fixture in cases {
            let k = fixture.classCount
            expectClose(ClassificationMetrics.accuracy(labels: fixture.labels, predicted: fixture.predicted),
                        fixture.accuracy, fixture.name)
            #expect(ClassificationMetrics.confusionMatrix(labels: fixture.labels, predicted: fixture.predicted, classCount: k)
                    == fixture.confusionMatrix, "\(fixture.name)")
            expectReports(labels: fixture.labels, predicted: fixture.predicted, classCount: k,
                          perClass: fixture.perClass, macro: fixture.macro, weighted: fixture.weighted, fixture.name)
            expectClose(ClassificationMetrics.logLoss(labels: fixture.labels, probabilities: fixture.probabilities, classCount: k),
                        fixture.logLoss, fixture.name)
            let auc = ClassificationMetrics.multiclassRocAUC(labels: fixture.labels, probabilities: fixture.probabilities,
                                                             classCount: k)
            expectClose(try #require(auc), fixture.rocAUC, fixture.name)
        }
    }

    @Test func regressionCasesMatchScikitLearn() throws {
        let cases = try loadFixture([RegressionCase].self, "regression")
        #expect(cases.count == 3)
        for fixture in cases {
            let actual = fixture.actual, predicted = fixture.predicted
            expectClose(RegressionMetrics.meanSquaredError(actual, predicted), fixture.meanSquaredError, fixture.name)
            expectClose(RegressionMetrics.rootMeanSquaredError(actual, predicted), fixture.rootMeanSquaredError, fixture.name)
            expectClose(RegressionMetrics.meanAbsoluteError(actual, predicted), fixture.meanAbsoluteError, fixture.name)
            expectClose(RegressionMetrics.r2Score(actual, predicted), fixture.r2Score, fixture.name)
            expectClose(RegressionMetrics.meanAbsolutePercentageError(actual, predicted),
                        fixture.meanAbsolutePercentageError, fixture.name)
        }
    }

    private func expectReports(labels: [Int], predicted: [Int], classCount: Int, perClass: [ReportFixture],
                               macro: ReportFixture, weighted: ReportFixture, _ name: String) {
        let reports = ClassificationMetrics.perClass(labels: labels, predicted: predicted, classCount: classCount)
        #expect(reports.count == perClass.count, "\(name)")
        for (report, expected) in zip(reports, perClass) { expectReport(report, expected, name) }
        expectReport(ClassificationMetrics.macroAverage(reports), macro, "\(name) macro")
        expectReport(ClassificationMetrics.weightedAverage(reports), weighted, "\(name) weighted")
    }

    private func expectReport(_ report: ClassificationMetrics.ClassReport, _ expected: ReportFixture, _ name: String) {
        expectAllClose([report.precision, report.recall, report.f1], [expected.precision, expected.recall, expected.f1], name)
        #expect(report.support == expected.support, "\(name)")
    }
}

// MARK: - Comparing

/// Relative tolerance 1e-9 (results computed in a different order are not bit-equal); exact
/// zeros must match exactly.
private func expectClose(_ actual: Double, _ expected: Double, _ context: String,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    let scale = max(abs(actual), abs(expected))
    #expect(abs(actual - expected) <= 1e-9 * scale, "\(context): \(actual) vs scikit-learn \(expected)",
            sourceLocation: sourceLocation)
}

private func expectAllClose(_ actual: [Double], _ expected: [Double], _ context: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(context): \(actual.count) values vs \(expected.count)",
            sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) { expectClose(a, e, context, sourceLocation: sourceLocation) }
}

// MARK: - Fixtures

private func loadFixture<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/metrics"))
    return try JSONDecoder().decode(type, from: Data(contentsOf: url))
}

private struct ReportFixture: Decodable {
    let precision, recall, f1: Double
    let support: Int
}

private struct LiftFixture: Decodable {
    let group, rows, positives, cumulativeRows, cumulativePositives: Int
    let rate, lift, cumulativeGain, cumulativeLift: Double
}

private struct BinaryCase: Decodable {
    struct Roc: Decodable { let fpr, tpr, thresholds: [Double] }
    struct PrecisionRecall: Decodable { let precision, recall, thresholds: [Double] }

    let name: String
    let labels, predicted: [Int]
    let scores, weights: [Double]
    let accuracy, weightedAccuracy, rocAUC, averagePrecision, logLoss, brierScore: Double
    let confusionMatrix: [[Int]]
    let perClass: [ReportFixture]
    let macro, weighted: ReportFixture
    let rocCurve: Roc
    let prCurve: PrecisionRecall
    let bestF1Threshold, recallTarget, thresholdForRecall: Double
    let liftTable: [LiftFixture]
}

private struct MulticlassCase: Decodable {
    let name: String
    let classCount: Int
    let labels, predicted: [Int]
    let probabilities: [Double]
    let accuracy, logLoss, rocAUC: Double
    let confusionMatrix: [[Int]]
    let perClass: [ReportFixture]
    let macro, weighted: ReportFixture
}

private struct RegressionCase: Decodable {
    let name: String
    let actual, predicted: [Double]
    let meanSquaredError, rootMeanSquaredError, meanAbsoluteError, r2Score, meanAbsolutePercentageError: Double
}

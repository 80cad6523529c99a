import Foundation
import Testing
import MLMCore

/// Fit-time benchmark against scikit-learn, run by Fixtures/linear/bench_logistic.py in a
/// release build. Skipped unless MLM_LINEAR_BENCH names a data file written by that script.
@Suite struct LogisticRegressionBenchmarkTests {
    static let dataPath = ProcessInfo.processInfo.environment["MLM_LINEAR_BENCH"]

    @Test(.enabled(if: dataPath != nil)) func fitTimeAndAUC() throws {
        let (x, labels) = try Self.load(try #require(Self.dataPath))
        let target = Target.classes(labels: labels, classes: ["0", "1"])
        var times = [Double]()
        var model: LogisticRegressionModel?
        for _ in 0..<3 {
            let start = Date()
            model = try LogisticRegression.fit(x, target)
            times.append(Date().timeIntervalSince(start))
        }
        let fitted = try #require(model)
        let scores = probabilities(fitted.predict(x)).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        print(String(format: "swift-logistic rows=%d fit_seconds_best=%.4f fit_seconds_all=%@ auc=%.8f notes=%@",
                     x.rows, times.min()!, times.map { String(format: "%.4f", $0) }.joined(separator: ","),
                     Self.auc(scores, labels), fitted.trainingNotes.joined(separator: " | ")))
    }

    /// Reads `rows, columns` (Int64), the matrix column-major, then the labels, all little-endian.
    static func load(_ path: String) throws -> (FeatureMatrix, [Int]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let numbers: [Double] = data.withUnsafeBytes { raw in
            Array(raw.bindMemory(to: Double.self))
        }
        let header: [Int64] = data.prefix(16).withUnsafeBytes { Array($0.bindMemory(to: Int64.self)) }
        let rows = Int(header[0]), columns = Int(header[1])
        let values = Array(numbers[2..<(2 + rows * columns)])
        let labels = numbers[(2 + rows * columns)...].map { Int($0) }
        let names = (0..<columns).map { "x\($0)" }
        return (FeatureMatrix(rows: rows, columns: columns, values: values, names: names), labels)
    }

    /// Area under the ROC curve by ranks (ties share their average rank).
    static func auc(_ scores: [Double], _ labels: [Int]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for m in i...j where labels[order[m]] == 1 { rankSum += rank }
            i = j + 1
        }
        let positives = Double(labels.filter { $0 == 1 }.count), negatives = Double(labels.count) - positives
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}

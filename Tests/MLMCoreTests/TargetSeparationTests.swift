import Foundation
import Testing
@testable import MLMCore

/// The leakage guard's warning rule (`TargetCopyCheck.nearCopies`) on 20 rows worked out by hand:
/// rows 0–9 are positive, 10–19 negative, so there are 10 × 10 = 100 (positive, negative) pairs.
@Suite struct TargetSeparationTests {
    static let labels: [Double] = Array(repeating: 1, count: 10) + Array(repeating: 0, count: 10)
    static let spec = TargetSpec(column: "y", task: .binary, classes: ["no", "yes"])

    static func frame() -> DataFrame {
        let positiveSeconds: [Double] = (11...20).map(Double.init), negativeSeconds: [Double] = (1...9).map(Double.init) + [15]
        let missingDays = [Double](repeating: .nan, count: 9), negativeDays: [Double] = (1...10).map(Double.init)
        let status: [String?] = Array(repeating: "closed", count: 11) + Array(repeating: "open", count: 9)
        let codes: [String?] = (0..<20).map { "c\($0)" }
        let ages: [Double] = (0..<20).map { Double($0 % 2) }
        return DataFrame(columns: [
            // Positives 11…20, negatives 1…9 and 15: the 15 outranks 4 positives and ties one,
            // 100 − 4 − 0.5 = 95.5 pairs in order: AUC 0.955, flagged.
            Column(name: "call_seconds", type: .integer, numbers: positiveSeconds + negativeSeconds),
            // Nine positives missing and one at 6; negatives 1…10. Missing above every value:
            // 9 × 10 = 90 pairs, plus the 6 above 5 negatives and tied with one: 95.5, flagged.
            // (At 5 it would be 94.5: not flagged.)
            Column(name: "pdays", type: .number, numbers: missingDays + [6] + negativeDays),
            // 'closed' on all positives and one negative (11 rows, share 10/11); 'open' on 9
            // negatives, fewer than 10 rows, so pooled (share 0): 10 × (9 + ½) = 95 pairs, flagged.
            Column(name: "status", type: .category, strings: status),
            // A distinct code per row would "separate" by memorising; each has 1 row, all are
            // pooled into one share: AUC 0.5.
            Column(name: "code", type: .category, strings: codes),
            // Alternating values: half the pairs in order, AUC 0.5.
            Column(name: "age", type: .integer, numbers: ages),
        ])
    }

    @Test func theInputsThatAloneSeparateTheTargetByHand() {
        let found = TargetCopyCheck.nearCopies(Self.frame(), inputs: ["call_seconds", "pdays", "status", "code", "age"],
                                               rows: Array(0..<20), labels: Self.labels, spec: Self.spec)
        #expect(found.map(\.column) == ["call_seconds", "pdays", "status"])
        #expect(found.map(\.auc) == [0.955, 0.955, 0.95])
    }

    @Test func fewerThanTenRowsOfAClassAreTooFewToTell() {
        let rows = Array(0..<19)
        #expect(TargetCopyCheck.nearCopies(Self.frame(), inputs: ["call_seconds"], rows: rows,
                                           labels: Array(Self.labels.prefix(19)), spec: Self.spec).isEmpty)
        let numbers = TargetSpec(column: "y", task: .regression, classes: [])
        #expect(TargetCopyCheck.nearCopies(Self.frame(), inputs: ["call_seconds"], rows: Array(0..<20),
                                           labels: Self.labels, spec: numbers).isEmpty)
    }

    /// The cost measured for the report: 45,000 rows × 50 inputs (40 numbers, 10 categories),
    /// in a release build (`MLM_SEPARATION_BENCH=1 swift test -c release --filter TargetSeparationTests`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MLM_SEPARATION_BENCH"] != nil))
    func costOnFortyFiveThousandRowsAndFiftyInputs() {
        let rows = 45_000
        var state: UInt64 = 1
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let labels = (0..<rows).map { _ in next() < 0.12 ? 1.0 : 0.0 }
        var columns: [Column] = (0..<40).map { c in Column(name: "x\(c)", type: .number, numbers: (0..<rows).map { _ in (next() * 1000).rounded() }) }
        columns += (0..<10).map { c in Column(name: "k\(c)", type: .category, strings: (0..<rows).map { _ in "v\(Int(next() * 30))" }) }
        let frame = DataFrame(columns: columns)
        var times: [Double] = []
        for _ in 0..<5 {
            let start = Date()
            let found = TargetCopyCheck.nearCopies(frame, inputs: frame.columnNames, rows: Array(0..<rows), labels: labels, spec: Self.spec)
            times.append(Date().timeIntervalSince(start))
            #expect(found.isEmpty)
        }
        print(String(format: "near-copy screen rows=%d inputs=50 seconds_best=%.4f seconds_all=%@", rows, times.min() ?? 0,
                     times.map { String(format: "%.4f", $0) }.joined(separator: ",")))
    }
}

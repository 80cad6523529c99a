import Foundation
import Testing
import MLMCore

/// Fit-time benchmarks against scikit-learn and pandas, run by bench/segmentation/run in a
/// release build. Skipped unless MLM_SEGMENT_BENCH names the folder that script wrote:
/// kmeans.bin and dbscan.bin (Int64 rows, Int64 columns, then the points row-major) and
/// online_retail.csv. Prints one line per task for the script to parse.
@Suite(.serialized) struct SegmentationBenchmarkTests {
    static let folder = ProcessInfo.processInfo.environment["MLM_SEGMENT_BENCH"]
    static func setting(_ name: String, _ fallback: Double) -> Double {
        ProcessInfo.processInfo.environment[name].flatMap(Double.init) ?? fallback
    }

    static func points(_ file: String) throws -> PointSet {
        let data = try Data(contentsOf: URL(fileURLWithPath: try #require(folder)).appendingPathComponent(file))
        let header: [Int64] = data.prefix(16).withUnsafeBytes { Array($0.bindMemory(to: Int64.self)) }
        let values: [Double] = data.dropFirst(16).withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
        return PointSet(rows: Int(header[0]), dimensions: Int(header[1]), rowMajor: values)
    }

    static func best<T>(_ repeats: Int, _ body: () throws -> T) rethrows -> (T, Double) {
        var times: [Double] = []
        var result: T?
        for _ in 0..<repeats {
            let start = Date()
            result = try body()
            times.append(Date().timeIntervalSince(start))
        }
        return (result!, times.min()!)
    }

    /// Well separated blobs (few Lloyd iterations: seeding dominates) and overlapping ones
    /// (many iterations: Lloyd dominates).
    @Test(.enabled(if: folder != nil), arguments: ["kmeans", "kmeans_overlap"]) func kmeans(_ name: String) throws {
        let x = try Self.points("\(name).bin")
        let settings = KMeans.Settings(k: Int(Self.setting("BENCH_K", 8)), restarts: Int(Self.setting("BENCH_N_INIT", 3)),
                                       iterations: Int(Self.setting("BENCH_MAX_ITER", 100)), tolerance: 1e-4, seed: 0)
        let (fit, seconds) = try Self.best(3) { try KMeans.fit(x, settings: settings) }
        print(String(format: "swift-%@ rows=%d fit_seconds=%.4f inertia=%.6f iterations=%d", name, x.rows, seconds, fit.inertia, fit.iterations))
    }

    @Test(.enabled(if: folder != nil)) func dbscan() throws {
        let x = try Self.points("dbscan.bin")
        let eps = Self.setting("BENCH_EPS", 0.05), minPoints = Int(Self.setting("BENCH_MIN_SAMPLES", 10))
        let (fit, seconds) = try Self.best(3) { try DBSCAN.fit(x, eps: eps, minPoints: minPoints) }
        let labels = fit.labels.map(String.init).joined(separator: "\n")
        try labels.write(toFile: Self.folder! + "/dbscan_swift_labels.txt", atomically: true, encoding: .utf8)
        print(String(format: "swift-dbscan rows=%d fit_seconds=%.4f clusters=%d noise=%d", x.rows, seconds, fit.clusters, fit.noiseCount))
    }

    @Test(.enabled(if: folder != nil)) func rfm() throws {
        let start = Date()
        let (frame, _) = try CSVReader.read(path: Self.folder! + "/online_retail.csv")
        let readSeconds = Date().timeIntervalSince(start)
        let quantity = frame["Quantity"]!.numbers!, price = frame["UnitPrice"]!.numbers!
        let (outcome, seconds) = try Self.best(3) {
            let amounts = zip(quantity, price).map { $0 * $1 }
            return try RFM.analyse(RFM.Input(customers: frame["CustomerID"]!, dates: frame["InvoiceDate"]!.numbers!,
                                             amounts: amounts, invoices: frame["InvoiceNo"]!))
        }
        let monetary = outcome.table["monetary"]!.numbers!.reduce(0, +)
        print(String(format: "swift-rfm rows=%d read_seconds=%.4f rfm_seconds=%.4f customers=%d monetary_total=%.2f left_out=%d",
                     frame.rowCount, readSeconds, seconds, outcome.table.rowCount, monetary, outcome.leftOut.total))
    }
}

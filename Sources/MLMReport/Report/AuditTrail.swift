import Crypto
import Foundation
import MLMCore
import MLMRuntime

/// The report's footer: what produced it, from which files, with which seeds and models, so a
/// reader can tell whether two reports came from the same inputs.
public struct AuditTrail: Sendable {
    public struct InputFile: Sendable, Equatable {
        /// As written in the script.
        public let path: String
        public let table: String
        public let rows: Int
        /// Nil when the file cannot be read any more.
        public let bytes: Int?
        public let sha256: String?
    }

    public struct Seed: Sendable, Equatable {
        public let line: Int
        /// "split bank", "model forest (random_forest)".
        public let step: String
        public let value: String
    }

    public struct ModelFingerprint: Sendable, Equatable {
        public let name: String
        public let kind: String
        public let rows: Int
        public let inputs: Int
        public let sha256: String
    }

    public let version: String
    public let inputs: [InputFile]
    public let seeds: [Seed]
    public let models: [ModelFingerprint]
    /// Only with `--timings`: when the report was written (ISO 8601, UTC) and the total run time.
    public var generatedAt: String?
    public var totalSeconds: Double?

    static func make(outputs: [StepOutput], session: Session) -> AuditTrail {
        AuditTrail(version: MLMRuntimeVersion.version, inputs: inputFiles(outputs, session),
                   seeds: seeds(outputs), models: models(session))
    }

    private static func inputFiles(_ outputs: [StepOutput], _ session: Session) -> [InputFile] {
        var files: [InputFile] = []
        for output in outputs {
            for case .loaded(let summary) in output.results {
                let digest = FileDigest.of(path: session.resolve(summary.path))
                let file = InputFile(path: summary.path, table: summary.table, rows: summary.rows,
                                     bytes: digest?.bytes, sha256: digest?.sha256)
                if !files.contains(file) { files.append(file) }
            }
        }
        return files
    }

    private static func seeds(_ outputs: [StepOutput]) -> [Seed] {
        var seeds: [Seed] = []
        for output in outputs {
            for result in output.results {
                switch result {
                case .split(let table, _, _, _):
                    if let value = seedWritten(in: output.source) {
                        seeds.append(Seed(line: output.line, step: "split \(table)", value: value))
                    }
                case .trained(let summary):
                    if let seed = summary.settings.first(where: { $0.name == "seed" }) {
                        seeds.append(Seed(line: output.line, step: "model \(summary.model) (\(summary.algorithm))", value: seed.value))
                    }
                case .segmented(let summary):
                    if let seed = summary.settings.first(where: { $0.name == "seed" }) {
                        seeds.append(Seed(line: output.line, step: "segment \(summary.name) (\(summary.algorithm))", value: seed.value))
                    }
                default: break
                }
            }
        }
        return seeds
    }

    /// The number after the word `seed` in a step's source.
    static func seedWritten(in source: String) -> String? {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," })
        guard let index = words.firstIndex(of: "seed"), index + 1 < words.count else { return nil }
        return String(words[index + 1])
    }

    private static func models(_ session: Session) -> [ModelFingerprint] {
        let supervised = session.models.map { name, entry in
            ModelFingerprint(name: name, kind: entry.model.algorithm, rows: entry.model.trainingData.rows,
                             inputs: entry.model.trainingData.columns.count, sha256: entry.model.trainingData.sha256)
        }
        let segmentations = session.segmentations.map { name, entry in
            ModelFingerprint(name: name, kind: entry.model.algorithm, rows: entry.model.trainingData.rows,
                             inputs: entry.model.trainingData.columns.count, sha256: entry.model.trainingData.sha256)
        }
        return (supervised + segmentations).sorted { $0.name < $1.name }
    }
}

/// Size and SHA-256 of a file, read in chunks so a large input is never held in memory.
enum FileDigest {
    static func of(path: String) -> (bytes: Int, sha256: String)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var bytes = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytes += chunk.count
        }
        return (bytes, hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }
}

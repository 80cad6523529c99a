import Foundation

/// The two kinds of model a model file can hold.
public enum StoredModel: Sendable {
    case supervised(SupervisedModel)
    case segmentation(SegmentationModel)
}

/// Reads and writes model files: JSON with sorted keys and exact numbers, so a model can be
/// reviewed and diffed in git, and save → load → predict gives the same scores bit for bit.
public enum ModelFile {
    public static let format = "mlm-model"
    public static let formatVersion = 1

    public static func encode(_ model: SupervisedModel, mlmVersion: String) throws(ModelError) -> Data {
        try encode(StoredModel.supervised(model), mlmVersion: mlmVersion)
    }

    public static func encode(_ model: StoredModel, mlmVersion: String) throws(ModelError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encodeWithDigest { digest in
                try encoder.encode(Envelope(stored: model, mlmVersion: mlmVersion, digest: digest))
            }
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw ModelError("the model could not be written as JSON: \(error)")
        }
    }

    /// Writes atomically: a temporary file beside the target, then a rename.
    public static func write(_ model: SupervisedModel, to path: String, mlmVersion: String) throws(ModelError) {
        try write(StoredModel.supervised(model), to: path, mlmVersion: mlmVersion)
    }

    public static func write(_ model: StoredModel, to path: String, mlmVersion: String) throws(ModelError) {
        let data = try encode(model, mlmVersion: mlmVersion)
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFileWriter.write(data, to: path)
        } catch let error as FileWriteError {
            throw ModelError(error.message)
        } catch {
            throw ModelError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    public static func read(path: String) throws(ModelError) -> SupervisedModel {
        guard case .supervised(let model) = try readAny(path: path) else {
            throw ModelError("the model file '\(path)' holds a segmentation, not a model that predicts a target")
        }
        return model
    }

    /// Reads a model file of either kind.
    public static func readAny(path: String) throws(ModelError) -> StoredModel {
        try read(path: path, trustEdits: false).stored
    }

    /// Reads a model file of either kind; with `trustEdits` a file whose digest does not match
    /// is accepted when it passes every check.
    public static func read(path: String, trustEdits: Bool) throws(ModelError) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError("cannot read the model file '\(path)'")
        }
        return try decode(data, trustEdits: trustEdits)
    }

    public static func decode(_ data: Data) throws(ModelError) -> SupervisedModel {
        guard case .supervised(let model) = try decodeAny(data) else {
            throw ModelError("this model file holds a segmentation, not a model that predicts a target")
        }
        return model
    }

    public static func decodeAny(_ data: Data) throws(ModelError) -> StoredModel {
        try decode(data, trustEdits: false).stored
    }

    /// Parses (nesting bounded, no repeated keys), checks the header and the digest, decodes
    /// and validates every field: a model comes back only when it is one mlm could have saved.
    public static func decode(_ data: Data, trustEdits: Bool) throws(ModelError) -> Loaded {
        let json = try parseJSON(data)
        guard case .string(let fileFormat)? = json["format"] else {
            throw ModelError("this is not an mlm model file (it has no 'format' field)")
        }
        guard fileFormat == format else {
            throw ModelError("this is not an mlm model file (format '\(fileFormat)')")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw ModelError("the model file is damaged: \(describe(error))")
        }
        guard header.formatVersion >= 1 else {
            throw ModelError("this model file has format version \(header.formatVersion), which no mlm writes (versions start at 1); the file is damaged")
        }
        guard header.formatVersion == formatVersion else {
            throw ModelError("this model file has format version \(header.formatVersion), but this mlm reads version \(formatVersion); use a newer mlm")
        }
        let kind = header.kind ?? Kind.supervised.rawValue
        guard let known = Kind(rawValue: kind) else {
            throw ModelError("this model file holds a '\(kind)', which this mlm does not know; use a newer mlm")
        }
        guard known == .segmentation || AlgorithmRegistry.algorithm(named: header.algorithm) != nil else {
            throw ModelError("this model file uses the algorithm '\(header.algorithm)', which this mlm does not know")
        }
        let integrity = try integrity(of: json, trustEdits: trustEdits)
        do {
            return Loaded(stored: try JSONDecoder().decode(Envelope.self, from: data).stored, integrity: integrity)
        } catch let error as ModelError {
            throw error
        } catch {
            throw ModelError("the model file is damaged: \(describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "'\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is not valid"
        @unknown default:
            return "\(error)"
        }
    }

    /// The first fields, read before the rest to give precise errors.
    private struct Header: Decodable {
        let format: String
        let formatVersion: Int
        let algorithm: String
        /// Absent in files written before segmentations existed: those are supervised.
        let kind: String?
    }

    /// What a model file holds, written as its `kind` field.
    enum Kind: String {
        case supervised
        case segmentation
    }
}

import Crypto
import Foundation

/// The digest a model file carries of its own content, so a file that was changed after mlm
/// saved it (by hand, a merge, a script) is noticed before it scores anyone.
///
/// The digest is `"sha256:"` and the lowercase hex SHA-256 of the file's canonical JSON (see
/// `CanonicalJSON`) without the top-level `digest` member. Whitespace, line endings and the order
/// of keys do not change it; any change of a key, a string or a number's text does. It guards
/// against accidents, not against someone who recomputes it: it is not a signature.
extension ModelFile {
    /// How a file's content relates to its digest.
    public enum Integrity: Sendable, Equatable {
        /// The digest matches: the content is what mlm saved.
        case verified
        /// The file has no digest (saved by an mlm from before digests); edits cannot be told.
        case noDigest
        /// The digest does not match, and the file was accepted because edits were trusted.
        case trustedEdits
    }

    /// A model read from a file, with what its digest said.
    public struct Loaded: Sendable {
        public let stored: StoredModel
        public let integrity: Integrity
    }

    static let digestKey = "digest"

    /// The error for a digest that does not match; the runtime adds how to accept such a file.
    public static let changedAfterSaving = "this model file was changed after mlm saved it"

    /// Reads the text as JSON with bounded nesting and no repeated keys.
    static func parseJSON(_ data: Data) throws(ModelError) -> CanonicalJSON {
        do {
            return try CanonicalJSON.parse([UInt8](data))
        } catch .tooDeep {
            throw ModelError("the model file is damaged: its JSON is nested more than \(CanonicalJSON.maximumDepth) levels deep, far more than mlm writes")
        } catch .duplicateKey(let path) {
            throw ModelError("the model file is damaged: '\(path)' is given twice")
        } catch {
            throw ModelError("this is not an mlm model file (it is not valid model JSON)")
        }
    }

    /// The digest of a file's content, as written in its `digest` field.
    static func digest(of json: CanonicalJSON) -> String {
        digest(ofCanonical: json.removing(digestKey).canonicalBytes)
    }

    /// The digest of content already in canonical form, without its `digest` member.
    static func digest(ofCanonical bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares the stored digest with the content: a mismatch (or a digest that is not one) is
    /// refused unless edits are trusted.
    static func integrity(of json: CanonicalJSON, trustEdits: Bool) throws(ModelError) -> Integrity {
        guard let stored = json[digestKey] else { return .noDigest }
        if case .string(let text) = stored, text == digest(of: json) { return .verified }
        guard trustEdits else { throw ModelError(changedAfterSaving) }
        return .trustedEdits
    }

    /// The encoded file with its digest: encoded once without it, hashed, encoded again with it.
    static func encodeWithDigest(_ encode: (String?) throws -> Data) throws -> Data {
        let plain = try encode(nil)
        let json = try parseJSON(plain)
        return try encode(digest(of: json))
    }
}

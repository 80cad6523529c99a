import Foundation
@testable import MLMCore

/// Seeded structural edits of a model file's JSON, for the model-file fuzz test: each edit keeps
/// the file JSON (or, for a few, deliberately breaks it) and changes one thing a person, a merge
/// or a script might change. Deterministic for a seed; bounded in size.
struct ModelFileEdits {
    enum Kind: String, CaseIterable {
        case deleteElement, duplicateElement, swapElements, emptyArray, extendArray
        case strangeNumber, negateNumber, wrongType, deleteMember, renameMember, addMember
        case reorderKeys, changeString, copyString, changeVersion, deepNesting, duplicateKey, whitespace
    }

    struct Edit {
        let kind: Kind
        /// Where, e.g. "model.coefficients[0][2]".
        let path: String
        let bytes: [UInt8]
        /// The edited JSON (nil when the bytes are deliberately not a JSON tree mlm could read).
        let tree: CanonicalJSON?
    }

    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    mutating func next(_ original: CanonicalJSON) -> Edit {
        let kind = Kind.allCases[random.nextInt(below: Kind.allCases.count)]
        switch kind {
        case .reorderKeys:
            let tree = reordered(original)
            return Edit(kind: kind, path: "(all objects)", bytes: Self.prettyBytes(tree), tree: tree)
        case .whitespace:
            var text = Self.prettyBytes(original)
            text = Array(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            return Edit(kind: kind, path: "(line endings)", bytes: text, tree: original)
        case .changeVersion:
            let versions = ["0", "-1", "2", "1.5", "\"1\"", "99999999999999999999", "1e0"]
            let literal = versions[random.nextInt(below: versions.count)]
            let value: CanonicalJSON = literal.hasPrefix("\"") ? .string("1") : .number(literal)
            let tree = replacing(original, at: [.key("formatVersion")], with: value)
            return Edit(kind: kind, path: "formatVersion=\(literal)", bytes: tree.canonicalBytes, tree: tree)
        case .deepNesting:
            let depth = [63, 65, 200, 5000][random.nextInt(below: 4)]
            let (path, _) = randomPath(original)
            var nested = CanonicalJSON.number("1")
            for _ in 0..<min(depth, 70) { nested = .array([nested]) }
            let tree = replacing(original, at: path, with: nested)
            var bytes = tree.canonicalBytes
            if depth > 70 {
                // Too deep to build as a tree here without recursion: written as text.
                let text = String(decoding: bytes, as: UTF8.self)
                let deep = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
                bytes = Array(text.replacingOccurrences(of: "\"formatVersion\":1", with: "\"formatVersion\":1,\"deep\":\(deep)").utf8)
                return Edit(kind: kind, path: "deep(\(depth))", bytes: bytes, tree: nil)
            }
            return Edit(kind: kind, path: describe(path) + " nested \(min(depth, 70))", bytes: bytes, tree: tree)
        case .duplicateKey:
            guard case .object(var members) = original, let first = members.randomElement(using: &random) else { break }
            members.append(first)
            let bytes = CanonicalJSON.object(members).canonicalBytes
            return Edit(kind: kind, path: first.key + " twice", bytes: bytes, tree: nil)
        default:
            break
        }
        let (path, value) = randomPath(original, wanting: kind)
        let edited = edit(value, kind)
        let tree = edited.map { replacing(original, at: path, with: $0) } ?? removing(original, at: path)
        return Edit(kind: kind, path: describe(path), bytes: Self.prettyBytes(tree), tree: tree)
    }

    /// Some of the file indented, the rest on one line: the digest must not care.
    static func prettyBytes(_ tree: CanonicalJSON) -> [UInt8] {
        var text = tree.canonicalBytes
        if let comma = text.firstIndex(of: UInt8(ascii: ",")) { text.insert(contentsOf: Array("\n  ".utf8), at: comma + 1) }
        return text
    }

    /// The edited value, or nil to delete it.
    private mutating func edit(_ value: CanonicalJSON, _ kind: Kind) -> CanonicalJSON? {
        switch (kind, value) {
        case (.deleteElement, .array(var items)) where !items.isEmpty:
            items.remove(at: random.nextInt(below: items.count))
            return .array(items)
        case (.duplicateElement, .array(var items)) where !items.isEmpty:
            let i = random.nextInt(below: items.count)
            items.insert(items[i], at: i)
            return .array(items)
        case (.swapElements, .array(var items)) where items.count >= 2:
            let i = random.nextInt(below: items.count - 1)
            items.swapAt(i, i + 1 + random.nextInt(below: items.count - i - 1))
            return .array(items)
        case (.emptyArray, .array):
            return .array([])
        case (.extendArray, .array(let items)):
            return .array(items + [items.last ?? .number("0")])
        case (.strangeNumber, _):
            let strange = ["1e400", "-1e400", "1e300", "-1e300", "0", "-0", "-1", "2", "0.5", "1e-320", "4294967296",
                           "9223372036854775807", "-9223372036854775808", "1.5", "100000"]
            return .number(strange[random.nextInt(below: strange.count)])
        case (.negateNumber, .number(let literal)):
            return .number(literal.hasPrefix("-") ? String(literal.dropFirst()) : "-" + literal)
        case (.wrongType, _):
            let others: [CanonicalJSON] = [.string("x"), .bool(true), .null, .object([]), .array([]), .number("1")]
            return others[random.nextInt(below: others.count)]
        case (.deleteMember, _):
            return nil
        case (.renameMember, .object(var members)) where !members.isEmpty:
            let i = random.nextInt(below: members.count)
            members[i] = .init(key: members[i].key + "_renamed", value: members[i].value)
            return .object(members)
        case (.addMember, .object(let members)):
            return .object(members + [.init(key: "extra", value: .number("1"))])
        case (.changeString, .string(let text)):
            return .string(text.isEmpty ? "x" : String(text.reversed()) + "x")
        case (.copyString, .string):
            let strings = ["yes", "no", "basic", "gold", "silver", "1", "2", "noise", "", "logistic", "binary", "multiclass",
                           "regression", "native", "encoded", "kmeans", "dbscan", "softmax", "identity", "logistic"]
            return .string(strings[random.nextInt(below: strings.count)])
        default:
            // The chosen spot does not suit the edit: change the number or type instead.
            return .string("x")
        }
    }

    /// A random spot: descend from the root, at each level picking a child uniformly, stopping
    /// early now and then, so every top-level field gets edits (not only the biggest array).
    private mutating func randomPath(_ root: CanonicalJSON, wanting kind: Kind? = nil) -> ([PathStep], CanonicalJSON) {
        var path: [PathStep] = []
        var value = root
        while true {
            let stop = path.count > 0 && random.nextInt(below: 4) == 0
            if stop && suits(value, kind) { return (path, value) }
            switch value {
            case .object(let members) where !members.isEmpty:
                let i = random.nextInt(below: members.count)
                path.append(.key(members[i].key))
                value = members[i].value
            case .array(let items) where !items.isEmpty:
                let i = random.nextInt(below: items.count)
                path.append(.index(i))
                value = items[i]
            default:
                return (path, value)
            }
        }
    }

    private func suits(_ value: CanonicalJSON, _ kind: Kind?) -> Bool {
        switch (kind, value) {
        case (.deleteElement?, .array), (.duplicateElement?, .array), (.swapElements?, .array), (.emptyArray?, .array),
             (.extendArray?, .array), (.renameMember?, .object), (.addMember?, .object): return true
        case (.deleteElement?, _), (.duplicateElement?, _), (.swapElements?, _), (.emptyArray?, _), (.extendArray?, _),
             (.renameMember?, _), (.addMember?, _): return false
        default: return true
        }
    }

    enum PathStep { case key(String), index(Int) }

    private func describe(_ path: [PathStep]) -> String {
        path.map { step -> String in
            switch step {
            case .key(let key): return "." + key
            case .index(let i): return "[\(i)]"
            }
        }.joined()
    }

    private func replacing(_ value: CanonicalJSON, at path: [PathStep], with new: CanonicalJSON) -> CanonicalJSON {
        guard let step = path.first else { return new }
        let rest = Array(path.dropFirst())
        switch (step, value) {
        case (.key(let key), .object(var members)):
            if let i = members.firstIndex(where: { $0.key == key }) {
                members[i].value = replacing(members[i].value, at: rest, with: new)
            } else {
                members.append(.init(key: key, value: new))
            }
            return .object(members)
        case (.index(let i), .array(var items)) where i < items.count:
            items[i] = replacing(items[i], at: rest, with: new)
            return .array(items)
        default:
            return value
        }
    }

    private func removing(_ value: CanonicalJSON, at path: [PathStep]) -> CanonicalJSON {
        guard let step = path.first else { return .null }
        if path.count == 1 {
            switch (step, value) {
            case (.key(let key), .object(let members)): return .object(members.filter { $0.key != key })
            case (.index(let i), .array(var items)) where i < items.count:
                items.remove(at: i)
                return .array(items)
            default: return value
            }
        }
        let rest = Array(path.dropFirst())
        switch (step, value) {
        case (.key(let key), .object(var members)):
            if let i = members.firstIndex(where: { $0.key == key }) { members[i].value = removing(members[i].value, at: rest) }
            return .object(members)
        case (.index(let i), .array(var items)) where i < items.count:
            items[i] = removing(items[i], at: rest)
            return .array(items)
        default:
            return value
        }
    }

    /// Every object's members in a shuffled order.
    private mutating func reordered(_ value: CanonicalJSON) -> CanonicalJSON {
        switch value {
        case .object(let members):
            var shuffled = members.map { CanonicalJSON.Member(key: $0.key, value: reordered($0.value)) }
            random.shuffle(&shuffled)
            return .object(shuffled)
        case .array(let items):
            return .array(items.map { reordered($0) })
        default:
            return value
        }
    }
}

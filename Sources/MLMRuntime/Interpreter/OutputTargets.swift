import Foundation
import MLMCore

/// A file a script must never write over: the script itself, or a file it read.
public struct ProtectedFile: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        case script
        case table(String)
        case model(String)
    }

    public let path: String
    public let role: Role

    public init(path: String, role: Role) {
        self.path = path
        self.role = role
    }
}

/// The steps that write a file, for the wording of a refusal.
public enum OutputStep: Sendable, Equatable {
    case export
    /// Saving the named model.
    case save(model: String)
    case report

    var overwrites: String {
        switch self {
        case .export: return "exporting would overwrite it"
        case .save: return "saving would overwrite it"
        case .report: return "the report would overwrite it"
        }
    }
}

/// The one rule for where `export`, `save`, `report` and `mlm run --report` may write, used by the
/// checker (exit 65), the interpreter (exit 70) and the report writer alike:
/// - never over the running script;
/// - never over a file the script loaded (a data file or a model file), compared as files on disk
///   (device and inode), so a symbolic link, `./x` against `x` or a hard link is caught too;
///   `export ... with force` may overwrite a data file a table was loaded from (cleaning a file in
///   place on purpose), nothing else;
/// - never over anything that is not a regular file (a folder, a device such as /dev/full, a named
///   pipe, a socket): the atomic write renames a new file over its target, which would replace it.
public enum OutputTargets {
    public struct Refusal: Sendable, Equatable {
        public let message: String
        public let help: String
    }

    /// Why writing `path` (absolute; `written` is how the script spelled it) must not happen, or nil.
    public static func refusal(writing path: String, written: String, step: OutputStep,
                               protected: [ProtectedFile], force: Bool = false) -> Refusal? {
        if let kind = FileKind.at(path), kind != .regular {
            let example: String
            switch step {
            case .export: example = "out/prepared.csv"
            case .save(let model): example = "models/\(model).mlmodel"
            case .report: example = "out/report.html"
            }
            let help = kind == .folder ? "give a file name inside it, such as \"\(written)/\((example as NSString).lastPathComponent)\""
                                       : "write to a regular file, such as \"\(example)\""
            return Refusal(message: AtomicFileWriter.refusal(written, kind), help: help)
        }
        for file in protected where isSame(path, file.path) {
            switch file.role {
            case .script:
                return Refusal(message: "'\(written)' is the script being run; \(step.overwrites)", help: anotherFile(step))
            case .table(let table):
                if force && step == .export { continue }
                return Refusal(message: "'\(written)' is the file table '\(table)' was loaded from; \(step.overwrites)",
                               help: step == .export ? "write to another file, or add 'with force' to overwrite it on purpose"
                                                     : anotherFile(step))
            case .model(let model):
                return Refusal(message: "'\(written)' is the file model '\(model)' was loaded from; \(step.overwrites)",
                               help: anotherFile(step))
            }
        }
        return nil
    }

    private static func anotherFile(_ step: OutputStep) -> String {
        switch step {
        case .export: return "write to another file"
        case .save(let model): return "save the model to a file of its own, such as \"models/\(model).mlmodel\""
        case .report: return "write the report to another file"
        }
    }

    /// The same file on disk, or (when one does not exist yet, as in `mlm check` before a `save`
    /// runs) the same path once links in its folder are resolved.
    static func isSame(_ a: String, _ b: String) -> Bool {
        isSameFile(a, b) || canonical(a) == canonical(b)
    }

    private static func canonical(_ path: String) -> String {
        let standard = (path as NSString).standardizingPath
        if let resolved = realpath(standard, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = (standard as NSString).deletingLastPathComponent
        guard let resolvedFolder = realpath(folder.isEmpty ? "." : folder, nil) else { return standard }
        defer { free(resolvedFolder) }
        return (String(cString: resolvedFolder) as NSString).appendingPathComponent((standard as NSString).lastPathComponent)
    }
}

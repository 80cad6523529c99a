import Foundation
import MLMCore
import MLMRuntime

/// What completion may offer, as plain values: a snapshot of the session plus the vocabulary of
/// the language. Tests build one by hand; the REPL builds one from its session on each Tab.
public struct CompletionContext {
    public struct Algorithm: Sendable, Equatable {
        public var name: String
        /// Setting names, each with its allowed words when it takes one of a few words.
        public var settings: [(name: String, choices: [String])]

        public init(name: String, settings: [(name: String, choices: [String])]) {
            self.name = name
            self.settings = settings
        }

        public static func == (a: Algorithm, b: Algorithm) -> Bool {
            a.name == b.name && a.settings.map(\.name) == b.settings.map(\.name)
                && a.settings.map(\.choices) == b.settings.map(\.choices)
        }
    }

    public struct DirectoryEntry: Sendable, Equatable {
        public var name: String
        public var isDirectory: Bool
        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// Table names with their columns, in table order.
    public var tables: [String: [String]]
    public var models: [String]
    public var algorithms: [Algorithm]
    /// Relative paths are completed from here (the session's base directory).
    public var baseDirectory: String
    /// Lists a directory given as an absolute path; nil when it cannot be read.
    public var listDirectory: (String) -> [DirectoryEntry]?

    public init(tables: [String: [String]] = [:], models: [String] = [],
                algorithms: [Algorithm] = CompletionContext.registryAlgorithms,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                listDirectory: @escaping (String) -> [DirectoryEntry]? = CompletionContext.listFileSystem) {
        self.tables = tables
        self.models = models
        self.algorithms = algorithms
        self.baseDirectory = baseDirectory
        self.listDirectory = listDirectory
    }

    /// The session's tables and models as they are now.
    public init(session: Session) {
        var tables: [String: [String]] = [:]
        for (name, frame) in session.tables { tables[name] = frame.columnNames }
        self.init(tables: tables, models: session.modelNames, baseDirectory: session.baseDirectory)
    }

    /// Every algorithm `train` knows, with its settings (class_weight included for classifiers).
    public static let registryAlgorithms: [Algorithm] = AlgorithmRegistry.all.map { algorithm in
        Algorithm(name: algorithm.name, settings: ModelOptions.specs(for: algorithm).map { spec in
            if case .choice(let words) = spec.kind { return (spec.name, words) }
            return (spec.name, [])
        })
    }

    public static func listFileSystem(_ directory: String) -> [DirectoryEntry]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        return names.map { name in
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
        }
    }

    func columns(of table: String?) -> [String] {
        table.flatMap { tables[$0] } ?? []
    }

    func settings(of algorithm: String?) -> [(name: String, choices: [String])] {
        algorithms.first { $0.name == algorithm }?.settings ?? []
    }
}

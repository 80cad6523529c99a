import Foundation
import MLMCore

/// The state a script or REPL session builds up: its tables and where they came from.
/// One interpreter, one session type: a REPL and a script run behave the same.
public final class Session {
    public private(set) var tables: [String: DataFrame] = [:]
    /// Absolute paths of files loaded into tables, so `export` never overwrites an input.
    public private(set) var inputFiles: [String: String] = [:]
    /// Trained or loaded models by name.
    public private(set) var models: [String: SessionModel] = [:]
    /// Segmentations by name (the name of the column they wrote).
    public private(set) var segmentations: [String: SessionSegmentation] = [:]
    /// Per table, the columns `predict ... as name` wrote (column → name): re-scoring with the
    /// same name may replace them, nothing else may (see `PredictColumns`).
    public private(set) var predictedColumns: [String: [String: String]] = [:]
    /// The clean and feature operations each table went through, for replay on new data.
    public private(set) var recipes: [String: PreparationRecipe] = [:]
    /// Writes the report of the steps run so far, for `report "file"`; installed by `mlm run`.
    public var reportWriter: ReportWriter?
    /// Relative paths in a script are resolved against this directory (the script's folder).
    public let baseDirectory: String
    /// The script being run (absolute), which no step may write over; nil in the REPL.
    public var scriptPath: String?
    /// Every data and model file loaded so far, in order (a table loaded again from another file
    /// keeps its first file protected too).
    public private(set) var readFiles: [ProtectedFile] = []

    public init(baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.baseDirectory = baseDirectory
    }

    public var tableNames: [String] { tables.keys.sorted() }

    public func table(_ name: String) -> DataFrame? { tables[name] }

    func setTable(_ name: String, _ frame: DataFrame) { tables[name] = frame }

    func setRecipe(_ name: String, _ recipe: PreparationRecipe) { recipes[name] = recipe }

    public var modelNames: [String] { models.keys.sorted() }

    func setModel(_ name: String, _ model: SessionModel) { models[name] = model }

    func setSegmentation(_ name: String, _ segmentation: SessionSegmentation) { segmentations[name] = segmentation }

    func recordPredicted(table: String, columns: [String], name: String) {
        for column in columns { predictedColumns[table, default: [:]][column] = name }
    }

    func recordInput(table: String, path: String) {
        // A table loaded anew has no predictions yet.
        predictedColumns[table] = nil
        inputFiles[table] = path
        readFiles.append(ProtectedFile(path: path, role: .table(table)))
    }

    func recordModelInput(model: String, path: String) {
        readFiles.append(ProtectedFile(path: path, role: .model(model)))
    }

    /// The files no output may replace: the script and every file read (see `OutputTargets`).
    public var protectedFiles: [ProtectedFile] {
        (scriptPath.map { [ProtectedFile(path: $0, role: .script)] } ?? []) + readFiles
    }

    /// The absolute, normalised form of a path written in a script.
    public func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : (baseDirectory as NSString).appendingPathComponent(expanded)
        return (absolute as NSString).standardizingPath
    }

    /// Where a file written by a step is, for the person who ran mlm: relative paths are read
    /// from the script's folder, so `out/r.html` in `examples/run.mlm` run from the repository
    /// is shown as `examples/out/r.html`; outside the current folder, as an absolute path. A path
    /// written absolute is shown as written.
    public func shownPath(_ path: String) -> String {
        let current = (FileManager.default.currentDirectoryPath as NSString).standardizingPath
        guard !path.hasPrefix("/"), !path.hasPrefix("~"), (baseDirectory as NSString).standardizingPath != current else { return path }
        let absolute = resolve(path)
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}

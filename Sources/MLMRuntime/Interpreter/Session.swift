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
    /// The clean and feature operations each table went through, for replay on new data.
    public private(set) var recipes: [String: PreparationRecipe] = [:]
    /// Writes the report of the steps run so far, for `report "file"`; installed by `mlm run`.
    public var reportWriter: ReportWriter?
    /// Relative paths in a script are resolved against this directory (the script's folder).
    public let baseDirectory: String

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

    func recordInput(table: String, path: String) { inputFiles[table] = path }

    /// The absolute, normalised form of a path written in a script.
    public func resolve(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let absolute = expanded.hasPrefix("/") ? expanded : (baseDirectory as NSString).appendingPathComponent(expanded)
        return (absolute as NSString).standardizingPath
    }

    /// Whether writing to `path` would overwrite a file some table was loaded from.
    func isInputFile(_ path: String) -> String? {
        let target = (path as NSString).resolvingSymlinksInPath
        return inputFiles.first { ($0.value as NSString).resolvingSymlinksInPath == target }?.key
    }
}

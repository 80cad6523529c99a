import Foundation
import MLMSyntax

/// Suggestions for a data file that cannot be found, shared by the checker and the interpreter.
enum FileHints {
    /// "did you mean 'customers.csv'?" when a file in the same folder has a close name.
    static func missingFileHelp(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return "check the folder name; paths are relative to the script's folder"
        }
        if let close = Suggestions.closest(to: name, in: files.sorted()) { return "did you mean '\(close)'?" }
        return "paths are relative to the script's folder"
    }
}

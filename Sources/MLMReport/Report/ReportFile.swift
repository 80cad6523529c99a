import Foundation
import MLMCore
import MLMRuntime

/// The three report formats, chosen by the file's extension or by name.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html
    case markdown
    case json

    /// From an extension: .html/.htm, .md/.markdown, .json.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "json": self = .json
        default: return nil
        }
    }

    /// From a `--format` value: html, md/markdown or json.
    public init?(name: String) {
        switch name.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "json": self = .json
        default: return nil
        }
    }
}

public struct ReportWriteError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Writes a report to disk atomically (`AtomicFileWriter`), never where `OutputTargets` refuses:
/// the script, a file it loaded, or anything that is not a regular file.
public enum ReportFile {
    /// The report's text, and for Markdown its chart files (relative path → contents).
    public static func render(_ document: ReportDocument, format: ReportFormat, path: String) -> (text: String, files: [(path: String, contents: String)]) {
        switch format {
        case .html: return (HTMLReportWriter().render(document), [])
        case .json: return (JSONReportWriter().render(document), [])
        case .markdown:
            let folder = filesFolder(for: path)
            let output = MarkdownReportWriter(filesFolder: folder).render(document)
            return (output.markdown, output.files.map { ("\(folder)/\($0.name)", $0.contents) })
        }
    }

    /// `churn.md` → `churn_files`.
    static func filesFolder(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return ((name as NSString).deletingPathExtension) + "_files"
    }

    /// Writes the report; `protected` are the files it must never replace (`Session.protectedFiles`),
    /// `written` the path as the user typed it, for messages.
    public static func write(_ document: ReportDocument, format: ReportFormat, to path: String, written: String? = nil,
                             protected: [ProtectedFile] = []) throws(ReportWriteError) {
        let target = (path as NSString).standardizingPath
        if let refusal = OutputTargets.refusal(writing: target, written: written ?? path, step: .report, protected: protected) {
            throw ReportWriteError(message: refusal.message)
        }
        let (text, files) = render(document, format: format, path: target)
        let directory = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !files.isEmpty {
                let folder = (directory as NSString).appendingPathComponent(filesFolder(for: target))
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try removeStaleCharts(in: folder, keeping: Set(files.map { ($0.path as NSString).lastPathComponent }))
                for file in files {
                    try atomicWrite(file.contents, to: (directory as NSString).appendingPathComponent(file.path))
                }
            }
            try atomicWrite(text, to: target)
        } catch let error as FileWriteError {
            throw ReportWriteError(message: error.message)
        } catch {
            throw ReportWriteError(message: "cannot write the report: \(error.localizedDescription)")
        }
    }

    /// Charts of an earlier run of the same report that this run does not write.
    private static func removeStaleCharts(in folder: String, keeping: Set<String>) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder)
        where name.hasPrefix("line-") && name.hasSuffix(".svg") && !keeping.contains(name) {
            try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    static func atomicWrite(_ text: String, to path: String) throws {
        try AtomicFileWriter.write(text, to: path)
    }
}

import Foundation
import MLMCore
import MLMSyntax

extension Interpreter {
    func runExport(_ export: ExportStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(export.table)
        let path = session.resolve(export.path.value)
        if let input = session.isInputFile(path), !StepOptions.flag("force", in: export.options) {
            throw RuntimeError(.failedStep, "'\(export.path.value)' is the file table '\(input)' was loaded from; exporting would overwrite it",
                               at: export.path.range, help: "write to another file, or add 'with force' to overwrite it on purpose")
        }
        if let roles = frame.roles {
            let names = roles.map(\.name)
            frame.setColumn(Column(name: uniqueName("role", in: frame), type: .category, strings: names))
            output.warnings.append("added a 'role' column (train/validation/test) because the table is split")
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try CSVWriter.write(frame, to: path)
        } catch let error as CSVError {
            throw RuntimeError(.outputFailed, "cannot write '\(export.path.value)': \(error.message)", at: export.path.range)
        } catch {
            throw RuntimeError(.outputFailed, "cannot create the folder for '\(export.path.value)'", at: export.path.range,
                               notes: [error.localizedDescription])
        }
        output.results.append(.exported(table: export.table.name, path: export.path.value,
                                        rows: frame.rowCount, columns: frame.columnCount))
    }

    private func uniqueName(_ base: String, in frame: DataFrame) -> String {
        var name = base, suffix = 2
        while frame.index(of: name) != nil { name = "\(base)_\(suffix)"; suffix += 1 }
        return name
    }
}

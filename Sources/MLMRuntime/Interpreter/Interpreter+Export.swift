import Foundation
import MLMCore
import MLMSyntax

extension Interpreter {
    func runExport(_ export: ExportStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(export.table)
        let path = session.resolve(export.path.value)
        try refuseOutput(path, export.path, step: .export, force: StepOptions.flag("force", in: export.options))
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

    /// The `OutputTargets` rule at run time (exit 70).
    func refuseOutput(_ path: String, _ written: PathLiteral, step: OutputStep, force: Bool = false) throws(RuntimeError) {
        if let refusal = OutputTargets.refusal(writing: path, written: written.value, step: step,
                                               protected: session.protectedFiles, force: force) {
            throw RuntimeError(.failedStep, refusal.message, at: written.range, help: refusal.help)
        }
    }

    private func uniqueName(_ base: String, in frame: DataFrame) -> String {
        var name = base, suffix = 2
        while frame.index(of: name) != nil { name = "\(base)_\(suffix)"; suffix += 1 }
        return name
    }
}

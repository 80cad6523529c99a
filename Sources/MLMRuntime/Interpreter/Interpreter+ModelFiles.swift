import Foundation
import MLMCore
import MLMSyntax

extension Interpreter {
    func runSave(_ save: SaveStatement, into output: inout StepOutput) throws(RuntimeError) {
        let entry = try sessionModel(save.model)
        let path = session.resolve(save.path.value)
        if let input = session.isInputFile(path) {
            throw RuntimeError("'\(save.path.value)' is the file table '\(input)' was loaded from; saving would overwrite it",
                               at: save.path.range, help: "save the model to a file of its own, such as \"models/\(save.model.name).mlmodel\"")
        }
        do {
            try ModelFile.write(entry.model, to: path, mlmVersion: MLMRuntimeVersion.version)
        } catch {
            throw RuntimeError(.outputFailed, error.message, at: save.path.range)
        }
        output.results.append(.modelSaved(model: save.model.name, path: save.path.value))
    }

    func runLoadModel(_ load: LoadModelStatement, into output: inout StepOutput) throws(RuntimeError) {
        let path = session.resolve(load.path.value)
        guard FileManager.default.fileExists(atPath: path) else {
            throw RuntimeError(.unreadableInput, "cannot find the model file '\(load.path.value)'", at: load.path.range,
                               help: FileHints.missingFileHelp(path))
        }
        let model: SupervisedModel
        do {
            model = try ModelFile.read(path: path)
        } catch {
            throw RuntimeError(.unreadableInput, "cannot use '\(load.path.value)': \(error.message)", at: load.path.range)
        }
        session.setModel(load.name.name, SessionModel(model: model, trainingTable: nil))
        output.results.append(.modelLoaded(model: load.name.name, path: load.path.value, algorithm: model.algorithm,
                                           target: Interpreter.describeTarget(model.target), trainingRows: model.trainingData.rows))
    }
}

import Foundation
import MLMCore
import MLMSyntax

extension Interpreter {
    func runSave(_ save: SaveStatement, into output: inout StepOutput) throws(RuntimeError) {
        let segmentation = session.models[save.model.name] == nil ? session.segmentations[save.model.name] : nil
        let stored: StoredModel
        if let segmentation {
            stored = .segmentation(segmentation.model)
        } else {
            stored = .supervised(try sessionModel(save.model).model)
        }
        let path = session.resolve(save.path.value)
        try refuseOutput(path, save.path, step: .save(model: save.model.name))
        do {
            try ModelFile.write(stored, to: path, mlmVersion: MLMRuntimeVersion.version)
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
        let stored: StoredModel
        do {
            stored = try ModelFile.readAny(path: path)
        } catch {
            throw RuntimeError(.unreadableInput, "cannot use '\(load.path.value)': \(error.message)", at: load.path.range)
        }
        session.recordModelInput(model: load.name.name, path: path)
        guard case .supervised(let model) = stored else {
            if case .segmentation(let segmentation) = stored { loadSegmentation(segmentation, load, into: &output) }
            return
        }
        session.setModel(load.name.name, SessionModel(model: model, trainingTable: nil))
        output.results.append(.modelLoaded(model: load.name.name, path: load.path.value, algorithm: model.algorithm,
                                           target: Interpreter.describeTarget(model.target), trainingRows: model.trainingData.rows))
    }
}

extension Interpreter {
    func loadSegmentation(_ model: SegmentationModel, _ load: LoadModelStatement, into output: inout StepOutput) {
        session.setSegmentation(load.name.name, SessionSegmentation(model: model, table: nil))
        output.results.append(.segmentationLoaded(name: load.name.name, path: load.path.value, algorithm: model.algorithm,
                                                  segments: model.clusterCount, features: model.features))
    }
}

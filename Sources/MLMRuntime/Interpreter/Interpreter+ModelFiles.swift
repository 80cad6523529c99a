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
        let trustEdits = StepOptions.flag("trust_edits", in: load.options)
        let loaded: ModelFile.Loaded
        do {
            loaded = try ModelFile.read(path: path, trustEdits: trustEdits)
        } catch {
            let edited = error.message == ModelFile.changedAfterSaving
            throw RuntimeError(.unreadableInput, "cannot use '\(load.path.value)': \(error.message)", at: load.path.range,
                               help: edited ? "save the model again with mlm; or, to use the edited file as it is, write: load model \"\(load.path.value)\" as \(load.name.name) with trust_edits" : nil)
        }
        session.recordModelInput(model: load.name.name, path: path)
        output.warnings += Interpreter.integrityNotes(loaded.integrity, path: load.path.value, trustEdits: trustEdits)
        let stored = loaded.stored
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
    /// What the output says about a model file's digest: nothing when it matches (unless
    /// `trust_edits` was not needed), a note when the file has none or was edited and trusted.
    static func integrityNotes(_ integrity: ModelFile.Integrity, path: String, trustEdits: Bool) -> [String] {
        switch integrity {
        case .verified:
            return trustEdits ? ["'\(path)' is as mlm saved it; trust_edits was not needed"] : []
        case .noDigest:
            return ["'\(path)' has no digest (saved by an older mlm), so changes to it cannot be detected; save the model again to add one"]
        case .trustedEdits:
            return ["'\(path)' was changed after mlm saved it; loaded because of trust_edits, after checking every field"]
        }
    }

    func loadSegmentation(_ model: SegmentationModel, _ load: LoadModelStatement, into output: inout StepOutput) {
        session.setSegmentation(load.name.name, SessionSegmentation(model: model, table: nil))
        output.results.append(.segmentationLoaded(name: load.name.name, path: load.path.value, algorithm: model.algorithm,
                                                  segments: model.clusterCount, features: model.features))
    }
}

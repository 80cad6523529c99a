import Foundation
import MLMCore
import MLMSyntax

extension Checker {
    mutating func checkTrain(_ train: TrainStatement) {
        let schema = schema(of: train.table)
        if let schema { checkColumns([train.target], in: schema) }
        guard let algorithm = AlgorithmRegistry.algorithm(named: train.algorithm.name) else {
            report("there is no algorithm '\(train.algorithm.name)'", at: train.algorithm.range,
                   help: Suggestions.didYouMean(train.algorithm.name, in: AlgorithmRegistry.names)
                       ?? "the algorithms are " + AlgorithmRegistry.names.joined(separator: ", "))
            models[train.model.name] = .some(nil)
            return
        }
        if case .failure(let list) = ModelOptions.parameters(train.options, for: algorithm) {
            list.diagnostics.forEach { report($0.message, at: $0.range, help: $0.help) }
        }
        if let positive = train.positiveValue, ExpressionEvaluator.scalar(of: positive) == nil {
            report("the value after '=' must be a plain value such as \"yes\", 1 or true", at: positive.range)
        }
        checkAsNumber(train.target, train.asNumber, in: schema, at: train.algorithm.range)
        checkSupport(algorithm, target: train.target, positive: train.positiveValue, asNumber: train.asNumber,
                     in: schema, at: train.algorithm.range)
        models[train.model.name] = .some(nil)
    }

    /// The model named in a step, reporting an unknown one.
    @discardableResult
    mutating func model(_ name: Identifier) -> Bool {
        guard models[name.name] == nil else { return true }
        report("there is no model '\(name.name)'", at: name.range,
               help: Suggestions.didYouMean(name.name, in: models.keys.sorted())
                   ?? "train one first: model \(name.name) = train logistic on <table> target <column>")
        return false
    }

    mutating func checkEvaluate(_ evaluate: EvaluateStatement) {
        model(evaluate.model)
        checkBusinessOptions(evaluate.options)
        if let on = evaluate.on, !RowRole.allCases.contains(where: { $0.name == on.name }) {
            _ = schema(of: on)
        }
    }

    mutating func checkPredict(_ predict: PredictStatement) {
        model(predict.model)
        guard var schema = schema(of: predict.table) else { return }
        let name = predict.output.name
        let columns = PredictColumns.names(name, task: models[predict.model.name] ?? nil, reasons: predict.withReasons)
        if let refusal = PredictColumns.refusal(columns, name: name, table: predict.table.name, existing: Set(schema.names),
                                                predictedBy: schema.predictedBy) {
            report(refusal.message, at: predict.output.range, help: refusal.help)
        }
        // The output columns depend on the kind of target; both possible names are allowed later.
        schema.set(name, nil)
        schema.addOpenPrefix(name + "_")
        schema.recordPredicted(PredictColumns.possibleNames(name, reasons: predict.withReasons), name: name)
        schemas[predict.table.name] = schema
    }

    mutating func checkLoadModel(_ load: LoadModelStatement) {
        for problem in StepOptions.problems(in: load.options, allowed: StepOptions.loadModel, step: "load model") {
            report(problem.message, at: problem.range, help: problem.help)
        }
        let path = session.resolve(load.path.value)
        loadedFiles.append(ProtectedFile(path: path, role: .model(load.name.name)))
        if !savedModelFiles.contains(path), !FileManager.default.isReadableFile(atPath: path) {
            report("cannot find the model file '\(load.path.value)'", at: load.path.range, help: FileHints.missingFileHelp(path))
            countMissingFile()
        }
        models[load.name.name] = .some(nil)
    }
}

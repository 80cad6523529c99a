import MLMCore
import MLMSyntax

extension Interpreter {
    func runTrain(_ train: TrainStatement, into output: inout StepOutput) throws(RuntimeError) {
        let algorithm = try algorithmNamed(train.algorithm)
        let frame = try table(train.table)
        try requireColumns([train.target], in: frame)
        let (parameters, classWeight): (Parameters, String?)
        switch ModelOptions.parameters(train.options, for: algorithm) {
        case .success(let result): (parameters, classWeight) = result
        case .failure(let list): throw RuntimeError(list.diagnostics[0].message, at: list.diagnostics[0].range, help: list.diagnostics[0].help)
        }
        let positive = try train.positiveValue.map { expr throws(RuntimeError) in try cellValue(expr) }
        if !frame.isSplit {
            output.warnings.append("'\(train.table.name)' is not split, so the model learns from all its rows and cannot be tested on unseen ones; split it first")
        }
        var request = SupervisedTraining.Request(
            target: train.target.name, positive: positive, algorithm: algorithm, parameters: parameters,
            classWeight: classWeight, rows: frame.fittingRows,
            validationRows: frame.roles.map { roles in roles.indices.filter { roles[$0] == .validation } } ?? [])
        request.asNumber = train.asNumber != nil
        request.screensInputs = true
        var model: SupervisedModel
        do {
            model = try SupervisedTraining.train(frame, request)
        } catch {
            throw RuntimeError(error.message, at: train.algorithm.range)
        }
        model.preparation = session.recipes[train.table.name] ?? PreparationRecipe()
        output.warnings += model.warnings
        session.setModel(train.model.name, SessionModel(model: model, trainingTable: train.table.name))
        var summary = TrainSummary(
            model: train.model.name, algorithm: algorithm.name, table: train.table.name,
            target: Interpreter.describeTarget(model.target), trainingRows: model.trainingData.rows,
            inputs: model.trainingData.columns.count,
            settings: settings(parameters, classWeight, algorithm), notes: model.notes)
        summary.importances = FeatureImportances.of(model.fitted, inputs: model.trainingData.columns)
        output.results.append(.trained(summary))
    }

    func algorithmNamed(_ name: Identifier) throws(RuntimeError) -> Algorithm {
        guard let algorithm = AlgorithmRegistry.algorithm(named: name.name) else {
            throw RuntimeError("there is no algorithm '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: AlgorithmRegistry.names)
                                   ?? "the algorithms are " + AlgorithmRegistry.names.joined(separator: ", "))
        }
        return algorithm
    }

    static func describeTarget(_ target: TargetSpec) -> String {
        switch target.task {
        case .binary: return "\(target.column) = '\(target.positiveClass ?? "")' (or not)"
        case .multiclass: return "\(target.column), \(target.classes.count) classes"
        case .regression: return "\(target.column), a number"
        }
    }

    private func settings(_ parameters: Parameters, _ classWeight: String?, _ algorithm: Algorithm) -> [(name: String, value: String)] {
        var result = parameters.values.keys.sorted().map { name in (name, Self.parameterText(parameters.values[name])) }
        if let classWeight { result.append(("class_weight", classWeight)) }
        return result
    }
}

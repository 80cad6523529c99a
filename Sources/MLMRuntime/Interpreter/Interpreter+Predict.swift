import MLMCore
import MLMSyntax

extension Interpreter {
    func runPredict(_ predict: PredictStatement, into output: inout StepOutput) throws(RuntimeError) {
        if session.models[predict.model.name] == nil, let segmentation = session.segmentations[predict.model.name] {
            return try runPredictSegment(predict, segmentation, into: &output)
        }
        let entry = try sessionModel(predict.model)
        let model = entry.model
        var frame = try table(predict.table)
        let columns = PredictColumns.names(predict.output.name, task: model.target.task, reasons: predict.withReasons)
        let replacing = try refuseReplacingColumns(columns, predict, in: frame)
        let ready = try prepared(frame, for: model, at: predict.table.range, warnings: &output.warnings)
        let predictions: Predictions
        do {
            let (result, report) = try model.predict(ready)
            predictions = result
            output.warnings += Interpreter.describe(report)
        } catch {
            throw RuntimeError(error.message, at: predict.table.range)
        }
        var added = addPredictions(predictions, model, as: predict.output.name, to: &frame)
        if predict.withReasons {
            for column in try reasonColumns(entry, ready, name: predict.output.name, warnings: &output.warnings, at: predict.table.range) {
                frame.setColumn(column)
                added.append(column.name)
            }
        }
        session.setTable(predict.table.name, frame)
        session.recordPredicted(table: predict.table.name, columns: added, name: predict.output.name)
        output.results.append(.predicted(table: predict.table.name, columns: added, rows: frame.rowCount))
        if let replacing { output.warnings.append(replacing) }
    }

    /// Binary: the score (probability of the positive class) and a label at the threshold.
    /// Classes: the most likely class and its probability. Numbers: the predicted value.
    private func addPredictions(_ predictions: Predictions, _ model: SupervisedModel, as name: String,
                                to frame: inout DataFrame) -> [String] {
        switch predictions {
        case .values(let values):
            frame.setColumn(Column(name: name, type: .number, numbers: values))
            return [name]
        case .probabilities(let p, let k) where k == 2:
            let scores = (0..<frame.rowCount).map { p[$0 * 2 + 1] }
            let labels = scores.map { model.target.classes[$0 >= model.threshold ? 1 : 0] }
            frame.setColumn(Column(name: name, type: .number, numbers: scores))
            frame.setColumn(Column(name: "\(name)_label", type: .category, strings: labels))
            return [name, "\(name)_label"]
        case .probabilities(let p, let k):
            let best = ModelEvaluation.argmax(p, classCount: k)
            frame.setColumn(Column(name: name, type: .category, strings: best.map { model.target.classes[$0] }))
            frame.setColumn(Column(name: "\(name)_probability", type: .number,
                                   numbers: best.enumerated().map { p[$0.offset * k + $0.element] }))
            return [name, "\(name)_probability"]
        }
    }

    /// The table as the model expects it: as is when it already has the model's inputs (the
    /// training table, or one prepared by the same steps), else a copy with the training
    /// table's preparation replayed.
    func prepared(_ frame: DataFrame, for model: SupervisedModel, at range: SourceRange,
                  warnings: inout [String]) throws(RuntimeError) -> DataFrame {
        let positions = frame.columnPositions()
        if model.encoding.requiredColumns.allSatisfy({ positions[$0] != nil }) { return frame }
        guard !model.preparation.steps.isEmpty else {
            let missing = model.encoding.requiredColumns.filter { frame.index(of: $0) == nil }
            throw RuntimeError("the table lacks \(Words.list(missing)), which the model needs", at: range)
        }
        var copy = frame
        var lost: [String] = []
        try replay(model.preparation, on: &copy, at: range, warnings: &lost)
        warnings.append("prepared the rows with the model's \(Words.plural(model.preparation.steps.count, "recorded step")) (values learned in training, rows never removed)")
        warnings += lost
        let missing = model.encoding.requiredColumns.filter { copy.index(of: $0) == nil }
        guard missing.isEmpty else {
            throw RuntimeError("even after preparing it like the training data, the table lacks \(Words.list(missing)), which the model needs", at: range)
        }
        return copy
    }

    static func describe(_ report: EncodingReport) -> [String] {
        var notes: [String] = []
        for (column, cells) in report.filledNumbers {
            notes.append("\(Words.plural(cells, "missing value")) in '\(column)' treated as the training median")
        }
        for (column, cells, examples) in report.unseenCategories {
            let shown = examples.map { "'\($0)'" }.joined(separator: ", ")
            notes.append("\(Words.plural(cells, "row")) with a '\(column)' value never seen in training (\(shown)) scored as if it were missing")
        }
        return notes
    }
}

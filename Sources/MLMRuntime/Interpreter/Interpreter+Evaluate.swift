import MLMCore
import MLMSyntax

extension Interpreter {
    /// One set of rows a model is measured on: a part of its training table or another table.
    struct EvaluationPart {
        let name: String
        let frame: DataFrame
        let rows: [Int]
    }

    func runEvaluate(_ evaluate: EvaluateStatement, into output: inout StepOutput) throws(RuntimeError) {
        var entry = try sessionModel(evaluate.model)
        let parts = try evaluationParts(evaluate, entry, warnings: &output.warnings)
        var scored: [(EvaluationPart, ScoredRows)] = []
        for part in parts {
            scored.append((part, try score(entry.model, part, at: evaluate.model.range, warnings: &output.warnings)))
        }
        let (threshold, rule) = try chooseThreshold(evaluate.threshold, entry, scored, at: evaluate.model.range)
        let evaluation = ModelEvaluation(model: entry.model, threshold: threshold)
        var reportParts: [EvaluationReport.Part] = []
        for (part, rows) in scored {
            let metrics = evaluation.metrics(rows)
            reportParts.append(.init(name: part.name, rows: rows.labels.count, metrics: metrics))
            entry.model.metrics[part.name] = Dictionary(metrics.compactMap { m in m.value.map { (m.name, $0) } }) { a, _ in a }
        }
        entry.model.threshold = threshold
        session.setModel(evaluate.model.name, entry)
        if let warning = try overfittingWarning(entry, scored, at: evaluate.model.range) { output.warnings.append(warning) }
        let (detailPart, detailRows) = scored[scored.count - 1]
        output.results.append(.evaluated(evaluation.report(
            name: evaluate.model.name, parts: reportParts, detailPart: detailPart.name, detail: detailRows, rule: rule)))
        if !evaluate.options.isEmpty {
            try evaluationExtras(evaluate.options, &entry, part: detailPart.name, rows: detailRows, threshold: threshold,
                                 scored: scored, into: &output)
            session.setModel(evaluate.model.name, entry)
        }
    }

    func sessionModel(_ name: Identifier) throws(RuntimeError) -> SessionModel {
        guard let entry = session.models[name.name] else {
            throw RuntimeError("there is no model '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: session.modelNames)
                                   ?? "train one first: model \(name.name) = train logistic on table target column")
        }
        return entry
    }

    private func evaluationParts(_ evaluate: EvaluateStatement, _ entry: SessionModel,
                                 warnings: inout [String]) throws(RuntimeError) -> [EvaluationPart] {
        if let on = evaluate.on, RowRole.allCases.contains(where: { $0.name == on.name }) == false {
            let frame = try table(on)
            return [EvaluationPart(name: on.name, frame: frame, rows: Array(0..<frame.rowCount))]
        }
        guard let tableName = entry.trainingTable, let frame = session.table(tableName) else {
            throw RuntimeError("say which table to evaluate '\(evaluate.model.name)' on", at: evaluate.model.range,
                               help: "write: evaluate \(evaluate.model.name) on <table>")
        }
        guard let roles = frame.roles else {
            warnings.append("'\(tableName)' is not split: these are the rows the model learned from, so the numbers are optimistic")
            return [EvaluationPart(name: "all rows", frame: frame, rows: Array(0..<frame.rowCount))]
        }
        let wanted = evaluate.on.map { name in RowRole.allCases.filter { $0.name == name.name } } ?? RowRole.allCases
        let parts = wanted.compactMap { role -> EvaluationPart? in
            let rows = roles.indices.filter { roles[$0] == role }
            return rows.isEmpty ? nil : EvaluationPart(name: role.name, frame: frame, rows: rows)
        }
        guard !parts.isEmpty else {
            throw RuntimeError("'\(tableName)' has no \(evaluate.on?.name ?? "") rows", at: evaluate.on?.range ?? evaluate.model.range)
        }
        return parts
    }

    /// Predictions and labels of the rows of a part whose target is known.
    func score(_ model: SupervisedModel, _ part: EvaluationPart, at range: SourceRange,
                       warnings: inout [String]) throws(RuntimeError) -> ScoredRows {
        let frame = try prepared(part.frame, for: model, at: range, warnings: &warnings)
        let labels: [Double?]
        do {
            labels = try model.targetEncoder.labels(frame, rows: part.rows)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
        let known = zip(part.rows, labels).compactMap { $1 == nil ? nil : $0 }
        if known.count < part.rows.count {
            warnings.append("\(part.name): left out \(Words.plural(part.rows.count - known.count, "row")) whose '\(model.target.column)' is missing or a value the model does not know")
        }
        guard !known.isEmpty else {
            throw RuntimeError("\(part.name) has no rows with a known '\(model.target.column)' to compare with", at: range)
        }
        do {
            let (predictions, report) = try model.predict(frame, rows: known)
            warnings += Interpreter.describe(report)
            return ScoredRows(labels: labels.compactMap { $0 }, predictions: predictions)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
    }

    private func chooseThreshold(_ expr: Expr?, _ entry: SessionModel, _ scored: [(EvaluationPart, ScoredRows)],
                                 at range: SourceRange) throws(RuntimeError) -> (Double, String?) {
        let model = entry.model
        guard let expr else { return (model.threshold, nil) }
        let rule = try ThresholdRule.read(expr, allowsProfit: false)
        if case .fixed(let value) = rule { return (value, nil) }
        guard model.target.task == .binary else {
            throw RuntimeError("best_f1 and recall(80%) choose a threshold for yes/no targets; '\(model.target.column)' is not one", at: expr.range,
                               help: "leave out 'at threshold'")
        }
        let choosing = try requireChoosingRows(entry, reusing: scored, at: expr.range)
        return try threshold(rule, entry, on: choosing, at: expr.range)
    }
}

extension Interpreter {
    /// A share written as 80% or 0.8.
    static func share(_ expr: Expr) -> Double? {
        switch expr.kind {
        case .percent(let p) where p > 0 && p <= 100: return p / 100
        case .number(let n) where n > 0 && n <= 1: return n
        default: return nil
        }
    }
}

/// Scores of the rows of one evaluation part whose target is known.
struct ScoredRows {
    let labels: [Double]
    let predictions: Predictions

    /// Probability of the positive class per row (binary); empty otherwise.
    var positiveScores: [Double] {
        guard case .probabilities(let p, let k) = predictions, k == 2 else { return [] }
        return (0..<labels.count).map { p[$0 * 2 + 1] }
    }
}

import Foundation
import MLMCore
import MLMSyntax

/// Settings shared by `compare` and `tune`, read from their `with` options.
struct SelectionSettings {
    var folds = 5
    var seed = 42
    var trials: Int?
    /// Bootstrap resamples for the interval of each candidate (on its out-of-fold predictions).
    var bootstrap = 200

    static let names = ["cv", "seed", "trials", "bootstrap"]

    /// Reads `cv`, `seed`, `trials` and `bootstrap`; nil with the problem when an option is wrong.
    static func read(_ options: [NamedOption], allowTrials: Bool) -> Result<SelectionSettings, Diagnostic> {
        var settings = SelectionSettings()
        for option in options {
            let name = option.name.name
            let allowed = allowTrials ? names : names.filter { $0 != "trials" }
            guard allowed.contains(name) else {
                return .failure(Diagnostic(.error, "unknown option '\(name)'", at: option.name.range,
                                           help: Suggestions.didYouMean(name, in: allowed) ?? "the options are " + allowed.joined(separator: ", ")))
            }
            let low = name == "cv" ? 2 : name == "seed" ? 0 : name == "bootstrap" ? 0 : 1
            let high = name == "cv" ? 100 : name == "bootstrap" ? 100_000 : name == "seed" ? ParameterSpec.seedRange.upperBound : Int(Int32.max)
            guard case .number(let v)? = option.value?.kind, v == v.rounded(), v >= Double(low), v <= Double(high) else {
                let got = option.value.map(LiteralRules.got) ?? ""
                return .failure(Diagnostic(.error, "\(name) must be a whole number from \(low) to \(ValueText.grouped(high))\(got)", at: option.range))
            }
            switch name {
            case "cv": settings.folds = Int(v)
            case "seed": settings.seed = Int(v)
            case "trials": settings.trials = Int(v)
            default: settings.bootstrap = Int(v)
            }
        }
        return .success(settings)
    }
}

extension Interpreter {
    func runCompare(_ compare: CompareStatement, into output: inout StepOutput) throws(RuntimeError) {
        let settings = try selectionSettings(compare.options, allowTrials: false)
        let (problem, frame) = try selectionProblem(compare.data)
        let metric = try selectionMetric(compare.metric, problem.spec.task)
        var candidates: [Candidate] = []
        for entry in compare.candidates {
            let algorithm = try algorithmNamed(entry.algorithm)
            if let unsupported = problem.supportProblem(algorithm) { throw RuntimeError(unsupported, at: entry.algorithm.range) }
            let (parameters, classWeight) = try modelParameters(entry.options, algorithm)
            candidates.append(Candidate(label: entry.algorithm.name, algorithm: algorithm, parameters: parameters, classWeight: classWeight))
        }
        let range = compare.data.target.range
        let (rows, scores) = try crossValidate(problem, candidates, metric, settings, at: range) { index in
            describeOptions(compare.candidates[index].options)
        }
        let overlapping = rows.dropFirst().filter { row in
            guard let a = rows[0].interval, let b = row.interval else { return false }
            return BootstrapInterval.overlap(a, b)
        }.map(\.label)
        if let name = compare.keepAs { output.warnings += try keepBest(scores[0].candidate, as: name, data: compare.data, frame: frame) }
        output.results.append(.selection(.compared(CompareSummary(
            table: compare.data.table.name, target: Interpreter.describeTarget(problem.spec), metric: metric.displayName,
            higherIsBetter: metric.higherIsBetter, folds: settings.folds, rows: problem.rows.count, seed: settings.seed,
            candidates: rows, keptAs: compare.keepAs?.name, overlapping: overlapping))))
    }

    func describeOptions(_ options: [NamedOption]) -> String {
        options.map { option in option.value.map { "\(option.name.name) \(text(of: $0.range))" } ?? option.name.name }.joined(separator: ", ")
    }

    /// Cross-validates candidates on shared folds; rows ranked best first, with intervals.
    func crossValidate(_ problem: SelectionProblem, _ candidates: [Candidate], _ metric: SelectionMetric,
                       _ settings: SelectionSettings, at range: SourceRange,
                       settingsText: (Int) -> String = { _ in "" }) throws(RuntimeError) -> ([CandidateRow], [CandidateScore]) {
        let others = SelectionMetric.applicable(to: problem.spec.task).filter { $0 != metric }.prefix(3)
        let metrics = [metric] + others
        let scores: [CandidateScore]
        do {
            let folds = try problem.folds(settings.folds, seed: UInt64(settings.seed))
            scores = try CrossValidation.score(problem, candidates, folds: folds, metrics: metrics)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
        var rows: [CandidateRow] = []
        for (index, score) in scores.enumerated() {
            let interval = settings.bootstrap >= 10
                ? try? BootstrapInterval.compute(labels: problem.labels, predictions: score.outOfFold, metric: metric,
                                                 samples: settings.bootstrap, seed: UInt64(settings.seed))
                : nil
            rows.append(CandidateRow(label: score.candidate.label, settings: settingsText(index), mean: score.mean(metric),
                                     standardDeviation: score.standardDeviation(metric),
                                     others: others.map { ($0.displayName, score.mean($0)) },
                                     fitSeconds: score.fitSeconds.reduce(0, +), interval: interval))
        }
        let order = rows.indices.sorted { a, b in
            if rows[a].mean != rows[b].mean { return metric.isBetter(rows[a].mean, than: rows[b].mean) }
            return a < b
        }
        return (order.map { rows[$0] }, order.map { scores[$0] })
    }

    /// Retrains a candidate on every fitting row of the table, as `train` would, and keeps it.
    /// Returns the warnings of training it (an input that alone separates the target).
    @discardableResult
    func keepBest(_ candidate: Candidate, as name: Identifier, data: SelectionTarget, frame: DataFrame) throws(RuntimeError) -> [String] {
        let positive = try data.positiveValue.map { expr throws(RuntimeError) in try cellValue(expr) }
        var request = SupervisedTraining.Request(
            target: data.target.name, positive: positive, algorithm: candidate.algorithm, parameters: candidate.parameters,
            classWeight: candidate.classWeight, rows: frame.fittingRows,
            validationRows: frame.roles.map { roles in roles.indices.filter { roles[$0] == .validation } } ?? [])
        request.asNumber = data.asNumber != nil
        request.screensInputs = true
        var model: SupervisedModel
        do {
            model = try SupervisedTraining.train(frame, request)
        } catch {
            throw RuntimeError(error.message, at: name.range)
        }
        model.preparation = session.recipes[data.table.name] ?? PreparationRecipe()
        session.setModel(name.name, SessionModel(model: model, trainingTable: data.table.name))
        return model.warnings
    }

    func selectionSettings(_ options: [NamedOption], allowTrials: Bool) throws(RuntimeError) -> SelectionSettings {
        switch SelectionSettings.read(options, allowTrials: allowTrials) {
        case .success(let settings): return settings
        case .failure(let d): throw RuntimeError(d.message, at: d.range, help: d.help)
        }
    }

    func selectionProblem(_ data: SelectionTarget) throws(RuntimeError) -> (SelectionProblem, DataFrame) {
        let frame = try table(data.table)
        try requireColumns([data.target], in: frame)
        let positive = try data.positiveValue.map { expr throws(RuntimeError) in try cellValue(expr) }
        do {
            return (try SelectionProblem(frame: frame, target: data.target.name, positive: positive, asNumber: data.asNumber != nil,
                                         rows: frame.fittingRows), frame)
        } catch {
            throw RuntimeError(error.message, at: data.target.range)
        }
    }

    func selectionMetric(_ name: Identifier?, _ task: TargetSpec.Task) throws(RuntimeError) -> SelectionMetric {
        let applicable = SelectionMetric.applicable(to: task)
        guard let name else { return applicable[0] }
        guard let metric = SelectionMetric(rawValue: name.name) else {
            throw RuntimeError("unknown metric '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: SelectionMetric.allCases.map(\.rawValue))
                                   ?? "the metrics are " + applicable.map(\.rawValue).joined(separator: ", "))
        }
        guard applicable.contains(metric) else {
            throw RuntimeError("\(metric.rawValue) does not apply to a \(task == .regression ? "number" : task == .binary ? "yes/no" : "several-class") target",
                               at: name.range, help: "use one of " + applicable.map(\.rawValue).joined(separator: ", "))
        }
        return metric
    }

    func modelParameters(_ options: [NamedOption], _ algorithm: Algorithm) throws(RuntimeError) -> (Parameters, String?) {
        switch ModelOptions.parameters(options, for: algorithm) {
        case .success(let result): return result
        case .failure(let list):
            throw RuntimeError(list.diagnostics[0].message, at: list.diagnostics[0].range, help: list.diagnostics[0].help)
        }
    }
}

import MLMCore
import MLMSyntax

extension Interpreter {
    func runTune(_ tune: TuneStatement, into output: inout StepOutput) throws(RuntimeError) {
        let settings = try selectionSettings(tune.options, allowTrials: true)
        let algorithm = try algorithmNamed(tune.algorithm)
        let axes = try Interpreter.searchAxes(tune.grid, algorithm)
        let (problem, frame) = try selectionProblem(tune.data)
        if let unsupported = problem.supportProblem(algorithm) { throw RuntimeError(unsupported, at: tune.algorithm.range) }
        let metric = try selectionMetric(tune.metric, problem.spec.task)
        let (base, classWeight) = try modelParameters([], algorithm)
        let settingsList = try Interpreter.searchSettings(axes, base: base, settings, at: tune.grid[0].range)
        let candidates = settingsList.map { Candidate(label: algorithm.name, algorithm: algorithm, parameters: $0, classWeight: classWeight) }
        let describe = { (index: Int) -> String in
            axes.map { "\($0.name) \(Interpreter.parameterText(settingsList[index].values[$0.name]))" }.joined(separator: ", ")
        }
        var tuned = settings
        tuned.bootstrap = 0
        let (rows, scores) = try crossValidate(problem, candidates, metric, tuned, at: tune.algorithm.range, settingsText: describe)
        let best = scores[0].candidate.parameters
        if let name = tune.keepAs { output.warnings += try keepBest(scores[0].candidate, as: name, data: tune.data, frame: frame) }
        output.results.append(.selection(.tuned(TuneSummary(
            algorithm: algorithm.name, table: tune.data.table.name, target: Interpreter.describeTarget(problem.spec),
            metric: metric.displayName, folds: settings.folds, rows: problem.rows.count,
            gridSize: ParameterSearch.gridSize(axes), trials: rows,
            bestSettings: axes.map { ($0.name, Interpreter.parameterText(best.values[$0.name])) }, keptAs: tune.keepAs?.name))))
    }

    /// The settings tried: every combination, or a seeded sample of `trials` of them. The
    /// checker builds the same list, so a grid too large is found before running.
    static func searchSettings(_ axes: [ParameterSearch.Axis], base: Parameters, _ settings: SelectionSettings,
                               at range: SourceRange) throws(RuntimeError) -> [Parameters] {
        do {
            if let trials = settings.trials {
                return try ParameterSearch.random(axes, base: base, trials: trials, seed: UInt64(settings.seed))
            }
            return try ParameterSearch.grid(axes, base: base)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
    }

    /// The values to try for each setting: a range of whole numbers, a list, or one value,
    /// each checked against the setting's rule as `train` checks it (the checker calls this too).
    static func searchAxes(_ grid: [NamedOption], _ algorithm: Algorithm) throws(RuntimeError) -> [ParameterSearch.Axis] {
        var axes: [ParameterSearch.Axis] = []
        for option in grid {
            guard option.name.name != "class_weight" else {
                throw RuntimeError("class_weight cannot be tuned", at: option.name.range, help: "compare the two settings with compare instead")
            }
            func checked(_ expr: Expr) throws(RuntimeError) -> ParameterValue? {
                switch ModelOptions.parameters([NamedOption(name: option.name, value: expr, range: option.range)], for: algorithm) {
                case .success(let (parameters, _)): return parameters.values[option.name.name]
                case .failure(let list):
                    let first = list.diagnostics[0]
                    throw RuntimeError(first.message, at: first.range, help: first.help)
                }
            }
            // The ends of a range first, so a wrong end is named as written.
            if case .range(let low, let high)? = option.value?.kind {
                _ = try checked(low)
                _ = try checked(high)
            }
            var values: [ParameterValue] = []
            for expr in try searchValues(option) {
                if let value = try checked(expr), !values.contains(value) { values.append(value) }
            }
            axes.append(ParameterSearch.Axis(name: option.name.name, values: values))
        }
        return axes
    }

    private static func searchValues(_ option: NamedOption) throws(RuntimeError) -> [Expr] {
        guard let value = option.value else {
            throw RuntimeError("give the values of '\(option.name.name)' to try, as a range 3..8 or a list [0.03, 0.1]", at: option.range)
        }
        switch value.kind {
        case .list(let items):
            guard !items.isEmpty else {
                throw RuntimeError("parameter '\(option.name.name)' has no values to try", at: value.range, help: "write a list such as [0.03, 0.1, 0.3]")
            }
            return items
        case .range(let low, let high):
            guard let a = LiteralRules.wholeNumber(low), let b = LiteralRules.wholeNumber(high) else {
                throw RuntimeError("a range of values must run between two whole numbers, as in 3..8", at: value.range,
                                   help: "for numbers with decimals, give a list such as [0.03, 0.1, 0.3]")
            }
            guard a <= b, b - a <= 1000 else {
                throw RuntimeError(a > b ? "parameter '\(option.name.name)' has no values to try: \(a)..\(b) is empty"
                                         : "the range \(a)..\(b) has more than 1,000 values", at: value.range,
                                   help: a > b ? "write the smaller value first, as in 3..8" : nil)
            }
            return (a...b).map { Expr(.number(Double($0)), range: value.range) }
        default:
            return [value]
        }
    }

    static func parameterText(_ value: ParameterValue?) -> String {
        switch value {
        case .integer(let n)?: return String(n)
        case .number(let n)?: return ValueText.formatNumber(n)
        case .text(let t)?: return t
        case .flag(let f)?: return f ? "yes" : "no"
        case .integers(let list)?: return "[" + list.map(String.init).joined(separator: ", ") + "]"
        case nil: return ""
        }
    }
}

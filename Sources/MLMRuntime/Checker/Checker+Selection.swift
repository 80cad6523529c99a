import MLMCore
import MLMSyntax

/// Checks of compare, tune, select features, explain, set threshold and the `with` options of
/// evaluate: names that exist (with "did you mean"), metrics, ranges and option values.
/// Problems that depend on the data (cv larger than the smallest class) are found when run.
extension Checker {
    mutating func checkCompare(_ compare: CompareStatement) {
        checkSelectionTarget(compare.data)
        for candidate in compare.candidates {
            guard let algorithm = knownAlgorithm(candidate.algorithm) else { continue }
            if case .failure(let list) = ModelOptions.parameters(candidate.options, for: algorithm) {
                list.diagnostics.forEach { report($0.message, at: $0.range, help: $0.help) }
            }
        }
        checkRanking(compare.metric, compare.options, allowTrials: false)
        if let name = compare.keepAs { models[name.name] = .some(nil) }
    }

    mutating func checkTune(_ tune: TuneStatement) {
        checkSelectionTarget(tune.data)
        if let algorithm = knownAlgorithm(tune.algorithm) {
            let specs = ModelOptions.specs(for: algorithm).map(\.name)
            for option in tune.grid {
                guard specs.contains(option.name.name) else {
                    report("\(algorithm.name) has no option '\(option.name.name)'", at: option.name.range,
                           help: Suggestions.didYouMean(option.name.name, in: specs) ?? "its options are " + specs.joined(separator: ", "))
                    continue
                }
                checkSearchValues(option)
            }
        }
        checkRanking(tune.metric, tune.options, allowTrials: true)
        if let name = tune.keepAs { models[name.name] = .some(nil) }
    }

    private mutating func checkSearchValues(_ option: NamedOption) {
        switch option.value?.kind {
        case nil:
            report("give the values of '\(option.name.name)' to try, as a range 3..8 or a list [0.03, 0.1]", at: option.range)
        case .list(let items)? where items.isEmpty:
            report("parameter '\(option.name.name)' has no values to try", at: option.range, help: "write a list such as [0.03, 0.1, 0.3]")
        case .range(let low, let high)?:
            if case .number(let a) = low.kind, case .number(let b) = high.kind, a > b {
                report("parameter '\(option.name.name)' has no values to try: \(ValueText.formatNumber(a))..\(ValueText.formatNumber(b)) is empty",
                       at: option.range, help: "write the smaller value first, as in 3..8")
            }
        default:
            break
        }
    }

    private mutating func checkSelectionTarget(_ data: SelectionTarget) {
        if let schema = schema(of: data.table) { checkColumns([data.target], in: schema) }
        if let positive = data.positiveValue, ExpressionEvaluator.scalar(of: positive) == nil {
            report("the value after '=' must be a plain value such as \"yes\", 1 or true", at: positive.range)
        }
    }

    private mutating func knownAlgorithm(_ name: Identifier) -> Algorithm? {
        if let algorithm = AlgorithmRegistry.algorithm(named: name.name) { return algorithm }
        report("there is no algorithm '\(name.name)'", at: name.range,
               help: Suggestions.didYouMean(name.name, in: AlgorithmRegistry.names)
                   ?? "the algorithms are " + AlgorithmRegistry.names.joined(separator: ", "))
        return nil
    }

    private mutating func checkRanking(_ metric: Identifier?, _ options: [NamedOption], allowTrials: Bool) {
        if let metric, SelectionMetric(rawValue: metric.name) == nil {
            let names = SelectionMetric.allCases.map(\.rawValue)
            report("unknown metric '\(metric.name)'", at: metric.range,
                   help: Suggestions.didYouMean(metric.name, in: names) ?? "the metrics are " + names.joined(separator: ", "))
        }
        if case .failure(let d) = SelectionSettings.read(options, allowTrials: allowTrials) {
            report(d.message, at: d.range, help: d.help)
        }
    }

    mutating func checkSelectFeatures(_ select: SelectFeaturesStatement) {
        checkSelectionTarget(SelectionTarget(table: select.table, target: select.target, positiveValue: select.positiveValue))
        do {
            _ = try Interpreter.featureCount(select.count)
            _ = try Interpreter.featureRanking(select.ranking)
        } catch {
            report(error.diagnostic.message, at: error.diagnostic.range, help: error.diagnostic.help)
        }
    }

    mutating func checkExplain(_ explain: ExplainStatement) {
        model(explain.model)
        if let on = explain.on, !RowRole.allCases.contains(where: { $0.name == on.name }) { _ = schema(of: on) }
    }

    mutating func checkSetThreshold(_ set: SetThresholdStatement) {
        model(set.model)
        switch set.threshold.kind {
        case .number(let v) where v > 0 && v < 1: break
        case .percent(let v) where v > 0 && v < 100: break
        case .name("best_f1"), .name("best_profit"): break
        case .call(let name, let arguments) where name.name == "recall" && arguments.count == 1 && Interpreter.share(arguments[0]) != nil: break
        case .name(let word):
            report("the threshold must be a number between 0 and 1, best_f1, best_profit or recall(80%)", at: set.threshold.range,
                   help: Suggestions.didYouMean(word, in: ["best_f1", "best_profit"]))
        default:
            report("the threshold must be a number between 0 and 1, best_f1, best_profit or recall(80%)", at: set.threshold.range)
        }
        checkBusinessOptions(set.options)
    }

    mutating func checkBusinessOptions(_ options: [NamedOption]) {
        if case .failure(let d) = BusinessOptions.read(options) { report(d.message, at: d.range, help: d.help) }
    }
}

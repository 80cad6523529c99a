import MLMCore
import MLMSyntax

/// Checks of compare, tune, select features, explain, set threshold and the `with` options of
/// evaluate: names that exist (with "did you mean"), metrics, ranges and option values.
/// Problems that depend on the data (cv larger than the smallest class) are found when run.
extension Checker {
    mutating func checkCompare(_ compare: CompareStatement) {
        let schema = checkSelectionTarget(compare.data)
        for candidate in compare.candidates {
            guard let algorithm = knownAlgorithm(candidate.algorithm) else { continue }
            checkSupport(algorithm, target: compare.data.target, positive: compare.data.positiveValue,
                         asNumber: compare.data.asNumber, in: schema, at: candidate.algorithm.range)
            if case .failure(let list) = ModelOptions.parameters(candidate.options, for: algorithm) {
                list.diagnostics.forEach { report($0.message, at: $0.range, help: $0.help) }
            }
        }
        checkRanking(compare.metric, compare.options, allowTrials: false)
        if let name = compare.keepAs { models[name.name] = .some(nil) }
    }

    mutating func checkTune(_ tune: TuneStatement) {
        let schema = checkSelectionTarget(tune.data)
        if let algorithm = knownAlgorithm(tune.algorithm) {
            checkSupport(algorithm, target: tune.data.target, positive: tune.data.positiveValue,
                         asNumber: tune.data.asNumber, in: schema, at: tune.algorithm.range)
            let specs = ModelOptions.specs(for: algorithm).map(\.name)
            for option in tune.grid where !specs.contains(option.name.name) {
                report("\(algorithm.name) has no option '\(option.name.name)'", at: option.name.range,
                       help: Suggestions.didYouMean(option.name.name, in: specs) ?? "its options are " + specs.joined(separator: ", "))
            }
            checkTuneValues(tune, algorithm, known: specs)
        }
        checkRanking(tune.metric, tune.options, allowTrials: true)
        if let name = tune.keepAs { models[name.name] = .some(nil) }
    }

    @discardableResult
    private mutating func checkSelectionTarget(_ data: SelectionTarget) -> Schema? {
        let schema = schema(of: data.table)
        if let schema { checkColumns([data.target], in: schema) }
        if let positive = data.positiveValue, ExpressionEvaluator.scalar(of: positive) == nil {
            report("the value after '=' must be a plain value such as \"yes\", 1 or true", at: positive.range)
        }
        checkAsNumber(data.target, data.asNumber, in: schema, at: data.target.range)
        return schema
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
        checkSelectionTarget(SelectionTarget(table: select.table, target: select.target, positiveValue: select.positiveValue,
                                             asNumber: select.asNumber))
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
        checkBusinessOptions(set.options)
    }

    mutating func checkBusinessOptions(_ options: [NamedOption]) {
        if case .failure(let d) = BusinessOptions.read(options) { report(d.message, at: d.range, help: d.help) }
    }
}

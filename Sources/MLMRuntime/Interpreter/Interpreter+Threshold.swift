import MLMCore
import MLMSyntax

/// The options of `evaluate … with` and `set threshold … with`.
struct BusinessOptions {
    var cost: Double?
    var value: Double?
    /// A count of rows, or a share (written as a percent) of the rows evaluated.
    var capacity: (count: Int?, share: Double?) = (nil, nil)
    var bootstrap = 1000
    var seed = 42

    static let names = ["cost", "value", "capacity", "bootstrap", "seed"]

    static func read(_ options: [NamedOption], allowed: [String] = names) -> Result<BusinessOptions, Diagnostic> {
        var result = BusinessOptions()
        for option in options {
            let name = option.name.name
            guard allowed.contains(name) else {
                return .failure(Diagnostic(.error, "unknown option '\(name)'", at: option.name.range,
                                           help: Suggestions.didYouMean(name, in: allowed) ?? "the options are " + allowed.joined(separator: ", ")))
            }
            let kind = option.value?.kind
            switch (name, kind) {
            case ("cost", .number(let v)?) where v >= 0: result.cost = v
            case ("value", .number(let v)?) where v > 0: result.value = v
            case ("capacity", .number(let v)?) where v >= 1 && ModelOptions.whole(v) != nil: result.capacity = (Int(v), nil)
            case ("capacity", .percent(let p)?) where p > 0 && p <= 100: result.capacity = (nil, p / 100)
            case ("bootstrap", .number(let v)?) where v >= 10 && v <= 100_000 && v == v.rounded(): result.bootstrap = Int(v)
            case ("seed", .number(let v)?) where ModelOptions.whole(v).map(ParameterSpec.seedRange.contains) == true: result.seed = Int(v)
            default:
                return .failure(Diagnostic(.error, BusinessOptions.rule(name), at: option.range))
            }
        }
        if (result.cost == nil) != (result.value == nil) {
            return .failure(Diagnostic(.error, "give both the cost of a contact and the value of a conversion",
                                       at: options[0].range, help: "write: with cost 2, value 60"))
        }
        return .success(result)
    }

    static func rule(_ name: String) -> String {
        switch name {
        case "cost": return "cost must be a number of at least 0 (what one contact costs)"
        case "value": return "value must be a number above 0 (what one conversion is worth)"
        case "capacity": return "capacity must be a whole number of contacts of at least 1, or a percentage of the rows such as 20%"
        case "bootstrap": return "bootstrap must be a whole number of samples from 10 to 100,000"
        default: return "seed must be \(LiteralRules.seedRule)"
        }
    }

    func businessValue(rows: Int) throws(ModelError) -> BusinessValue? {
        guard let cost, let value else { return nil }
        let limit = capacity.count ?? capacity.share.map { max(1, Int((Double(rows) * $0).rounded(.down))) }
        return try BusinessValue(costPerContact: cost, valuePerConversion: value, capacity: limit)
    }
}

extension Interpreter {
    /// Extras of `evaluate … with`: bootstrap intervals of the headline metrics, and the
    /// profit view when a cost and a value are given (remembered for `set threshold … best_profit`).
    func evaluationExtras(_ options: [NamedOption], _ entry: inout SessionModel, part: String, rows: ScoredRows,
                          threshold: Double, scored: [(EvaluationPart, ScoredRows)], into output: inout StepOutput) throws(RuntimeError) {
        let settings = try businessOptions(options)
        let range = options[0].range
        let metrics: [SelectionMetric] = switch entry.model.target.task {
        case .binary: [.auc, .f1]
        case .multiclass: [.accuracy, .macroF1]
        case .regression: [.rmse, .r2]
        }
        for metric in metrics {
            if let interval = try? BootstrapInterval.compute(labels: rows.labels, predictions: rows.predictions, metric: metric,
                                                             samples: settings.bootstrap, seed: UInt64(settings.seed), threshold: threshold) {
                output.results.append(.selection(.interval(IntervalSummary(part: part, metric: metric.displayName, interval: interval))))
            }
        }
        guard settings.cost != nil else { return }
        guard entry.model.target.task == .binary else {
            throw RuntimeError("cost and value apply to yes/no targets", at: range)
        }
        let labels = rows.labels.map { Int($0) }, scores = rows.positiveScores
        let value: BusinessValue
        do throws(ModelError) {
            guard let given = try settings.businessValue(rows: labels.count) else { return }
            value = given
        } catch {
            throw RuntimeError(error.message, at: range)
        }
        guard let curve = ProfitCurve.compute(labels: labels, scores: scores, value: value) else { return }
        entry.business = (value, labels.count)
        let atThreshold = ProfitCurve.point(atThreshold: threshold, labels: labels, scores: scores, value: value)
        let cutOff = try profitCutOff(entry, value, evaluated: part, labels: labels, scores: scores, scored: scored, at: range)
        if cutOff == nil {
            output.warnings.append("no best cut-off: it is chosen on the model's validation or training rows, and its training table is not in this session")
        }
        output.results.append(.selection(.profit(ProfitSummary(
            model: entry.model.algorithm, part: part, rows: labels.count, value: value, cutOff: cutOff,
            everyone: curve.everyone, atThreshold: atThreshold, threshold: threshold, deciles: curve.deciles))))
    }

    /// The most profitable cut-off on the rows that choose thresholds, with the capacity keeping
    /// its share of the rows, and the profit of contacting by it on the rows evaluated: the
    /// money counted on test rows never picked the cut-off it is counted at.
    private func profitCutOff(_ entry: SessionModel, _ value: BusinessValue, evaluated part: String, labels: [Int], scores: [Double],
                              scored: [(EvaluationPart, ScoredRows)], at range: SourceRange) throws(RuntimeError) -> ProfitCutOff? {
        guard let choosing = try choosingRows(entry, reusing: scored, at: range) else { return nil }
        let chosenValue = value.rescaled(from: labels.count, to: choosing.labels.count)
        guard let curve = ProfitCurve.compute(labels: choosing.labels, scores: choosing.rows.positiveScores, value: chosenValue) else {
            return nil
        }
        let applied = ProfitCurve.point(cutOff: curve.best.threshold, labels: labels, scores: scores, value: value)
        let sameRows = part == "all rows" || (part == "train" && choosing.part == "training")
            || (part == "validation" && choosing.part == "validation")
        let above = curve.best.threshold.map { t in scores.reduce(0) { $0 + ($1 >= t ? 1 : 0) } } ?? 0
        return ProfitCutOff(part: choosing.part, rows: choosing.labels.count, value: chosenValue, best: curve.best,
                            applied: applied, capped: value.capacity.map { above > $0 } ?? false, sameRows: sameRows)
    }

    private func businessOptions(_ options: [NamedOption]) throws(RuntimeError) -> BusinessOptions {
        switch BusinessOptions.read(options) {
        case .success(let settings): return settings
        case .failure(let d): throw RuntimeError(d.message, at: d.range, help: d.help)
        }
    }

    func runSetThreshold(_ set: SetThresholdStatement, into output: inout StepOutput) throws(RuntimeError) {
        var entry = try sessionModel(set.model)
        guard entry.model.target.task == .binary else {
            throw RuntimeError("a threshold applies to models with a yes/no target; '\(set.model.name)' predicts \(Interpreter.describeTarget(entry.model.target))",
                               at: set.model.range)
        }
        let settings = try businessOptions(set.options)
        let previous = entry.model.threshold
        let (threshold, rule) = try chosenThreshold(set, entry, settings)
        entry.model.threshold = threshold
        session.setModel(set.model.name, entry)
        output.results.append(.selection(.thresholdSet(ThresholdSummary(model: set.model.name, threshold: threshold,
                                                                        previous: previous, rule: rule))))
    }

    private func chosenThreshold(_ set: SetThresholdStatement, _ entry: SessionModel,
                                 _ settings: BusinessOptions) throws(RuntimeError) -> (Double, String?) {
        let expr = set.threshold
        let rule = try ThresholdRule.read(expr, allowsProfit: true)
        if case .fixed(let v) = rule { return (v, nil) }
        let choosing = try requireChoosingRows(entry, at: expr.range)
        if case .bestProfit = rule {
            return try bestProfitThreshold(entry, settings, on: choosing, at: expr.range)
        }
        return try threshold(rule, entry, on: choosing, at: expr.range)
    }

    private func bestProfitThreshold(_ entry: SessionModel, _ settings: BusinessOptions, on choosing: ChoosingRows,
                                     at range: SourceRange) throws(RuntimeError) -> (Double, String?) {
        let (part, labels, scores) = (choosing.part, choosing.labels, choosing.rows.positiveScores)
        let value: BusinessValue
        do throws(ModelError) {
            if let given = try settings.businessValue(rows: labels.count) {
                value = given
            } else if let (remembered, rows) = entry.business {
                // A capacity counted on the evaluated rows keeps its share on these rows.
                value = remembered.rescaled(from: rows, to: labels.count)
            } else {
                throw ModelError("best_profit needs what a contact costs and what a conversion is worth")
            }
        } catch {
            throw RuntimeError(error.message, at: range, help: "write: set threshold of \(entry.model.algorithm) to best_profit with cost 2, value 60")
        }
        guard let curve = ProfitCurve.compute(labels: labels, scores: scores, value: value) else {
            throw RuntimeError("the \(part) rows cannot be scored to choose a threshold", at: range)
        }
        guard let t = curve.best.threshold else {
            throw RuntimeError("no cut-off makes a profit on the \(part) rows at a cost of \(ValueText.formatNumber(value.costPerContact)) and a value of \(ValueText.formatNumber(value.valuePerConversion))",
                               at: range, help: "contacting nobody is best at these prices; check the cost and value")
        }
        let capacity = value.capacity.map { ", at most \(ValueText.grouped($0)) contacts" } ?? ""
        let profit = curve.best.profit.rounded() == curve.best.profit && abs(curve.best.profit) < 1e15
            ? ValueText.grouped(Int(curve.best.profit)) : ValueText.formatNumber((curve.best.profit * 100).rounded() / 100)
        return (t, "best profit on the \(ValueText.grouped(labels.count)) \(part) rows (cost \(ValueText.formatNumber(value.costPerContact)), value \(ValueText.formatNumber(value.valuePerConversion))\(capacity)): \(ValueText.grouped(curve.best.contacts)) contacts, profit \(profit)")
    }
}

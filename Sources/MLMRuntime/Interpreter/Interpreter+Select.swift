import MLMCore
import MLMSyntax

extension Interpreter {
    /// Ranks the table's columns for the target and keeps the top ones (and the target) in the
    /// table, reporting what went and why.
    func runSelectFeatures(_ select: SelectFeaturesStatement, into output: inout StepOutput) throws(RuntimeError) {
        let keep = try Interpreter.featureCount(select.count)
        let ranking = try Interpreter.featureRanking(select.ranking)
        let data = SelectionTarget(table: select.table, target: select.target, positiveValue: select.positiveValue,
                                   asNumber: select.asNumber)
        let (problem, frame) = try selectionProblem(data)
        let decisions: [FeatureSelection.Decision]
        do {
            decisions = try FeatureSelection.select(problem, FeatureSelection.Settings(keep: keep, ranking: ranking))
        } catch {
            throw RuntimeError(error.message, at: select.ranking.range)
        }
        let kept = Set(decisions.filter(\.kept).map(\.column))
        let dropped = Set(decisions.filter { !$0.kept }.map(\.column))
        var updated = frame
        updated.selectColumns(frame.columnNames.filter { !dropped.contains($0) })
        session.setTable(select.table.name, updated)
        if kept.count < keep {
            output.warnings.append("only \(Words.plural(kept.count, "column")) passed the filters, fewer than the \(keep) asked for")
        }
        output.results.append(.selection(.featuresSelected(FeatureSelectionSummary(
            table: select.table.name, target: Interpreter.describeTarget(problem.spec), ranking: ranking.rawValue,
            decisions: decisions, remainingColumns: updated.columnCount))))
    }

    static func featureCount(_ expr: Expr) throws(RuntimeError) -> Int {
        guard case .number(let v) = expr.kind, v == v.rounded(), v >= 1, v <= 100_000 else {
            throw RuntimeError("top must be a whole number of columns to keep, at least 1", at: expr.range, help: "write: top 15")
        }
        return Int(v)
    }

    static func featureRanking(_ name: Identifier) throws(RuntimeError) -> FeatureSelection.Ranking {
        guard let ranking = FeatureSelection.Ranking(rawValue: name.name) else {
            let names = FeatureSelection.Ranking.allCases.map(\.rawValue)
            throw RuntimeError("unknown ranking '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: names) ?? "rank by " + names.joined(separator: ", "))
        }
        return ranking
    }
}

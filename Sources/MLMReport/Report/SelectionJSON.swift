import MLMCore
import MLMRuntime

/// The model-selection results as JSON (fit times left out: they differ between runs).
enum SelectionJSON {
    static func value(_ result: SelectionResult) -> JSONValue {
        switch result {
        case .compared(let s):
            return ResultJSON.object("compared", [
                "table": .string(s.table), "target": .string(s.target), "metric": .string(s.metric),
                "higher_is_better": .bool(s.higherIsBetter), "folds": .int(s.folds), "rows": .int(s.rows), "seed": .int(s.seed),
                "candidates": .array(s.candidates.map(candidate)), "kept_as": .optional(s.keptAs), "overlapping": .strings(s.overlapping),
            ])
        case .tuned(let s):
            return ResultJSON.object("tuned", [
                "algorithm": .string(s.algorithm), "table": .string(s.table), "target": .string(s.target), "metric": .string(s.metric),
                "folds": .int(s.folds), "rows": .int(s.rows), "grid_size": .int(s.gridSize), "trials": .array(s.trials.map(candidate)),
                "best_settings": ResultJSON.settings(s.bestSettings), "kept_as": .optional(s.keptAs),
            ])
        case .featuresSelected(let s):
            return ResultJSON.object("features_selected", [
                "table": .string(s.table), "target": .string(s.target), "ranking": .string(s.ranking),
                "remaining_columns": .int(s.remainingColumns),
                "decisions": .array(s.decisions.map { .object(["column": .string($0.column), "score": .optional($0.score),
                                                               "kept": .bool($0.kept), "reason": .optional($0.reason)]) }),
            ])
        case .explained(let s): return explained(s)
        case .profit(let s): return profit(s)
        case .interval(let s):
            return ResultJSON.object("interval", ["part": .string(s.part), "metric": .string(s.metric), "interval": interval(s.interval)])
        case .thresholdSet(let s):
            return ResultJSON.object("threshold_set", ["model": .string(s.model), "threshold": .number(s.threshold),
                                                       "previous": .number(s.previous), "rule": .optional(s.rule)])
        }
    }

    private static func candidate(_ row: CandidateRow) -> JSONValue {
        .object(["label": .string(row.label), "settings": .string(row.settings), "mean": .number(row.mean),
                 "std": .number(row.standardDeviation),
                 "others": .object(Dictionary(row.others.map { ($0.name, JSONValue.number($0.value)) }) { first, _ in first }),
                 "interval": row.interval.map(interval) ?? .null])
    }

    private static func interval(_ i: BootstrapInterval.Interval) -> JSONValue {
        .object(["estimate": .number(i.estimate), "lower": .number(i.lower), "upper": .number(i.upper),
                 "level": .number(i.level), "samples": .int(i.samples)])
    }

    private static func explained(_ s: ExplanationSummary) -> JSONValue {
        var members: [String: JSONValue] = [
            "model": .string(s.model), "algorithm": .string(s.algorithm), "part": .string(s.part), "rows": .int(s.rows),
            "metric": .string(s.metric), "baseline": .number(s.baseline), "score_name": .string(s.scoreName),
            "id_column": .optional(s.idColumn),
            "permutation": .array(s.permutation.map { .object(["column": .string($0.column), "mean": .number($0.mean),
                                                               "std": .number($0.standardDeviation), "values": .numbers($0.values)]) }),
            "dependence": .array(s.dependence.map { entry in
                .object(["column": .string(entry.column),
                         "points": .array(entry.points.map { .object(["value": .string($0.value), "mean_score": .number($0.meanScore)]) })])
            }),
            "examples": .array(s.examples.map { driver in
                .object(["row": .int(driver.row), "id": .optional(driver.id), "score": .number(driver.score),
                         "reasons": .array(driver.reasons.map { .object(["column": .string($0.column), "effect": .number($0.effect)]) })])
            }),
        ]
        if let native = s.native {
            members["native"] = .object(["kind": .string(native.kind),
                                         "values": .array(native.values.map { .object(["column": .string($0.column), "value": .number($0.value)]) })])
        }
        return ResultJSON.object("explained", members)
    }

    private static func profit(_ s: ProfitSummary) -> JSONValue {
        func point(_ p: ProfitCurve.Point) -> JSONValue {
            .object(["threshold": .optional(p.threshold), "contacts": .int(p.contacts), "conversions": .int(p.conversions),
                     "profit": .number(p.profit)])
        }
        return ResultJSON.object("profit", [
            "model": .string(s.model), "part": .string(s.part), "rows": .int(s.rows), "threshold": .number(s.threshold),
            "cost_per_contact": .number(s.value.costPerContact), "value_per_conversion": .number(s.value.valuePerConversion),
            "capacity": s.value.capacity.map(JSONValue.int) ?? .null,
            "cut_off": s.cutOff.map { cut in
                .object(["chosen_on": .string(cut.part), "rows": .int(cut.rows), "capacity": cut.value.capacity.map(JSONValue.int) ?? .null,
                         "best": point(cut.best), "applied": point(cut.applied), "capped": .bool(cut.capped), "same_rows": .bool(cut.sameRows)])
            } ?? .null,
            "everyone": point(s.everyone), "at_threshold": point(s.atThreshold),
            "deciles": .array(s.deciles.map { .object(["decile": .int($0.group), "rows": .int($0.rows), "conversions": .int($0.conversions),
                                                       "profit": .number($0.profit), "cumulative_profit": .number($0.cumulativeProfit)]) }),
        ])
    }
}

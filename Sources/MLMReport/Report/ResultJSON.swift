import MLMCore
import MLMRuntime

/// Every step result as structured JSON for other tools: raw numbers (not display text),
/// tables as arrays, and the data behind each chart.
enum ResultJSON {
    static func value(_ result: StepResult) -> JSONValue {
        switch result {
        case .loaded(let s):
            return object("loaded", ["table": .string(s.table), "path": .string(s.path), "rows": .int(s.rows),
                                     "notes": .strings(s.notes),
                                     "columns": .array(s.columns.map { column in
                                         var fields: [String: JSONValue] = ["name": .string(column.name), "type": .string(column.type.rawValue),
                                                                            "missing": .int(column.missing)]
                                         if let why = column.why { fields["why"] = .string(why) }
                                         return .object(fields)
                                     })])
        case .described(let table, let rowCount, let summaries):
            return object("described", ["table": .string(table), "rows": .int(rowCount), "columns": .array(summaries.map(summary))])
        case .preview(let table, let rows, let matching, let total):
            return object("preview", ["table": .string(table), "matching_rows": .int(matching), "total_rows": .int(total),
                                      "columns": .strings(rows.columns.map(\.name)),
                                      "rows": .array((0..<rows.rowCount).map { row in
                                          .array(rows.columns.map { $0.isMissing(row) ? .null : .string(ResultBlocks.cell($0, row)) })
                                      })])
        case .changes(let table, let changes, let rowCount, let columnCount):
            return object("changes", ["table": .string(table), "rows": .int(rowCount), "columns": .int(columnCount),
                                      "operations": .array(changes.map { .object(["operation": .string($0.operation.trimmingCharacters(in: [" ", "\t"])), "summary": .string($0.summary)]) })])
        case .split(let table, let counts, let stratifiedBy, let classShares):
            return object("split", ["table": .string(table), "stratified_by": .optional(stratifiedBy),
                                    "parts": .array(counts.map { .object(["part": .string($0.role.name), "rows": .int($0.rows)]) }),
                                    "class_shares": .array(classShares.map { entry in
                                        .object(["value": .string(entry.value),
                                                 "shares": .object(Dictionary(uniqueKeysWithValues: entry.shares.map { ($0.role.name, JSONValue.number($0.share)) }))])
                                    })])
        case .sorted(let s):
            return object("sorted", ["table": .string(s.table), "rows": .int(s.rows), "moved_rows": .int(s.moved), "split_parts": .strings(s.parts),
                                     "keys": .array(s.keys.map { .object(["column": .string($0.column), "type": .string($0.type.rawValue),
                                                                          "descending": .bool($0.descending), "missing": .int($0.missing)]) })])
        case .exported(let table, let path, let rows, let columns):
            return object("exported", ["table": .string(table), "path": .string(path), "rows": .int(rows), "columns": .int(columns)])
        case .trained(let s): return ModelJSON.trained(s)
        case .evaluated(let report): return ModelJSON.evaluated(report)
        case .predicted(let table, let columns, let rows):
            return object("predicted", ["table": .string(table), "columns": .strings(columns), "rows": .int(rows)])
        case .modelSaved(let model, let path):
            return object("model_saved", ["model": .string(model), "path": .string(path)])
        case .modelLoaded(let model, let path, let algorithm, let target, let rows):
            return object("model_loaded", ["model": .string(model), "path": .string(path), "algorithm": .string(algorithm),
                                           "target": .string(target), "training_rows": .int(rows)])
        case .segmented(let s): return SegmentJSON.segmented(s)
        case .rfm(let s): return SegmentJSON.rfm(s)
        case .profiled(let s): return SegmentJSON.profiled(s)
        case .segmentNamed(let segmentation, let segment, let label, let rows):
            return object("segment_named", ["segmentation": .string(segmentation), "segment": .string(segment),
                                            "label": .string(label), "relabelled_rows": .int(rows)])
        case .segmentationLoaded(let name, let path, let algorithm, let segments, let features):
            return object("segmentation_loaded", ["name": .string(name), "path": .string(path), "algorithm": .string(algorithm),
                                                  "segments": .int(segments), "features": .strings(features)])
        case .selection(let selection): return SelectionJSON.value(selection)
        case .reportWritten(let path):
            return object("report_written", ["path": .string(path)])
        }
    }

    static func object(_ kind: String, _ members: [String: JSONValue]) -> JSONValue {
        var members = members
        members["kind"] = .string(kind)
        return .object(members)
    }

    static func settings(_ settings: [(name: String, value: String)]) -> JSONValue {
        .array(settings.map { .object(["name": .string($0.name), "value": .string($0.value)]) })
    }

    private static func summary(_ s: ColumnSummary) -> JSONValue {
        .object(["name": .string(s.name), "type": .string(s.type.rawValue), "count": .int(s.count), "missing": .int(s.missing),
                 "distinct": .int(s.distinct), "mean": .optional(s.mean), "std": .optional(s.standardDeviation),
                 "min": .optional(s.minimum), "q25": .optional(s.lowerQuartile), "median": .optional(s.median),
                 "q75": .optional(s.upperQuartile), "max": .optional(s.maximum),
                 "top": .array(s.top.map { .object(["value": .string($0.value), "count": .int($0.count)]) })])
    }
}

enum ModelJSON {
    static func trained(_ s: TrainSummary) -> JSONValue {
        ResultJSON.object("trained", [
            "model": .string(s.model), "algorithm": .string(s.algorithm), "table": .string(s.table), "target": .string(s.target),
            "training_rows": .int(s.trainingRows), "inputs": .int(s.inputs), "settings": ResultJSON.settings(s.settings),
            "notes": .strings(s.notes),
            "importances": .array(s.importances.map { .object(["input": .string($0.name), "importance": .number($0.value)]) }),
        ])
    }

    static func evaluated(_ r: EvaluationReport) -> JSONValue {
        var members: [String: JSONValue] = [
            "model": .string(r.model), "algorithm": .string(r.algorithm), "target": .string(r.target), "task": .string(r.task.rawValue),
            "detail_part": .string(r.detailPart), "threshold": .optional(r.threshold), "threshold_rule": .optional(r.thresholdRule),
            "parts": .array(r.parts.map { part in
                .object(["name": .string(part.name), "rows": .int(part.rows),
                         "metrics": .object(Dictionary(part.metrics.map { ($0.name, JSONValue.optional($0.value)) }) { first, _ in first })])
            }),
            "lift": .array(r.lift.map { row in
                .object(["decile": .int(row.group), "rows": .int(row.rows), "positives": .int(row.positives), "rate": .number(row.rate),
                         "lift": .number(row.lift), "cumulative_rows": .int(row.cumulativeRows),
                         "cumulative_positives": .int(row.cumulativePositives), "cumulative_gain": .number(row.cumulativeGain),
                         "cumulative_lift": .number(row.cumulativeLift)])
            }),
            "per_class": .array(r.perClass.map { entry in
                .object(["class": .string(entry.name), "precision": .number(entry.report.precision), "recall": .number(entry.report.recall),
                         "f1": .number(entry.report.f1), "rows": .int(entry.report.support)])
            }),
        ]
        if let confusion = r.confusion {
            members["confusion"] = .object(["classes": .strings(confusion.classes),
                                            "counts": .array(confusion.counts.map { .array($0.map(JSONValue.int)) })])
        }
        if let curves = r.curves { members["curves"] = self.curves(curves) }
        return ResultJSON.object("evaluated", members)
    }

    private static func curves(_ c: EvaluationCurves) -> JSONValue {
        .object([
            "roc": .object(["false_positive_rate": .numbers(c.roc.map(\.x)), "true_positive_rate": .numbers(c.roc.map(\.y))]),
            "precision_recall": .object(["recall": .numbers(c.precisionRecall.map(\.x)), "precision": .numbers(c.precisionRecall.map(\.y))]),
            "calibration": .array(c.calibration.map { bin in
                .object(["lower": .number(bin.lower), "upper": .number(bin.upper), "rows": .int(bin.rows),
                         "mean_score": .number(bin.meanScore), "observed_rate": .number(bin.observedRate)])
            }),
            "positive_rate": .number(c.positiveRate),
        ])
    }
}

enum SegmentJSON {
    static func segmented(_ s: SegmentSummary) -> JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(s.name), "table": .string(s.table), "algorithm": .string(s.algorithm), "rows": .int(s.rows),
            "features": .strings(s.features), "settings": ResultJSON.settings(s.settings), "notes": .strings(s.notes),
            "k_choice": .array(s.kTable.map { .object(["k": .int($0.k), "inertia": .number($0.inertia), "silhouette": .optional($0.silhouette)]) }),
            "chosen_k": s.chosenK.map(JSONValue.int) ?? .null, "silhouette": .optional(s.silhouette),
            "silhouette_rows": .int(s.silhouetteRows), "inertia": .optional(s.inertia), "eps": .optional(s.eps),
            "min_points": s.minPoints.map(JSONValue.int) ?? .null,
            "segments": .array(s.sizes.enumerated().map { index, size in
                .object(["label": .string(size.label), "rows": .int(size.rows), "share": .number(size.share),
                         "centre": index < s.centres.count ? .numbers(s.centres[index]) : .null])
            }),
        ]
        if let scaling = s.standardization {
            members["standardization"] = .object(["means": .numbers(scaling.means), "deviations": .numbers(scaling.deviations)])
        }
        if let p = s.projection {
            members["projection"] = .object(["x_label": .string(p.xLabel), "y_label": .string(p.yLabel), "x": .numbers(p.x),
                                             "y": .numbers(p.y), "groups": .array(p.groups.map(JSONValue.int)),
                                             "labels": .strings(p.labels), "rows": .int(p.rows)])
        }
        if let suggestion = s.epsSuggestion {
            members["eps_suggestion"] = .object(["eps": .number(suggestion.eps), "sampled": .int(suggestion.sampled),
                                                 "core_share": .number(suggestion.coreShare)])
        }
        return ResultJSON.object("segmented", members)
    }

    static func rfm(_ s: RfmSummary) -> JSONValue {
        ResultJSON.object("rfm", [
            "source": .string(s.source), "table": .string(s.table), "customers": .int(s.customers),
            "transactions": .int(s.transactions), "used_rows": .int(s.usedRows), "reference_date": .string(s.referenceDate),
            "reference_date_given": .bool(s.referenceDateWasGiven), "counts_invoices": .bool(s.countsInvoices),
            "left_out": .object(["missing_customer": .int(s.leftOut.missingCustomer), "missing_date": .int(s.leftOut.missingDate),
                                 "missing_amount": .int(s.leftOut.missingAmount), "cancelled": .int(s.leftOut.cancelled),
                                 "negative_amount": .int(s.leftOut.negativeAmount)]),
            "segments": .array(s.segments.map { .object(["name": .string($0.name), "customers": .int($0.customers), "share": .number($0.share)]) }),
            "medians": .object(["recency": .number(s.medians.recency), "frequency": .number(s.medians.frequency),
                                "monetary": .number(s.medians.monetary)]),
        ])
    }

    static func profiled(_ s: ProfileSummary) -> JSONValue {
        let profile = s.profile
        func group(_ g: SegmentProfile.Group) -> JSONValue {
            .object(["label": .string(g.label), "rows": .int(g.size), "share": .number(g.share),
                     "cells": .array(g.cells.map(cell))])
        }
        return ResultJSON.object("profiled", [
            "table": .string(s.table), "segment_column": .string(profile.segmentColumn), "features": .strings(profile.features),
            "overall": group(profile.overall), "segments": .array(profile.groups.map(group)), "unassigned": .int(profile.unassigned),
            "left_out": .strings(s.leftOut),
        ])
    }

    private static func cell(_ cell: SegmentProfile.Cell) -> JSONValue {
        switch cell {
        case .mean(let mean, let index): return .object(["mean": .optional(mean), "index": .optional(index)])
        case .top(let value, let share, let index):
            return .object(["top": .optional(value), "share": .number(share), "index": .optional(index)])
        }
    }
}

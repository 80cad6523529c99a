import MLMCore
import MLMSyntax

extension Interpreter {
    /// `segment table with kmeans|dbscan ... on columns as column`: fits the segmentation on every
    /// row, adds the segment of each row as a category column and keeps the segmentation as a
    /// model named after that column.
    func runSegment(_ segment: SegmentStatement, into output: inout StepOutput) throws(RuntimeError) {
        let algorithm = segment.algorithm.name
        guard SegmentOptions.algorithms.contains(algorithm) else {
            throw RuntimeError("there is no segmentation algorithm '\(algorithm)'", at: segment.algorithm.range,
                               help: Suggestions.didYouMean(algorithm, in: SegmentOptions.algorithms) ?? "the algorithms are kmeans and dbscan")
        }
        var validated: SegmentOptions.Validated
        switch SegmentOptions.validate(segment.options, algorithm: algorithm) {
        case .success(let value): validated = value
        case .failure(let list):
            let first = list.diagnostics[0]
            throw RuntimeError(first.message, at: first.range, help: first.help)
        }
        var frame = try table(segment.table)
        try requireColumns(segment.columns, in: frame)
        let replacing = try refuseReplacingColumns([segment.output.name], table: segment.table.name, output: segment.output,
                                                   step: "segment", in: frame)
        let points = try segmentPoints(frame, segment.columns)
        if let range = validated.kRange, range == SegmentOptions.autoRange, range.upperBound >= points.rows {
            validated.kRange = range.lowerBound...max(range.lowerBound, points.rows - 1)  // `k auto` on a small table
        }
        let request = Segmentation.Request(algorithm: algorithm, features: segment.columns.map(\.name), points: points,
                                           parameters: validated.parameters, kRange: validated.kRange)
        let outcome: Segmentation.Outcome
        do {
            outcome = try Segmentation.fit(request, preparation: session.recipes[segment.table.name] ?? PreparationRecipe())
        } catch {
            throw RuntimeError(error.message, at: segment.algorithm.range)
        }
        let labels = outcome.labels.map { outcome.model.label(of: $0) }
        frame.setColumn(Column(name: segment.output.name, type: .category, strings: labels))
        session.setTable(segment.table.name, frame)
        session.recordPredicted(table: segment.table.name, columns: [segment.output.name], name: segment.output.name)
        session.setSegmentation(segment.output.name, SessionSegmentation(model: outcome.model, table: segment.table.name))
        var summary = summary(outcome, name: segment.output.name, table: segment.table.name)
        summary.projection = SegmentProjection.make(points: points, assignments: outcome.labels,
                                                    labels: summary.sizes.map(\.label), features: summary.features)
        output.results.append(.segmented(summary))
        if let replacing { output.warnings.append(replacing) }
        if frame.isSplit { output.warnings.append("the table is split; segments were made from all its rows (train, validation and test)") }
    }

    /// The named columns as points, one row per table row; a text, category or date column is
    /// an error naming it.
    func segmentPoints(_ frame: DataFrame, _ columns: [Identifier]) throws(RuntimeError) -> PointSet {
        var values: [[Double]] = []
        for name in columns {
            guard let column = frame[name.name] else {
                throw RuntimeError("there is no column '\(name.name)'", at: name.range)
            }
            guard let numbers = column.numbers, column.type != .date else {
                throw RuntimeError("'\(name.name)' is \(Vector.describe(column.type)); segments are made from numbers", at: name.range,
                                   help: column.type.isString ? "one-hot it first and use the 0/1 columns" : nil)
            }
            values.append(numbers)
        }
        return PointSet(columns: values)
    }

    private func summary(_ outcome: Segmentation.Outcome, name: String, table: String) -> SegmentSummary {
        let model = outcome.model
        var counts = [Int](repeating: 0, count: model.clusterCount + 1)
        for label in outcome.labels { counts[label < 0 ? model.clusterCount : label] += 1 }
        let rows = outcome.labels.count
        var sizes = (0..<model.clusterCount).map { (label: model.label(of: $0), rows: counts[$0], share: Double(counts[$0]) / Double(rows)) }
        if model.algorithm == "dbscan" {
            sizes.append((SegmentationModel.noiseLabel, counts[model.clusterCount], Double(counts[model.clusterCount]) / Double(rows)))
        }
        return SegmentSummary(
            name: name, table: table, algorithm: model.algorithm, rows: rows, features: model.features,
            standardization: model.standardization, settings: settingsShown(model),
            kTable: outcome.kTable, chosenK: outcome.kTable.isEmpty ? nil : model.clusterCount,
            silhouette: outcome.silhouette, silhouetteRows: outcome.silhouetteRows, sizes: sizes,
            centres: model.centresInOriginalUnits, inertia: model.inertia, epsSuggestion: outcome.epsSuggestion,
            eps: model.eps, minPoints: model.parameters.integer("min_points"), notes: model.notes)
    }

    private func settingsShown(_ model: SegmentationModel) -> [(name: String, value: String)] {
        let names = model.algorithm == "dbscan" ? ["min_points"] : ["k", "restarts", "iterations", "tolerance", "seed"]
        return names.compactMap { name in
            switch model.parameters.values[name] {
            case .integer(let n)?: return (name, String(n))
            case .number(let x)?: return (name, Words.number(x))
            default: return nil
            }
        }
    }

    /// `predict segmentation on table as column`: the segment of each row of another table,
    /// prepared like the segmented table when it lacks the features.
    func runPredictSegment(_ predict: PredictStatement, _ entry: SessionSegmentation,
                           into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(predict.table)
        let replacing = try refuseReplacingColumns([predict.output.name], predict, in: frame)
        var ready = frame
        let features = entry.model.features
        if !features.allSatisfy({ frame.index(of: $0) != nil }) {
            guard !entry.model.preparation.steps.isEmpty else {
                throw RuntimeError("the table lacks \(Words.list(features.filter { frame.index(of: $0) == nil })), which the segmentation needs",
                                   at: predict.table.range)
            }
            var lost: [String] = []
            try replay(entry.model.preparation, on: &ready, at: predict.table.range, warnings: &lost)
            output.warnings.append("prepared the rows with the segmentation's \(Words.plural(entry.model.preparation.steps.count, "recorded step"))")
            output.warnings += lost
        }
        let points = try segmentPoints(ready, features.map { Identifier($0, range: predict.table.range) })
        if let column = features.first(where: { name in ready[name]!.missingCount > 0 }) {
            throw RuntimeError("'\(column)' has missing values; fill them before assigning segments", at: predict.table.range)
        }
        let labels = entry.model.assign(points).map { entry.model.label(of: $0) }
        frame.setColumn(Column(name: predict.output.name, type: .category, strings: labels))
        session.setTable(predict.table.name, frame)
        session.recordPredicted(table: predict.table.name, columns: [predict.output.name], name: predict.output.name)
        output.results.append(.predicted(table: predict.table.name, columns: [predict.output.name], rows: frame.rowCount))
        if let replacing { output.warnings.append(replacing) }
        let counts = entry.model.labelOrder.map { label in (label, labels.filter { $0 == label }.count) }.filter { $0.1 > 0 }
        output.warnings.append("rows per segment: " + counts.map { "\($0.0) (\(Words.count($0.1)))" }.joined(separator: ", "))
    }

    /// `name segmentation 2 "Big spenders"`: renames a segment in the model and in the column
    /// of the table it segmented.
    func runNameSegment(_ statement: NameSegmentStatement, into output: inout StepOutput) throws(RuntimeError) {
        let name = statement.segmentation.name
        guard var entry = session.segmentations[name] else {
            throw RuntimeError("there is no segmentation '\(name)'", at: statement.segmentation.range,
                               help: Suggestions.didYouMean(name, in: session.segmentations.keys.sorted())
                                   ?? "make one first: segment customers with kmeans k 4 on recency, frequency as \(name)")
        }
        let count = entry.model.clusterCount
        let n = try LiteralRules.segmentNumber(statement.segment, segmentation: name)
        guard n <= count else {
            throw RuntimeError("'\(name)' has segments 1 to \(count); there is no segment \(text(of: statement.segment.range))",
                               at: statement.segment.range)
        }
        let index = n - 1, label = statement.label.value
        let old = entry.model.segmentNames[index]
        guard !label.isEmpty, label == old || !entry.model.labelOrder.contains(label) else {
            throw RuntimeError("another segment of '\(name)' is already called \"\(label)\"", at: statement.label.range)
        }
        entry.model.segmentNames[index] = label
        session.setSegmentation(name, entry)
        let relabelled = relabel(entry.table, column: name, from: old, to: label)
        output.results.append(.segmentNamed(segmentation: name, segment: String(n), label: label, relabelledRows: relabelled))
    }

    private func relabel(_ tableName: String?, column: String, from old: String, to new: String) -> Int {
        guard let tableName, var frame = session.table(tableName), let column = frame[column],
              let (codes, dictionary) = column.strings, let code = dictionary.firstIndex(of: old) else { return 0 }
        var renamed = dictionary
        renamed[code] = new
        frame.setColumn(Column(name: column.name, type: column.type, codes: codes, dictionary: renamed))
        session.setTable(tableName, frame)
        return codes.filter { $0 == Int32(code) }.count
    }
}

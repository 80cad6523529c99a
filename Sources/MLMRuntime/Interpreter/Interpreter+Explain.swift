import MLMCore
import MLMSyntax

extension Interpreter {
    func runExplain(_ explain: ExplainStatement, into output: inout StepOutput) throws(RuntimeError) {
        let entry = try sessionModel(explain.model)
        let model = entry.model
        let (partName, source, rows) = try explanationRows(explain, entry, warnings: &output.warnings)
        let frame = try prepared(source, for: model, at: explain.model.range, warnings: &output.warnings)
        let range = explain.model.range
        let (x, labels, known) = try labelledRows(model, frame, rows, at: range)
        let columns = SourceColumns(model.encoding)
        let metric = SelectionMetric.applicable(to: model.target.task)[0]
        let (baseline, importance): (Double, [PermutationImportance.Row])
        do {
            (baseline, importance) = try PermutationImportance.compute(
                x: x, labels: labels, columns: columns, metric: metric, repeats: 5, threshold: model.threshold,
                permutation: PermutationImportance.seededPermutation(rows: x.rows, seed: 42), model: model.fitted,
                predict: model.fitted.predict)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
        let ranked = importance.sorted { $0.mean != $1.mean ? $0.mean > $1.mean : $0.column < $1.column }
        let dependence = ranked.prefix(3).compactMap { row -> (String, [PartialDependence.Point])? in
            guard let c = columns.names.firstIndex(of: row.column) else { return nil }
            return (row.column, PartialDependence.summary(x: x, columns: columns, column: c, predict: model.fitted.predict))
        }
        let reference = try reasonReference(entry, fallback: x, warnings: &output.warnings)
        let id = source.idColumn(excluding: [model.target.column])
        output.results.append(.selection(.explained(ExplanationSummary(
            model: explain.model.name, algorithm: model.algorithm, part: partName, rows: x.rows, metric: metric.displayName,
            baseline: baseline, permutation: ranked, native: nativeImportance(model, x, columns),
            dependence: dependence, examples: topRowReasons(model, x, known, columns, reference, id: id),
            idColumn: id?.name, scoreName: Interpreter.scoreName(model.target)))))
    }

    static func scoreName(_ target: TargetSpec) -> String {
        switch target.task {
        case .binary: return "score"
        case .multiclass: return "probability of the predicted class"
        case .regression: return "prediction"
        }
    }

    /// The rows to explain on: a named part or table; by default the test rows, else the
    /// validation rows, else every row (with a note that these were learned from).
    private func explanationRows(_ explain: ExplainStatement, _ entry: SessionModel,
                                 warnings: inout [String]) throws(RuntimeError) -> (String, DataFrame, [Int]) {
        if let on = explain.on, !RowRole.allCases.contains(where: { $0.name == on.name }) {
            let frame = try table(on)
            return (on.name, frame, Array(0..<frame.rowCount))
        }
        guard let tableName = entry.trainingTable, let frame = session.table(tableName) else {
            throw RuntimeError("say which table to explain '\(explain.model.name)' on", at: explain.model.range,
                               help: "write: explain \(explain.model.name) on <table>")
        }
        let wanted = explain.on.map { [$0.name] } ?? ["test", "validation"]
        if let roles = frame.roles {
            for role in wanted {
                let rows = roles.indices.filter { roles[$0].name == role }
                if !rows.isEmpty { return (role, frame, rows) }
            }
        }
        if let on = explain.on { throw RuntimeError("'\(tableName)' has no \(on.name) rows", at: on.range) }
        warnings.append("'\(tableName)' has no test rows: explained on the rows the model learned from")
        return ("training", frame, Array(0..<frame.rowCount))
    }

    /// The encoded rows whose target is known, and their labels.
    func labelledMatrix(_ model: SupervisedModel, _ frame: DataFrame, _ rows: [Int],
                        at range: SourceRange) throws(RuntimeError) -> (FeatureMatrix, [Double]) {
        let (x, labels, _) = try labelledRows(model, frame, rows, at: range)
        return (x, labels)
    }

    /// The same, with the table row of each matrix row (the rows whose target is known).
    private func labelledRows(_ model: SupervisedModel, _ frame: DataFrame, _ rows: [Int],
                              at range: SourceRange) throws(RuntimeError) -> (FeatureMatrix, [Double], [Int]) {
        do throws(ModelError) {
            let labels = try model.targetEncoder.labels(frame, rows: rows)
            let known = zip(rows, labels).compactMap { $1 == nil ? nil : $0 }
            guard known.count >= 2 else {
                throw ModelError("explaining needs at least 2 rows with a known '\(model.target.column)'; got \(known.count)")
            }
            let (x, _) = try model.encoding.transform(frame, rows: known)
            return (x, labels.compactMap { $0 }, known)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
    }

    /// Typical input values from the model's training rows when its table is in the session,
    /// else from the rows at hand.
    func reasonReference(_ entry: SessionModel, fallback: FeatureMatrix, warnings: inout [String]) throws(RuntimeError) -> [Double] {
        let columns = SourceColumns(entry.model.encoding)
        guard let name = entry.trainingTable, let frame = session.table(name),
              let (x, _) = try? entry.model.encoding.transform(frame, rows: frame.fittingRows) else {
            warnings.append("reasons compare each row with the typical values of the rows scored (the training table is not in this session)")
            return columns.reference(from: fallback)
        }
        return columns.reference(from: x)
    }

    /// The three highest-scored rows with their reasons; `rows` holds the table row of each row
    /// of `x`, and `id` (the table's id column, if any) says which customer each one is.
    private func topRowReasons(_ model: SupervisedModel, _ x: FeatureMatrix, _ rows: [Int], _ columns: SourceColumns,
                               _ reference: [Double], id: Column?) -> [ExplanationSummary.Driver] {
        let scores = ReasonScores.scores(model.fitted.predict(x))
        let top = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(3)
        let subset = x.gatheringRows(Array(top))
        let reasons = ReasonCodes.compute(x: subset, columns: columns, reference: reference, model: model.fitted,
                                          predict: model.fitted.predict)
        return top.enumerated().map { i, position in
            ExplanationSummary.Driver(row: rows[position], id: id?.displayText(at: rows[position]),
                                      score: scores[position], reasons: reasons[i])
        }
    }

    /// Trees: the model's own importance summed over each column's inputs. Linear models:
    /// coefficients times the input's standard deviation on these rows (one per input).
    private func nativeImportance(_ model: SupervisedModel, _ x: FeatureMatrix,
                                  _ columns: SourceColumns) -> (kind: String, values: [(column: String, value: Double)])? {
        let inputs = model.trainingData.columns
        let own = FeatureImportances.of(model.fitted, inputs: inputs)
        if !own.isEmpty {
            var byColumn = [Double](repeating: 0, count: columns.count)
            for (c, _) in columns.names.enumerated() {
                for m in columns.matrixColumns(c) where m < inputs.count {
                    byColumn[c] += own.first { $0.name == inputs[m] }?.value ?? 0
                }
            }
            let values = zip(columns.names, byColumn).map { (column: $0, value: $1) }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.column < $1.column }
            return ("the model's own importance (share of the split gain)", values)
        }
        let coefficients: [Double]
        switch model.fitted {
        case let m as LogisticRegressionModel where m.coefficients.count == 1: coefficients = m.coefficients[0]
        case let m as LinearRegressionModel: coefficients = m.coefficients
        default: return nil
        }
        guard coefficients.count == x.columns else { return nil }
        var values: [(column: String, value: Double)] = []
        for c in 0..<x.columns {
            let sd: Double = Statistics.standardDeviation(Array(x.column(c)), ddof: 0) ?? 0
            values.append((column: x.names[c], value: coefficients[c] * sd))
        }
        values.sort { a, b in
            let sizeA = abs(a.value), sizeB = abs(b.value)
            return sizeA != sizeB ? sizeA > sizeB : a.column < b.column
        }
        return ("standardized coefficients (coefficient × the input's standard deviation; sign = direction)", values)
    }

    /// `<name>_reason_1…3` columns for `predict … with reasons`: "column +0.123" (raises the
    /// score) or "column -0.045" (lowers it; see `ReasonCodes.Reason.text`); empty where a row has fewer reasons.
    func reasonColumns(_ entry: SessionModel, _ frame: DataFrame, name: String,
                       warnings: inout [String], at range: SourceRange) throws(RuntimeError) -> [Column] {
        let model = entry.model
        let x: FeatureMatrix
        do {
            (x, _) = try model.encoding.transform(frame)
        } catch {
            throw RuntimeError(error.message, at: range)
        }
        let columns = SourceColumns(model.encoding)
        let reference = try reasonReference(entry, fallback: x, warnings: &warnings)
        let reasons = ReasonCodes.compute(x: x, columns: columns, reference: reference, model: model.fitted,
                                          predict: model.fitted.predict)
        return (0..<3).map { k in
            Column(name: "\(name)_reason_\(k + 1)", type: .category, strings: reasons.map { row -> String? in
                guard k < row.count else { return nil }
                return row[k].text
            })
        }
    }
}

/// The per-row score reasons and explanations are about (see `RowScore` in the core).
enum ReasonScores {
    static func scores(_ predictions: Predictions) -> [Double] {
        switch predictions {
        case .values(let v): return v
        case .probabilities(let p, let k):
            let rows = k == 0 ? 0 : p.count / k
            if k == 2 { return (0..<rows).map { p[$0 * 2 + 1] } }
            return (0..<rows).map { row in (0..<k).map { p[row * k + $0] }.max() ?? 0 }
        }
    }
}

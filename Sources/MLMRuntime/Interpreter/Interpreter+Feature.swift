import MLMCore
import MLMSyntax

extension Interpreter {
    func runFeature(_ feature: FeatureStatement, into output: inout StepOutput) throws(RuntimeError) {
        try runBlock(feature.table, feature.operations, range: \.range, into: &output) { operation, frame, warnings throws(RuntimeError) in
            try apply(operation, to: &frame, warnings: &warnings)
        }
    }

    /// Applies one feature operation and says what it changed, held to the rule that present
    /// values never become missing unnoticed (see LostCells.enforce).
    func apply(_ operation: FeatureOperation, to frame: inout DataFrame,
               warnings: inout [String]) throws(RuntimeError) -> String {
        let before = frame
        var explained: [String: LostCells.Explanation] = [:]
        let summary = try applyOperation(operation, to: &frame, warnings: &warnings, explained: &explained)
        warnings += try LostCells.enforce(before: before, after: frame, explained: explained, at: operation.range,
                                           refusingEmptyColumns: !replaying)
        return summary
    }

    private func applyOperation(_ operation: FeatureOperation, to frame: inout DataFrame, warnings: inout [String],
                                explained: inout [String: LostCells.Explanation]) throws(RuntimeError) -> String {
        try TypeRules.check(TypeRules.requirement(operation.kind), in: frame)
        do {
            switch operation.kind {
            case .derive(let output, let expression):
                return try derive(output, expression, in: &frame, warnings: &warnings, explained: &explained)
            case .bin(let output, let column, let method):
                return try bin(output, column, method, in: &frame, at: operation.range)
            case .oneHot(let columns):
                try requireColumns(columns, in: frame)
                var parts: [String] = []
                for column in columns {
                    let source = frame[column.name]
                    let added = try frame.oneHot(column.name)
                    parts.append("'\(column.name)' → \(Words.plural(added.count, "column")) (\(Words.list(added, limit: 3)))")
                    if let source { warnings += unseenLevelNote(source, added, in: frame) }
                }
                let levels = frame.isSplit ? "levels learned on the \(Words.count(frame.fittingRows.count)) training rows" : "levels from all rows"
                return "one-hot encoded (\(levels)):\n" + parts.map { "  " + $0 }.joined(separator: "\n")
            case .standardize(let columns):
                try requireColumns(columns, in: frame)
                var parts: [String] = []
                for column in columns {
                    let (mean, deviation) = try frame.standardize(column.name)
                    parts.append("'\(column.name)' (mean \(Words.number(mean)), sd \(Words.number(deviation)))")
                }
                return "standardized " + parts.joined(separator: ", ") + fittedOn(frame)
            case .normalize(let columns):
                try requireColumns(columns, in: frame)
                var parts: [String] = []
                for column in columns {
                    let (low, high) = try frame.normalize(column.name)
                    parts.append("'\(column.name)' (min \(Words.number(low)), max \(Words.number(high)))")
                }
                return "scaled to 0–1: " + parts.joined(separator: ", ") + fittedOn(frame)
            case .log(let columns):
                try requireColumns(columns, in: frame)
                for column in columns { _ = try frame.logTransform(column.name) }
                return "replaced " + columns.map { "'\($0.name)' with log(1 + \($0.name))" }.joined(separator: ", ")
            case .extractDateParts(let parts, let column):
                return try extract(parts, from: column, in: &frame)
            }
        } catch let error as PrepError {
            throw RuntimeError(prep: error, at: operation.range)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("\(error)", at: operation.range)
        }
    }

    private func derive(_ output: Identifier, _ expression: Expr, in frame: inout DataFrame, warnings: inout [String],
                        explained: inout [String: LostCells.Explanation]) throws(RuntimeError) -> String {
        var evaluator = ExpressionEvaluator(frame: frame)
        evaluator.resultName = output.name
        let column = try evaluator.column(of: expression, named: output.name)
        // What loses every row whatever the data is refused the way `mlm check` refuses it.
        try AlwaysLost.check(expression, column: output.name)
        warnings += evaluator.warnings
        explained[output.name] = .init(rows: evaluator.lostCells.rows(count: frame.rowCount), cause: evaluator.lostCells.mainCause)
        let replacing = frame.index(of: output.name) != nil
        frame.setColumn(column)
        let missing = column.missingCount
        let missingNote = missing > 0 ? ", \(Words.count(missing)) missing" : ""
        return "\(replacing ? "replaced" : "added") '\(output.name)' (\(column.type.rawValue)\(missingNote))"
    }

    /// Rows whose value was not among the levels learned (a value only validation or test rows
    /// hold) get all zeros, as a missing value does: the value is lost, so it is said.
    private func unseenLevelNote(_ source: Column, _ outputs: [String], in frame: DataFrame) -> [String] {
        let flags = outputs.compactMap { frame[$0]?.numbers }
        var unseen = 0
        for row in 0..<source.count where !source.isMissing(row) && flags.allSatisfy({ $0[row] == 0 }) { unseen += 1 }
        guard unseen > 0 else { return [] }
        return ["\(Words.plural(unseen, "row")) of '\(source.name)' \(unseen == 1 ? "holds a value" : "hold values") not seen in the training rows; "
                + "\(unseen == 1 ? "its" : "their") one-hot columns are all 0, as for a missing value"]
    }

    private func bin(_ output: Identifier, _ column: Identifier, _ method: BinMethod, in frame: inout DataFrame,
                     at range: SourceRange) throws -> String {
        try requireColumns([column], in: frame)
        switch method {
        case .edges(let exprs):
            let edges = try LiteralRules.binEdges(exprs, column: column.name, at: range)
            let labels = try frame.bin(column.name, into: output.name, edges: edges)
            return "added '\(output.name)' with \(labels.count) bins: \(labels.joined(separator: ", "))"
        case .quantiles(let countExpr):
            let count = try LiteralRules.quantileCount(countExpr)
            let (_, labels) = try frame.binQuantiles(column.name, into: output.name, count: count)
            let fewer = labels.count < count ? " (fewer than \(Int(count)) because many values are equal)" : ""
            return "added '\(output.name)' with \(labels.count) bins: \(labels.joined(separator: ", "))\(fewer)" + fittedOn(frame)
        }
    }

    private func extract(_ parts: [Identifier], from column: Identifier, in frame: inout DataFrame) throws -> String {
        try requireColumns([column], in: frame)
        var added: [String] = []
        for part in parts {
            guard let datePart = DatePart(rawValue: part.name) else {
                let names = DatePart.allCases.map(\.rawValue)
                throw RuntimeError("'\(part.name)' is not a part of a date", at: part.range,
                                   help: Suggestions.didYouMean(part.name, in: names) ?? "the parts are " + names.joined(separator: ", "))
            }
            added.append(try frame.extractDatePart(column.name, part: datePart))
        }
        return "added \(Words.list(added))"
    }
}

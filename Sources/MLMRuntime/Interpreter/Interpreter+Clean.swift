import MLMCore
import MLMSyntax

extension Interpreter {
    func runClean(_ clean: CleanStatement, into output: inout StepOutput) throws(RuntimeError) {
        try runBlock(clean.table, clean.operations, range: \.range, into: &output) { operation, frame, warnings throws(RuntimeError) in
            try apply(operation, to: &frame, warnings: &warnings)
        }
    }

    /// Applies one clean operation and says what it changed, held to the rule that present
    /// values never become missing unnoticed (see LostCells.enforce).
    func apply(_ operation: CleanOperation, to frame: inout DataFrame,
               warnings: inout [String]) throws(RuntimeError) -> String {
        let before = frame
        let summary = try applyOperation(operation, to: &frame, warnings: &warnings)
        var explained: [String: LostCells.Explanation] = [:]
        // cast counts the cells it could not read in its own summary.
        if case .cast(let cast) = operation.kind, before.rowCount == frame.rowCount {
            for column in cast.columns {
                guard let old = before[column.name], let new = frame[column.name] else { continue }
                explained[column.name] = .init(rows: new.missing.subtracting(old.missing), cause: nil)
            }
        }
        warnings += try LostCells.enforce(before: before, after: frame, explained: explained, at: operation.range,
                                           refusingEmptyColumns: !replaying)
        return summary
    }

    private func applyOperation(_ operation: CleanOperation, to frame: inout DataFrame,
                                warnings: inout [String]) throws(RuntimeError) -> String {
        let range = operation.range
        try TypeRules.check(TypeRules.requirement(operation.kind), in: frame)
        do {
            switch operation.kind {
            case .dropDuplicates(let keys):
                try requireColumns(keys, in: frame)
                let removed = try frame.dropDuplicates(keys: keys.map(\.name))
                return removed == 0 ? "no duplicate rows" : "removed \(Words.plural(removed, "duplicate row")), \(Words.count(frame.rowCount)) left"
            case .dropColumns(let names):
                try requireColumns(names, in: frame)
                try frame.dropColumns(names.map(\.name))
                return "dropped \(names.count == 1 ? "column" : "columns") \(Words.list(names.map(\.name)))"
            case .keepColumns(let names):
                try requireColumns(names, in: frame)
                let before = frame.columnCount
                try frame.keepColumns(names.map(\.name))
                return "kept \(Words.plural(names.count, "column")), dropped \(Words.count(before - frame.columnCount))"
            case .dropRows(let condition), .keepRows(let condition):
                var evaluator = ExpressionEvaluator(frame: frame)
                var mask = try evaluator.evaluateCondition(condition)
                warnings += evaluator.conditionWarnings
                let keep: Bool = { if case .keepRows = operation.kind { return true } else { return false } }()
                if keep { mask = mask.map { !$0 } }
                let removed = frame.dropRows(mask)
                return "removed \(Words.plural(removed, "row")), \(Words.count(frame.rowCount)) left"
            case .replace(let values, let replacement, let columns):
                return try replace(values, replacement, columns, in: &frame, at: range)
            case .fill(let columns, let strategy):
                return try fill(columns, strategy, in: &frame)
            case .clip(let columns, let lower, let upper):
                return try clip(columns, lower, upper, in: &frame, at: range)
            case .removeOutliers(let columns, let rule):
                return try outliers(columns, rule, remove: true, in: &frame, at: range)
            case .clipOutliers(let columns, let rule):
                return try outliers(columns, rule, remove: false, in: &frame, at: range)
            case .text(let transform, let columns):
                try requireColumns(columns, in: frame)
                var changed = 0
                for column in columns { changed += try frame.transformText(column.name, textCase(transform)) }
                return "changed \(Words.plural(changed, "cell")) in \(Words.list(columns.map(\.name)))"
            case .rename(let pairs):
                try requireColumns(pairs.map(\.from), in: frame)
                for pair in pairs { try frame.rename(pair.from.name, to: pair.to.name) }
                return pairs.map { "renamed '\($0.from.name)' to '\($0.to.name)'" }.joined(separator: ", ")
            case .cast(let cast):
                return try run(cast, at: range, in: &frame, warnings: &warnings)
            }
        } catch let error as PrepError {
            throw RuntimeError(prep: error, at: range)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("\(error)", at: range)
        }
    }

    private func textCase(_ transform: TextTransform) -> TextCaseTransform {
        switch transform {
        case .trim: return .trim
        case .lower: return .lower
        case .upper: return .upper
        }
    }

    private func replace(_ values: [Expr], _ replacement: Expr, _ columns: [Identifier],
                         in frame: inout DataFrame, at range: SourceRange) throws -> String {
        try requireColumns(columns, in: frame)
        var cells: [CellValue] = []
        for value in values { cells.append(try cellValue(value)) }
        let with = try cellValue(replacement)
        // No columns named: the core replaces in every column the values fit.
        let targets = columns.map(\.name)
        let changed = try frame.replace(cells, with: with, in: targets)
        let place = columns.isEmpty ? "" : " in \(Words.list(targets))"
        return "replaced \(Words.plural(changed, "cell"))\(place)"
    }

    /// A literal from the script as a cell value for the core.
    func cellValue(_ expr: Expr) throws(RuntimeError) -> CellValue {
        try LiteralRules.cellValue(expr)
    }

    private func fill(_ columns: [Identifier], _ strategy: FillStrategy, in frame: inout DataFrame) throws -> String {
        try requireColumns(columns, in: frame)
        let method: FillMethod
        switch strategy {
        case .mean: method = .mean
        case .median: method = .median
        case .mode: method = .mode
        case .constant(let expr): method = .constant(try cellValue(expr))
        }
        var parts: [String] = []
        for column in columns {
            let result = try frame.fill(column.name, with: method)
            parts.append("\(Words.plural(result.filled, "cell")) in '\(column.name)' with \(describe(result.value))")
        }
        return "filled " + parts.joined(separator: "; ") + fittedOn(frame)
    }

    func describe(_ value: CellValue) -> String {
        switch value {
        case .number(let n): return Words.number(n)
        case .string(let s): return "'\(s)'"
        case .missing: return "missing"
        }
    }

    /// " (learned on the 36,169 training rows)" once the table is split, else "".
    func fittedOn(_ frame: DataFrame) -> String {
        frame.isSplit ? " (learned on the \(Words.count(frame.fittingRows.count)) training rows)" : ""
    }

    private func clip(_ columns: [Identifier], _ lower: Expr, _ upper: Expr, in frame: inout DataFrame,
                      at range: SourceRange) throws -> String {
        try requireColumns(columns, in: frame)
        let (low, high) = try LiteralRules.clipBounds(lower, upper, at: range)
        var parts: [String] = []
        for column in columns {
            let result = try frame.clip(column.name, lower: low, upper: high)
            parts.append("\(Words.plural(result.clipped, "value")) of '\(column.name)' to [\(Words.number(result.lower)), \(Words.number(result.upper))]")
        }
        return "clipped " + parts.joined(separator: "; ") + fittedOn(frame)
    }

    private func outliers(_ columns: [Identifier], _ rule: OutlierRule, remove: Bool, in frame: inout DataFrame,
                          at range: SourceRange) throws -> String {
        try requireColumns(columns, in: frame)
        let method = try LiteralRules.outlierMethod(rule, at: range)
        let ruleText: String
        switch rule {
        case .iqr(let factor): ruleText = "IQR rule, \(Words.number(factor))×IQR"
        case .zScore(let limit): ruleText = "z-score above \(Words.number(limit))"
        }
        var parts: [String] = []
        for column in columns {
            let result = remove ? try frame.removeOutliers(column.name, rule: method)
                                : try frame.clipOutliers(column.name, rule: method)
            let bounds = "[\(Words.number(result.lower)), \(Words.number(result.upper))]"
            parts.append(remove
                ? "removed \(Words.plural(result.affected, "row")) with '\(column.name)' outside \(bounds)"
                : "clipped \(Words.plural(result.affected, "value")) of '\(column.name)' to \(bounds)")
        }
        return parts.joined(separator: "; ") + " (\(ruleText))" + fittedOn(frame)
    }
}

import MLMCore
import MLMSyntax

/// The rules for values written in a script (shares, seeds, limits, bounds, thresholds), each
/// declared once: `mlm check` applies them to the literals before anything runs and the steps
/// apply the same functions when they run, so the two always give the same message at the same
/// place. Rules that need the data (a cv larger than the smallest class) are left to the run.
enum LiteralRules {
    /// Seeds, as in every algorithm: whole numbers from 0 to 4,294,967,295.
    static let seedRule = "a whole number from 0 to \(ValueText.grouped(ParameterSpec.seedRange.upperBound))"

    /// `seed N` of split: nil when none is given.
    static func seed(_ expr: Expr?) throws(RuntimeError) -> UInt64? {
        guard let expr else { return nil }
        guard let n = wholeNumber(expr), ParameterSpec.seedRange.contains(n) else {
            throw RuntimeError("a seed must be \(seedRule)\(got(expr))", at: expr.range)
        }
        return UInt64(n)
    }

    /// A share of a split: 80% or 0.8, more than nothing and less than everything.
    static func share(_ expr: Expr) throws(RuntimeError) -> Double {
        switch expr.kind {
        case .percent(let value) where value > 0 && value < 100: return value / 100
        case .number(let value) where value > 0 && value < 1: return value
        default:
            throw RuntimeError("a share must be more than 0% and less than 100%, like 80%\(got(expr))", at: expr.range,
                               help: "a part with every row or none is not a split")
        }
    }

    /// The parts of a split with their shares, checked with the rules the split applies.
    static func splitShares(_ split: SplitStatement) throws(RuntimeError) -> [(role: RowRole, share: Double)] {
        var shares: [(role: RowRole, share: Double)] = []
        for part in split.parts {
            guard let role = RowRole.allCases.first(where: { $0.name == part.role.name }) else {
                throw RuntimeError("'\(part.role.name)' is not a part of a split", at: part.role.range,
                                   help: Suggestions.didYouMean(part.role.name, in: RowRole.allCases.map(\.name))
                                       ?? "the parts are train, validation and test")
            }
            shares.append((role, try share(part.share)))
        }
        guard let first = split.parts.first, let last = split.parts.last else { return shares }
        do {
            try DataFrame.checkShares(shares)
        } catch {
            throw RuntimeError(prep: error, at: .covering(first.share.range, last.share.range),
                               help: "write: split \(split.table.name) into train 80%, test 20%")
        }
        return shares
    }

    /// The keys of `sort ... by` and `show ... order by`, as the core orders by them. A column
    /// may be named once: a second mention could only repeat or contradict the first.
    static func sortKeys(_ keys: [OrderKey]) throws(RuntimeError) -> [SortKey] {
        var named: Set<String> = []
        for key in keys where !named.insert(key.column.name).inserted {
            throw RuntimeError("'\(key.column.name)' is named twice in the order", at: key.column.range,
                               help: "each column orders the rows once; remove the second '\(key.column.name)'")
        }
        return keys.map { SortKey($0.column.name, descending: $0.descending) }
    }

    static let showLimits = 1...1_000_000

    /// `show ... limit N`.
    static func showLimit(_ expr: Expr) throws(RuntimeError) -> Int {
        guard let n = wholeNumber(expr), showLimits.contains(n) else {
            throw RuntimeError("the limit must be a whole number of rows from 1 to \(ValueText.grouped(showLimits.upperBound))\(got(expr))",
                               at: expr.range)
        }
        return n
    }

    /// One bound of `clip`: a fixed number, or a percentile learned from the data.
    static func clipBound(_ expr: Expr) throws(RuntimeError) -> ClipBound {
        switch ExpressionEvaluator.scalar(of: expr) {
        case .number(let value, _)?:
            if case .percent(let p) = expr.kind { return .percentile(p) }
            return .value(value)
        default:
            throw RuntimeError("a clip bound must be a number (like 0) or a percentile (like 1%)", at: expr.range)
        }
    }

    /// Both bounds of `clip`, with the rules the step applies before it reads the data.
    static func clipBounds(_ lower: Expr, _ upper: Expr, at range: SourceRange) throws(RuntimeError) -> (ClipBound, ClipBound) {
        let bounds = (try clipBound(lower), try clipBound(upper))
        do {
            try DataFrame.checkClipBounds(lower: bounds.0, upper: bounds.1)
        } catch {
            throw RuntimeError(prep: error, at: range)
        }
        return bounds
    }

    /// The rule of `remove outliers` and `clip outliers`.
    static func outlierMethod(_ rule: OutlierRule, at range: SourceRange) throws(RuntimeError) -> OutlierMethod {
        let method: OutlierMethod
        switch rule {
        case .iqr(let factor): method = .iqr(factor: factor)
        case .zScore(let limit): method = .zScore(limit: limit)
        }
        do {
            try DataFrame.checkOutlierRule(method)
        } catch {
            throw RuntimeError(prep: error, at: range)
        }
        return method
    }

    /// `bin x at 25, 35, 50`: numbers going up.
    static func binEdges(_ exprs: [Expr], column: String, at range: SourceRange) throws(RuntimeError) -> [Double] {
        var edges: [Double] = []
        for expr in exprs {
            guard case .number(let value, _)? = ExpressionEvaluator.scalar(of: expr) else {
                throw RuntimeError("a bin edge must be a number", at: expr.range)
            }
            edges.append(value)
        }
        do {
            try DataFrame.checkEdges(edges, column: column)
        } catch {
            throw RuntimeError(prep: error, at: range)
        }
        return edges
    }

    /// `bin x into N quantiles`.
    static func quantileCount(_ expr: Expr) throws(RuntimeError) -> Int {
        guard case .number(let count, _)? = ExpressionEvaluator.scalar(of: expr) else {
            throw RuntimeError("the number of quantile bins must be a whole number from 2 to 100", at: expr.range)
        }
        do {
            try DataFrame.checkQuantileCount(count)
        } catch {
            throw RuntimeError(error.message, at: expr.range)
        }
        return Int(count)
    }

    /// A plain value of replace and fill: "unknown", 0 or missing; a misspelled `missing` is named.
    static func cellValue(_ expr: Expr) throws(RuntimeError) -> CellValue {
        switch ExpressionEvaluator.scalar(of: expr) {
        case .number(let value, _)?: return .number(value)
        case .string(let text)?: return .string(text)
        case .missing?: return .missing
        default:
            var help: String?
            if case .name(let word) = expr.kind {
                help = Suggestions.didYouMean(word, in: ["missing"]) ?? "write text in quotes: \"\(word)\""
            }
            throw RuntimeError("expected a plain value here, such as \"unknown\", 0 or missing", at: expr.range, help: help)
        }
    }

    /// The segment named by `name seg N "label"`: a whole number from 1 (the segmentation says how many there are).
    static func segmentNumber(_ expr: Expr, segmentation: String) throws(RuntimeError) -> Int {
        guard let n = wholeNumber(expr), n >= 1 else {
            throw RuntimeError("the segment to name must be its number, such as 2\(got(expr))", at: expr.range,
                               help: "write: name \(segmentation) 2 \"Big spenders\"")
        }
        return n
    }

    /// A whole number a script literal holds exactly (up to 2^53), negative ones included.
    static func wholeNumber(_ expr: Expr) -> Int? {
        switch expr.kind {
        case .number(let n): return ModelOptions.whole(n)
        default: return nil
        }
    }

    /// "; got -1" for a number as written (never rounded: 0.0000001, 150%), "" for anything else.
    static func got(_ expr: Expr) -> String {
        switch expr.kind {
        case .number, .percent, .unary(.negate, _): return "; got " + ModelOptions.describe(expr)
        default: return ""
        }
    }
}

/// How `evaluate … at threshold` and `set threshold … to` choose the cut-off: one reading of the
/// written value for the checker and both steps.
enum ThresholdRule {
    case fixed(Double)
    case bestF1
    case bestProfit
    case recall(Double)

    static func read(_ expr: Expr, allowsProfit: Bool) throws(RuntimeError) -> ThresholdRule {
        let choices = allowsProfit ? "best_f1, best_profit or recall(80%)" : "best_f1, or recall(80%)"
        switch expr.kind {
        case .number(let v) where v > 0 && v < 1: return .fixed(v)
        case .percent(let v) where v > 0 && v < 100: return .fixed(v / 100)
        case .name("best_f1"): return .bestF1
        case .name("best_profit") where allowsProfit: return .bestProfit
        case .call(let name, let arguments) where name.name == "recall":
            guard arguments.count == 1, let wanted = Interpreter.share(arguments[0]) else {
                throw RuntimeError("write the recall to reach as a percentage, as in recall(80%)", at: expr.range)
            }
            return .recall(wanted)
        case .name(let word):
            throw RuntimeError("the threshold must be a number more than 0 and less than 1, \(choices)", at: expr.range,
                               help: Suggestions.didYouMean(word, in: allowsProfit ? ["best_f1", "best_profit"] : ["best_f1"]))
        default:
            throw RuntimeError("the threshold must be a number more than 0 and less than 1, \(choices)\(LiteralRules.got(expr))",
                               at: expr.range)
        }
    }
}

import MLMCore
import MLMSyntax

/// The values written in a step (shares, seeds, limits, clip and bin bounds, thresholds, the
/// values tune tries), checked with the very functions the step runs (LiteralRules,
/// ThresholdRule, Interpreter.searchAxes, Interpreter.readOptions): a mistake in the script text
/// is found before anything runs, with the message and place the run would give.
extension Checker {
    mutating func checkLiterals(_ statement: Statement) {
        switch statement.kind {
        case .load(let load):
            apply { () throws(RuntimeError) in _ = try Interpreter.readOptions(load) }
        case .show(let show):
            if let limit = show.limit { apply { () throws(RuntimeError) in _ = try LiteralRules.showLimit(limit) } }
            apply { () throws(RuntimeError) in _ = try LiteralRules.sortKeys(show.order) }
        case .sort(let sort):
            apply { () throws(RuntimeError) in _ = try LiteralRules.sortKeys(sort.keys) }
        case .split(let split):
            for part in split.parts { apply { () throws(RuntimeError) in _ = try LiteralRules.share(part.share) } }
            apply { () throws(RuntimeError) in _ = try LiteralRules.splitShares(split) }
            apply { () throws(RuntimeError) in _ = try LiteralRules.seed(split.seed) }
        case .clean(let clean):
            clean.operations.forEach { checkLiterals($0) }
        case .feature(let feature):
            feature.operations.forEach { checkLiterals($0) }
        case .evaluate(let evaluate):
            if let threshold = evaluate.threshold {
                apply { () throws(RuntimeError) in _ = try ThresholdRule.read(threshold, allowsProfit: false) }
            }
        case .setThreshold(let set):
            apply { () throws(RuntimeError) in _ = try ThresholdRule.read(set.threshold, allowsProfit: true) }
        case .nameSegment(let name):
            apply { () throws(RuntimeError) in _ = try LiteralRules.segmentNumber(name.segment, segmentation: name.segmentation.name) }
        default:
            break
        }
    }

    private mutating func checkLiterals(_ operation: CleanOperation) {
        switch operation.kind {
        case .clip(_, let lower, let upper):
            apply { () throws(RuntimeError) in _ = try LiteralRules.clipBounds(lower, upper, at: operation.range) }
        case .removeOutliers(_, let rule), .clipOutliers(_, let rule):
            apply { () throws(RuntimeError) in _ = try LiteralRules.outlierMethod(rule, at: operation.range) }
        case .replace(let values, let replacement, _):
            for value in values + [replacement] { apply { () throws(RuntimeError) in _ = try LiteralRules.cellValue(value) } }
        case .fill(_, .constant(let value)):
            apply { () throws(RuntimeError) in _ = try LiteralRules.cellValue(value) }
        case .cast(let cast):
            apply { () throws(RuntimeError) in _ = try CastRules.read(cast) }
        default:
            break
        }
    }

    private mutating func checkLiterals(_ operation: FeatureOperation) {
        switch operation.kind {
        case .bin(_, let column, .edges(let edges)):
            apply { () throws(RuntimeError) in _ = try LiteralRules.binEdges(edges, column: column.name, at: operation.range) }
        case .bin(_, _, .quantiles(let count)):
            apply { () throws(RuntimeError) in _ = try LiteralRules.quantileCount(count) }
        default:
            break
        }
    }

    /// The values of each tuned setting, each end of a range and each item of a list checked
    /// as `train` checks it, then the whole search built as the run builds it.
    mutating func checkTuneValues(_ tune: TuneStatement, _ algorithm: Algorithm, known: [String]) {
        var axes: [ParameterSearch.Axis] = []
        var complete = true
        for option in tune.grid where known.contains(option.name.name) {
            do {
                axes += try Interpreter.searchAxes([option], algorithm)
            } catch {
                complete = false
                reportRule(error)
            }
        }
        guard complete, axes.count == tune.grid.count, !tune.grid.isEmpty,
              case .success(let settings) = SelectionSettings.read(tune.options, allowTrials: true),
              case .success(let (base, _)) = ModelOptions.parameters([], for: algorithm) else { return }
        // A grid too large is refused before it is built, so this stays cheap.
        apply { () throws(RuntimeError) in _ = try Interpreter.searchSettings(axes, base: base, settings, at: tune.grid[0].range) }
    }

    private mutating func apply(_ rule: () throws(RuntimeError) -> Void) {
        do {
            try rule()
        } catch {
            reportRule(error)
        }
    }

    private mutating func reportRule(_ error: RuntimeError) {
        report(error.diagnostic.message, at: error.diagnostic.range, help: error.diagnostic.help)
    }
}

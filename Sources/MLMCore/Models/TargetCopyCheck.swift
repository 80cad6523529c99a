import Foundation

/// Finds an input that is the target in disguise on the training rows: the answer leaking into
/// the inputs (a copy, a negation such as `not_y = y = "no"`, a recoding, a rescaling). A model
/// trained with it scores perfectly and learns nothing that holds on new rows, so `train` refuses
/// and names the column. The one rule, at any table size:
///
/// - **Classes** (binary or more): an input whose values correspond one to one with the target's
///   classes on the training rows: each value of the input occurs with one class only, and each
///   class with one value only (a missing cell counts as a value, since the model sees it).
///   Requiring the mapping both ways keeps ids and other many-valued columns out: on a handful of
///   rows an id "determines" the target too, but it has more values than there are classes, so it
///   is never flagged (except on a table with one row per class, which is not a training set).
///   On a tiny table a genuine two-valued input can still line up with a two-class target by
///   chance (for 6 balanced rows, about 1 in 16); it is refused all the same, because the model
///   could only learn that coincidence, and the message says on how many rows.
/// - **Two classes, from 30 training rows with 10 of each class on**: one value of an input
///   (a category, a number, or being missing) marking exactly the rows of one class, as in
///   `status = "churned"` for `churned = yes`, or a cancel reason missing exactly for the
///   customers who stayed. On fewer rows a rare value falls on the rare class too easily by chance.
/// - **Numbers**: a numeric input equal to the target times a non-zero factor plus a constant on
///   every training row (equal, negated, converted units), on 3 rows or more and with no cell
///   missing; or a category input matching the target's values one to one while the target
///   repeats values (so that it is not just an id). A monotone but curved copy (a logarithm) is not
///   caught: on few rows, two columns that both grow are common and innocent.
enum TargetCopyCheck {
    /// The training rows' labels: class indices (as doubles) for classes, values for numbers.
    static func find(_ frame: DataFrame, inputs: [String], rows: [Int], labels: [Double],
                     spec: TargetSpec) -> String? {
        // Each rule stops at the first row that breaks it, so an ordinary input costs a few rows.
        let positives = spec.task == .binary ? labels.reduce(0) { $0 + (Int($1) == 1 ? 1 : 0) } : 0
        for name in inputs {
            guard let column = frame.column(named: name) else { continue }
            let keys = Keys(column: column, rows: rows)
            let problem = spec.isClassification
                ? classCopy(column, keys, labels, spec) ?? classMarker(column, keys, labels, spec, positives: positives)
                : valueCopy(column, keys, labels, spec)
            if let problem { return "input '\(name)' \(problem); drop it, or the model would learn the answer from it" }
        }
        return nil
    }

    static let missingKey = UInt64.max

    /// One key per distinct cell value of the training rows, by index into them: the string code,
    /// or the number's bits (NaN and flagged cells as missing, -0 as 0).
    struct Keys {
        let column: Column
        let rows: [Int]
        var count: Int { rows.count }

        subscript(index: Int) -> UInt64 {
            let row = rows[index]
            if column.isMissing(row) { return missingKey }
            switch column.storage {
            case .strings(let codes, _):
                return codes[row] < 0 ? missingKey : UInt64(codes[row])
            case .numbers(let values):
                let value = values[row]
                return value.isNaN ? missingKey : (value == 0 ? 0 : value).bitPattern
            }
        }
    }

    /// Four significant digits, like every statistic: the factor is computed from two rows and
    /// carries rounding noise.
    private static func short(_ value: Double) -> String { ValueText.summary(value) }

    private static func text(_ column: Column, _ row: Int) -> String {
        column.displayText(at: row).map { "'\($0)'" } ?? "missing"
    }

    /// Clause 1: input values and classes one to one.
    private static func classCopy(_ column: Column, _ keys: Keys, _ labels: [Double], _ spec: TargetSpec) -> String? {
        let rows = keys.rows
        var valueOfClass = [UInt64?](repeating: nil, count: spec.classes.count)
        var exampleRow = [Int](repeating: -1, count: spec.classes.count)
        for index in 0..<keys.count {
            let label = Int(labels[index]), key = keys[index]
            if let value = valueOfClass[label] {
                if value != key { return nil }
            } else {
                if valueOfClass.contains(key) { return nil }
                valueOfClass[label] = key
                exampleRow[label] = rows[index]
            }
        }
        let seen = exampleRow.indices.filter { exampleRow[$0] >= 0 }
        guard seen.count >= 2 else { return nil }
        let pairs = seen.prefix(4).map { "\(text(column, exampleRow[$0])) for '\(spec.classes[$0])'" }
        let more = seen.count > 4 ? ", ..." : ""
        return "matches the target '\(spec.column)' one to one on all \(ValueText.grouped(rows.count)) training rows "
            + "(\(pairs.joined(separator: ", "))\(more))"
    }

    /// Clause 2: one value of the input marks exactly the rows of one of two classes.
    private static func classMarker(_ column: Column, _ keys: Keys, _ labels: [Double], _ spec: TargetSpec,
                                    positives: Int) -> String? {
        let rows = keys.rows
        guard spec.task == .binary, rows.count >= 30, positives >= 10, rows.count - positives >= 10 else { return nil }
        for label in [1, 0] {
            guard let first = labels.firstIndex(where: { Int($0) == label }) else { continue }
            let marker = keys[first]
            let exact = (0..<keys.count).allSatisfy { (keys[$0] == marker) == (Int(labels[$0]) == label) }
            if exact {
                let value = text(column, rows[first])
                let what = value == "missing" ? "is missing" : "is \(value)"
                return "\(what) on exactly the training rows where the target '\(spec.column)' is '\(spec.classes[label])'"
            }
        }
        return nil
    }

    /// Clause 3: a numeric target copied (affinely) by a number input, or recoded by a category.
    private static func valueCopy(_ column: Column, _ keys: Keys, _ labels: [Double], _ spec: TargetSpec) -> String? {
        let rows = keys.rows
        guard rows.count >= 3 else { return nil }
        switch column.storage {
        case .numbers(let values):
            guard let other = labels.firstIndex(where: { $0 != labels[0] }),
                  keys[0] != missingKey, keys[other] != missingKey else { return nil }
            let first = values[rows[0]]
            let slope = (values[rows[other]] - first) / (labels[other] - labels[0])
            let intercept = first - slope * labels[0]
            guard slope != 0, slope.isFinite, intercept.isFinite else { return nil }
            for index in 0..<keys.count {
                guard keys[index] != missingKey else { return nil }
                let x = values[rows[index]], expected = slope * labels[index] + intercept
                let tolerance = 1e-9 * (abs(x) + abs(slope * labels[index]) + abs(intercept)) + 1e-300
                if !(abs(x - expected) <= tolerance) { return nil }
            }
            let rounded = abs(slope - 1) < 1e-12 && abs(intercept) <= 1e-9 * (abs(first) + 1)
            return rounded ? "equals the target '\(spec.column)' on all \(ValueText.grouped(rows.count)) training rows"
                : "is the target '\(spec.column)' times \(short(slope)) plus \(short(intercept)) on all \(ValueText.grouped(rows.count)) training rows"
        case .strings:
            var codeOfValue: [UInt64: UInt64] = [:]
            var valueOfCode: [UInt64: UInt64] = [:]
            for index in 0..<keys.count {
                let value = (labels[index] == 0 ? 0 : labels[index]).bitPattern, code = keys[index]
                if let known = codeOfValue[value], known != code { return nil }
                if let known = valueOfCode[code], known != value { return nil }
                codeOfValue[value] = code
                valueOfCode[code] = value
            }
            guard codeOfValue.count >= 2, codeOfValue.count < rows.count else { return nil }
            return "matches the values of the target '\(spec.column)' one to one on all \(ValueText.grouped(rows.count)) training rows"
        }
    }
}

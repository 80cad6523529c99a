extension TargetEncoder {
    /// Decides the task and classes from the target column.
    ///
    /// - `as number` (`asNumber`): regression on a number, whole-number or true/false column.
    /// - `y = "yes"` (a positive value given): binary, that value against all others. The value
    ///   is matched by what it says, not how it is written: `= "1"` on a 0/1 number column and
    ///   `= 1` on a text column of "1"/"0" both mean 1 (see `sameValue`).
    /// - true/false column: binary, positive `true`.
    /// - number or whole-number column holding only 0 and 1 (in all rows, so every fold and
    ///   every later evaluation agree): binary, positive 1, said in a note. Other numbers:
    ///   regression.
    /// - category column: two values → binary; when they are a yes/no pair (yes/no, y/n,
    ///   true/false, 1/0) the positive is the "yes" side, else the less frequent (ties: the later
    ///   in sorted order), stated in a note. More values → one class per value.
    public static func fit(_ frame: DataFrame, column name: String, positive: CellValue?, asNumber: Bool = false,
                           rows: [Int]) throws(ModelError) -> (TargetEncoder, notes: [String]) {
        guard let column = frame.column(named: name) else {
            throw ModelError("there is no column '\(name)' to use as the target")
        }
        guard !rows.isEmpty else {
            throw ModelError(frame.rowCount == 0
                ? "the table has no rows, so there is nothing to train on; an earlier step (a filter, or a drop of missing rows) removed them all"
                : "none of the table's \(ValueText.counted(frame.rowCount, "row")) is a training row, so there is nothing to train on")
        }
        let present = rows.filter { !column.isMissing($0) }
        guard !present.isEmpty else {
            throw ModelError("the target '\(name)' is missing in every training row")
        }
        if asNumber {
            if let problem = TargetRules.asNumberProblem(column: name, type: column.type) { throw ModelError(problem) }
            return (TargetEncoder(spec: TargetSpec(column: name, task: .regression, classes: []), positive: nil), [])
        }
        if let positive { return try binary(column, resolved(positive, in: column), present) }
        switch column.type {
        case .boolean:
            let spec = TargetSpec(column: name, task: .binary, classes: ["false", "true"])
            return (TargetEncoder(spec: spec, positive: .number(1)), [])
        case .category:
            return try classes(column, present)
        case .integer, .number:
            guard TargetRules.holdsZeroAndOne(column) else {
                return (TargetEncoder(spec: TargetSpec(column: name, task: .regression, classes: []), positive: nil), [])
            }
            let (encoder, notes) = try binary(column, .number(1), present)
            return (encoder, notes + [TargetRules.yesNoNote(column: name, positive: "1", negative: "0", numbers: true)])
        case .text:
            throw ModelError("the target '\(name)' holds free text; cast it to category to predict its values")
        case .date:
            throw ModelError("the target '\(name)' holds dates, which cannot be predicted; use a number such as days_between")
        }
    }

    /// The target value in the form the column stores: a number on a number column (`= "1"`
    /// means 1), the column's own text on a text column (`= 1` means "1", or "1.0" if that is how
    /// the column writes it). A value that fits no cell stays as written, for the error to name.
    static func resolved(_ value: CellValue, in column: Column) -> CellValue {
        switch (value, column.type.isNumericStorage) {
        case (.string(let text), true):
            if column.type == .boolean, let flag = TargetRules.booleanValue(text) { return .number(flag ? 1 : 0) }
            if column.type.isQuantitative, let number = TargetRules.number(text) { return .number(number) }
            return value
        case (.number(let n), false):
            guard let (_, dictionary) = column.strings else { return value }
            return dictionary.first { TargetRules.number($0) == n }.map(CellValue.string) ?? value
        default:
            return value
        }
    }

    private static func binary(_ column: Column, _ positive: CellValue, _ rows: [Int]) throws(ModelError) -> (TargetEncoder, notes: [String]) {
        let values = Set(rows.map { text(column, $0) })
        let positiveText: String
        switch positive {
        case .number(let n): positiveText = ValueText.format(n, type: column.type)
        case .string(let s): positiveText = s
        case .missing: throw ModelError("the positive class cannot be 'missing'")
        }
        let hits = rows.filter { matches(column, $0, positive) }.count
        guard hits > 0 else {
            let known = values.sorted().prefix(6).map { "'\($0)'" }.joined(separator: ", ")
            throw ModelError("no training row has \(column.name) = '\(positiveText)'; its values are \(known)")
        }
        guard hits < rows.count else {
            throw ModelError("every training row has \(column.name) = '\(positiveText)'; a model needs rows of both kinds")
        }
        let others = values.subtracting([positiveText]).sorted()
        let negative = others.count == 1 ? others[0] : "not \(positiveText)"
        let spec = TargetSpec(column: column.name, task: .binary, classes: [negative, positiveText])
        return (TargetEncoder(spec: spec, positive: positive), [])
    }

    private static func classes(_ column: Column, _ rows: [Int]) throws(ModelError) -> (TargetEncoder, notes: [String]) {
        var counts: [String: Int] = [:]
        for row in rows { counts[text(column, row), default: 0] += 1 }
        let sorted = counts.keys.sorted()
        guard sorted.count >= 2 else {
            throw ModelError("the target '\(column.name)' has only one value ('\(sorted.first ?? "")') in the training rows; a model needs at least two")
        }
        guard sorted.count == 2 else {
            return (TargetEncoder(spec: TargetSpec(column: column.name, task: .multiclass, classes: sorted), positive: nil), [])
        }
        if let yes = TargetRules.yesSide(of: sorted[0], sorted[1]) {
            let no = yes == sorted[0] ? sorted[1] : sorted[0]
            let spec = TargetSpec(column: column.name, task: .binary, classes: [no, yes])
            return (TargetEncoder(spec: spec, positive: .string(yes)),
                    [TargetRules.yesNoNote(column: column.name, positive: yes, negative: no, numbers: false)])
        }
        let positive = (counts[sorted[0]] ?? 0) < (counts[sorted[1]] ?? 0) ? sorted[0] : sorted[1]
        let negative = positive == sorted[0] ? sorted[1] : sorted[0]
        let spec = TargetSpec(column: column.name, task: .binary, classes: [negative, positive])
        let note = "predicting \(column.name) = '\(positive)' (the less frequent value); write target \(column.name) = \"\(negative)\" to predict the other"
        return (TargetEncoder(spec: spec, positive: .string(positive)), [note])
    }
}

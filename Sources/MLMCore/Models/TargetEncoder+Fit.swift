extension TargetEncoder {
    /// Decides the task and classes from the target column's training rows.
    ///
    /// - `y = "yes"` (a positive value given): binary, that value against all others.
    /// - true/false column: binary, positive `true`.
    /// - category column: two values → binary (positive: the less frequent, ties: the later in
    ///   sorted order, so the choice is stated in a note); more → one class per value.
    /// - integer or number column: regression.
    public static func fit(_ frame: DataFrame, column name: String, positive: CellValue?,
                           rows: [Int]) throws(ModelError) -> (TargetEncoder, notes: [String]) {
        guard let column = frame.column(named: name) else {
            throw ModelError("there is no column '\(name)' to use as the target")
        }
        guard !rows.isEmpty else {
            throw ModelError(frame.rowCount == 0
                ? "the table has no rows, so there is nothing to train on; an earlier step (a filter, or a drop of missing rows) removed them all"
                : "none of the table's \(frame.rowCount) rows is a training row, so there is nothing to train on")
        }
        let present = rows.filter { !column.isMissing($0) }
        guard !present.isEmpty else {
            throw ModelError("the target '\(name)' is missing in every training row")
        }
        if let positive { return try binary(column, positive, present) }
        switch column.type {
        case .boolean:
            let spec = TargetSpec(column: name, task: .binary, classes: ["false", "true"])
            return (TargetEncoder(spec: spec, positive: .number(1)), [])
        case .category:
            return try classes(column, present)
        case .integer, .number:
            return (TargetEncoder(spec: TargetSpec(column: name, task: .regression, classes: []), positive: nil), [])
        case .text:
            throw ModelError("the target '\(name)' holds free text; cast it to category to predict its values")
        case .date:
            throw ModelError("the target '\(name)' holds dates, which cannot be predicted; use a number such as days_between")
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
        let positive = counts[sorted[0]]! < counts[sorted[1]]! ? sorted[0] : sorted[1]
        let negative = positive == sorted[0] ? sorted[1] : sorted[0]
        let spec = TargetSpec(column: column.name, task: .binary, classes: [negative, positive])
        let note = "predicting \(column.name) = '\(positive)' (the less frequent value); write target \(column.name) = \"\(negative)\" to predict the other"
        return (TargetEncoder(spec: spec, positive: .string(positive)), [note])
    }
}

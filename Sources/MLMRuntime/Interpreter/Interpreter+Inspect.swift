import MLMCore
import MLMSyntax

extension Interpreter {
    /// Rows `show` prints when no limit is given.
    static let defaultShowLimit = 10

    func runDescribe(_ describe: DescribeStatement, into output: inout StepOutput) throws(RuntimeError) {
        let frame = try table(describe.table)
        try requireColumns(describe.columns, in: frame)
        let names = describe.columns.isEmpty ? nil : describe.columns.map(\.name)
        do {
            let summaries = try frame.describe(columns: names)
            output.results.append(.described(table: describe.table.name, rowCount: frame.rowCount, summaries: summaries))
        } catch {
            throw RuntimeError(prep: error, at: describe.table.range)
        }
    }

    func runShow(_ show: ShowStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(show.table)
        try requireColumns(show.columns, in: frame)
        let limit = try show.limit.map(LiteralRules.showLimit) ?? Interpreter.defaultShowLimit
        var matching = Array(0..<frame.rowCount)
        if let filter = show.filter {
            var evaluator = ExpressionEvaluator(frame: frame)
            let mask = try evaluator.evaluateCondition(filter)
            matching = matching.filter { mask[$0] }
            output.warnings += evaluator.conditionWarnings
        }
        if !show.order.isEmpty { matching = try ordered(matching, of: frame, by: show.order) }
        if !show.columns.isEmpty { frame.selectColumns(show.columns.map(\.name)) }
        let rows = frame.gatheringRows(Array(matching.prefix(limit)))
        output.results.append(.preview(table: show.table.name, rows: rows, matchingRows: matching.count,
                                       totalRows: frame.rowCount))
    }
}

import MLMCore
import MLMSyntax

extension Interpreter {
    /// `sort table by keys`: the table's rows take the new order for every later step (show,
    /// export, predict's added columns). A row's split role moves with it, so train, validation
    /// and test keep the same rows. `sort` is not part of the table's recorded preparation: new
    /// rows prepared for a model keep their own order, and nothing fitted depends on the order.
    func runSort(_ sort: SortStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(sort.table)
        let keys = try sortKeys(sort.keys, in: frame)
        let moved: Int
        do {
            moved = try frame.sort(by: keys)
        } catch {
            throw RuntimeError(prep: error, at: sort.table.range)
        }
        session.setTable(sort.table.name, frame)
        let summaryKeys = sort.keys.compactMap { key -> SortSummary.Key? in
            guard let column = frame.column(named: key.column.name) else { return nil }
            return SortSummary.Key(column: column.name, type: column.type, descending: key.descending,
                                   missing: column.missingCount)
        }
        output.results.append(.sorted(SortSummary(table: sort.table.name, rows: frame.rowCount, keys: summaryKeys,
                                                  moved: moved, parts: splitParts(frame))))
    }

    private func splitParts(_ frame: DataFrame) -> [String] {
        guard let roles = frame.roles else { return [] }
        let present = Set(roles)
        return RowRole.allCases.filter(present.contains).map(\.name)
    }

    /// `show … order by`: the matching rows in that order.
    func ordered(_ rows: [Int], of frame: DataFrame, by order: [OrderKey]) throws(RuntimeError) -> [Int] {
        let keys = try sortKeys(order, in: frame)
        do {
            return try frame.rowOrder(by: keys, among: rows)
        } catch {
            throw RuntimeError(prep: error, at: order[0].column.range)
        }
    }

    private func sortKeys(_ order: [OrderKey], in frame: DataFrame) throws(RuntimeError) -> [SortKey] {
        let keys = try LiteralRules.sortKeys(order)
        try requireColumns(order.map(\.column), in: frame)
        return keys
    }
}

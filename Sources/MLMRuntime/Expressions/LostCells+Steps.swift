import MLMCore
import MLMSyntax

/// The rule for every operation of a clean or feature block (and its replay on new rows): a
/// cell that had a value and has none afterwards is counted, per column, in a note; an
/// operation that would leave a column with no value at all, where it had some or where its
/// inputs had some, is an error. Comparing the table before and after the operation, rather
/// than trusting each operation to count, means no operation can empty cells unnoticed.
extension LostCells {
    /// Cells an operation emptied and already said so (a derived column's lost cells by cause,
    /// cast's count in its summary), so the generic note does not repeat them.
    struct Explanation {
        var rows: MissingMask
        /// The expression's main cause, for the error when the whole column is lost.
        var cause: (cause: Cause, range: SourceRange?)?
    }

    /// The notes for cells `after` lost against `before` that `explained` does not cover, or
    /// the error at `range` when a column would be left without a value (unless not
    /// `refusingEmptyColumns`: then the notes say so).
    static func enforce(before: DataFrame, after: DataFrame, explained: [String: Explanation],
                        at range: SourceRange, refusingEmptyColumns: Bool = true) throws(RuntimeError) -> [String] {
        guard before.rowCount == after.rowCount, after.rowCount > 0 else { return [] }
        let earlier = before.columnPositions()
        var notes: [String] = []
        for column in after.columns {
            let old = earlier[column.name].map { before.columns[$0] }
            let emptied = old.map { column.missing.subtracting($0.missing) } ?? MissingMask(count: after.rowCount)
            let explanation = explained[column.name]
            let lost = emptied.missingCount, lostWithCause = explanation?.rows.missingCount ?? 0
            guard lost > 0 || lostWithCause > 0 else { continue }
            if refusingEmptyColumns, column.missingCount == after.rowCount {
                throw wipeError(column.name, lost: max(lost, lostWithCause), explanation, at: range)
            }
            let unexplained = explanation.map { emptied.subtracting($0.rows).missingCount } ?? lost
            if unexplained > 0 {
                notes.append("\(Words.plural(unexplained, "present value")) of '\(column.name)' became missing")
            }
        }
        return notes
    }

    private static func wipeError(_ column: String, lost: Int, _ explanation: Explanation?,
                                  at range: SourceRange) -> RuntimeError {
        if let (cause, causeRange) = explanation?.cause {
            return RuntimeError("this would leave '\(column)' without a single value: \(cause.phrase(lost))",
                                at: causeRange ?? range, help: cause.help)
        }
        return RuntimeError("this would make every value of '\(column)' missing (\(Words.plural(lost, "present value")) would become missing)",
                            at: range, help: "check the values this step matches; to get rid of the column, write: drop columns \(column)")
    }
}

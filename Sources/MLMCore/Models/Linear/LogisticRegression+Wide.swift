extension LogisticRegression {
    /// The most inputs for which two classes are solved with Newton steps. Each Newton step builds
    /// and factors the (inputs + 1)² Hessian: rows × inputs² / 2 work to build it (on a sample of
    /// at most ~65,000 rows), inputs³ / 6 to factor it, and 8 (inputs + 1)² bytes for every chunk
    /// of rows summed in parallel. An L-BFGS step costs 2 × rows × inputs. At 1,000 inputs the
    /// Hessian is 8 MB per chunk and a step costs what ~250 L-BFGS iterations do on 65,000 rows,
    /// more than L-BFGS needs to converge; past it Newton only gets slower (quadratically) and
    /// larger, while L-BFGS reaches the same optimum at a cost that grows with rows × inputs.
    static let newtonInputLimit = 1_000

    /// Newton is exact in a few steps while the Hessian is small next to the data; with as many
    /// inputs as rows (or more) its Hessian has more entries than the data has cells and is
    /// nearly singular but for the penalty, and above `newtonInputLimit` it is too large.
    /// Such problems are solved with L-BFGS on `WideInputs` instead: the same objective and the
    /// same optimum, at a cost per iteration of rows × inputs (fewer for sparse one-hot inputs).
    static func needsWideSolver(rows: Int, columns: Int) -> Bool {
        columns >= rows || columns > newtonInputLimit
    }

    static func wideSolverNote(rows: Int, columns: Int) -> String {
        let why = columns >= rows
            ? "\(ValueText.grouped(columns)) inputs for \(ValueText.grouped(rows)) \(rows == 1 ? "row" : "rows")"
            : "\(ValueText.grouped(columns)) inputs (more than \(ValueText.grouped(newtonInputLimit)))"
        return "\(why): solved with L-BFGS, whose cost grows with rows × inputs, instead of Newton steps; same optimum"
    }
}

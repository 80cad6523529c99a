extension LogisticRegression {
    /// The most inputs for which two classes are solved with Newton steps: the Hessian's budget.
    /// A Newton step builds and factors the (inputs + 1)² Hessian: rows × inputs² / 2 work (on a
    /// sample of at most ~65,000 rows) plus inputs³ / 6, i.e. about inputs / 4 gradient passes,
    /// and 8 (inputs + 1)² bytes per chunk of rows in flight; an L-BFGS step is one gradient pass
    /// (less for sparse one-hot inputs, read at their nonzero cells). Newton needs 5–10 steps,
    /// L-BFGS 50–300, so Newton is worth it up to a few hundred inputs and not beyond. Measured:
    /// 107 dense inputs on 80,000 rows, Newton's fit is 0.1–0.9× scikit-learn's lbfgs (bench/
    /// results/latest.md); 1,000 one-hot inputs on 1,600 rows, Newton took 2.6 s against lbfgs's
    /// 0.1 s (bench/results/wide-logistic-2026-12-04.md, first run).
    static let newtonInputLimit = 250

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
            ? "\(ValueText.counted(columns, "input")) for \(ValueText.counted(rows, "row"))"
            : "\(ValueText.grouped(columns)) inputs (more than \(ValueText.grouped(newtonInputLimit)))"
        return "\(why): solved with L-BFGS, whose cost grows with rows × inputs, instead of Newton steps; same optimum"
    }
}

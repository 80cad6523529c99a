/// The squared-hinge SVM in the primal, ½‖w‖² + ½b² + Σᵢ Cᵢ max(0, 1 − yᵢ(w·xᵢ + b))², by
/// Newton's method with preconditioned conjugate gradients and a backtracking line search (the
/// primal solver liblinear, and so sklearn's LinearSVC with `dual=False`, uses when rows
/// outnumber inputs).
///
/// Why not only dual coordinate descent: on real marketing tables the one-hot columns of a
/// category sum to the intercept column, the dual is badly conditioned, and coordinate descent
/// (liblinear's too) has not converged after 1000 passes where Newton needs about five steps.
/// The objective is piecewise quadratic, so its generalized Hessian I + 2 Σ_{active} Cᵢ xᵢxᵢᵀ
/// is used through products only, never formed.
///
/// One problem on some rows; the svm itself solves all its folds together with `LockstepNewton`.
struct SquaredHingeNewton {
    let maxIterations: Int
    /// Stop when ‖gradient‖ ≤ tolerance × its value at w = 0.
    let tolerance: Double

    func solve(_ data: SupportVectorRows, members: [Int], signs: [Double], costs: [Double]) throws(ModelError) -> SupportVectorSolver.Outcome {
        var memberCosts = [Double](repeating: 0, count: data.rows)
        for row in members { memberCosts[row] = costs[row] }
        let problem = LockstepNewton.Problem(signs: signs, costs: memberCosts)
        return try LockstepNewton(maxIterations: maxIterations, tolerance: tolerance).solve(data, problems: [problem])[0]
    }
}

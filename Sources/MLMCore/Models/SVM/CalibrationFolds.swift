/// Seeded stratified folds for calibration: each class's rows are shuffled and dealt round-robin,
/// so every fold holds about the same share of every class. The count is lowered to the size of
/// the smallest class (a fold without a class could not calibrate it); with fewer than two rows in
/// some class there is one "fold" that trains and calibrates on all rows.
struct CalibrationFolds: Sendable {
    /// Fold of each row.
    let foldOf: [Int]
    let count: Int

    init(labels: [Int], weights: [Double], classCount: Int, folds: Int, seed: UInt64) {
        var rowsOfClass = [[Int]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() where weights[row] > 0 { rowsOfClass[label].append(row) }
        let smallest = rowsOfClass.map(\.count).min() ?? 0
        count = min(folds, smallest) >= 2 ? min(folds, smallest) : 1
        var foldOf = [Int](repeating: 0, count: labels.count)
        var generator = SeededGenerator(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        var next = 0
        for var rows in rowsOfClass {
            generator.shuffle(&rows)
            for row in rows {
                foldOf[row] = next % count
                next += 1
            }
        }
        // Rows of weight 0 stay in fold 0: they take part in nothing.
        self.foldOf = foldOf
    }

    /// Rows that train fold `fold`'s SVM and those that calibrate it.
    func split(_ fold: Int) -> (train: [Int], heldOut: [Int]) {
        guard count >= 2 else { let all = Array(foldOf.indices); return (all, all) }
        var train: [Int] = [], heldOut: [Int] = []
        for (row, f) in foldOf.enumerated() {
            if f == fold { heldOut.append(row) } else { train.append(row) }
        }
        return (train, heldOut)
    }
}

/// One fold's work: an SVM per class problem (one for two classes, one per class otherwise)
/// trained on the other folds, and a sigmoid per problem fitted on this fold's decision values.
struct FoldProblem: Sendable {
    let data: SupportVectorRows
    let labels: [Int]
    let weights: [Double]
    let problems: Int
    let settings: SupportVectorMachine.Settings

    struct Fitted: Sendable {
        let calibrated: CalibratedSVM
        let iterations: [Int]
        let converged: [Bool]
    }

    /// The positive class of each problem and every row's sign for it.
    func signs(_ problem: Int) -> [Double] {
        let positiveClass = problems == 1 ? 1 : problem
        return labels.map { $0 == positiveClass ? 1.0 : -1.0 }
    }

    /// Hinge loss: each fold solves its problems by dual coordinate descent, folds in parallel.
    func fitByCoordinateDescent(fold: Int, folds: CalibrationFolds) throws(ModelError) -> Fitted {
        let (train, _) = folds.split(fold)
        let costs = weights.map { $0 * settings.c }
        let solver = SupportVectorSolver(loss: settings.loss, maxIterations: settings.maxIterations, tolerance: settings.tolerance)
        var outcomes: [SupportVectorSolver.Outcome] = []
        for problem in 0..<problems {
            let seed = settings.seed &+ UInt64(fold) &* 0x9E37_79B9 &+ UInt64(problem) &* 0xC2B2_AE35
            outcomes.append(try solver.solve(data, members: train, signs: signs(problem), costs: costs, seed: seed))
        }
        return calibrate(fold: fold, folds: folds, outcomes: outcomes)
    }

    /// Squared hinge: every fold's problems in one lockstep Newton run (see `LockstepNewton`).
    func fitByNewton(folds: CalibrationFolds) throws(ModelError) -> [Fitted] {
        var tasks: [LockstepNewton.Problem] = []
        for fold in 0..<folds.count {
            let costs = weights.indices.map { row in
                folds.count >= 2 && folds.foldOf[row] == fold ? 0 : weights[row] * settings.c
            }
            for problem in 0..<problems { tasks.append(LockstepNewton.Problem(signs: signs(problem), costs: costs)) }
        }
        let outcomes = try LockstepNewton(maxIterations: settings.maxIterations, tolerance: settings.tolerance)
            .solve(data, problems: tasks)
        return (0..<folds.count).map { fold in
            calibrate(fold: fold, folds: folds, outcomes: Array(outcomes[(fold * problems)..<((fold + 1) * problems)]))
        }
    }

    /// Fits each problem's sigmoid on the fold's held-out decision values.
    func calibrate(fold: Int, folds: CalibrationFolds, outcomes: [SupportVectorSolver.Outcome]) -> Fitted {
        let (_, heldOut) = folds.split(fold)
        let sigmoids = outcomes.enumerated().map { problem, outcome in
            let positiveClass = problems == 1 ? 1 : problem
            return PlattScaling.fit(scores: decisionValues(outcome.weights, rows: heldOut),
                                    positive: heldOut.map { labels[$0] == positiveClass },
                                    weights: heldOut.map { weights[$0] })
        }
        return Fitted(calibrated: CalibratedSVM(coefficients: outcomes.map(\.weights), sigmoids: sigmoids),
                      iterations: outcomes.map(\.iterations), converged: outcomes.map(\.converged))
    }

    private func decisionValues(_ w: [Double], rows: [Int]) -> [Double] {
        data.values.withUnsafeBufferPointer { values in
            w.withUnsafeBufferPointer { w in
                rows.map { SupportVectorSolver.dot(w.baseAddress!, values.baseAddress! + $0 * data.width, data.width) }
            }
        }
    }
}

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

    func fit(fold: Int, folds: CalibrationFolds) throws(ModelError) -> Fitted {
        let (train, heldOut) = folds.split(fold)
        let costs = weights.map { $0 * settings.c }
        let solver = SupportVectorSolver(loss: settings.loss, maxIterations: settings.maxIterations, tolerance: settings.tolerance)
        let newton = SquaredHingeNewton(maxIterations: settings.maxIterations, tolerance: settings.tolerance)
        var coefficients: [[Double]] = [], sigmoids: [PlattSigmoid] = []
        var iterations: [Int] = [], converged: [Bool] = []
        for problem in 0..<problems {
            let positiveClass = problems == 1 ? 1 : problem
            let signs = labels.map { $0 == positiveClass ? 1.0 : -1.0 }
            let seed = settings.seed &+ UInt64(fold) &* 0x9E37_79B9 &+ UInt64(problem) &* 0xC2B2_AE35
            let outcome = settings.loss == .squaredHinge
                ? try newton.solve(data, members: train, signs: signs, costs: costs)
                : try solver.solve(data, members: train, signs: signs, costs: costs, seed: seed)
            let scores = decisionValues(outcome.weights, rows: heldOut)
            sigmoids.append(PlattScaling.fit(scores: scores, positive: heldOut.map { labels[$0] == positiveClass },
                                             weights: heldOut.map { weights[$0] }))
            coefficients.append(outcome.weights)
            iterations.append(outcome.iterations)
            converged.append(outcome.converged)
        }
        return Fitted(calibrated: CalibratedSVM(coefficients: coefficients, sigmoids: sigmoids),
                      iterations: iterations, converged: converged)
    }

    private func decisionValues(_ w: [Double], rows: [Int]) -> [Double] {
        data.values.withUnsafeBufferPointer { values in
            w.withUnsafeBufferPointer { w in
                rows.map { SupportVectorSolver.dot(w.baseAddress!, values.baseAddress! + $0 * data.width, data.width) }
            }
        }
    }
}

import Foundation

extension LogisticRegression {
    /// Folds the standardized solution back to raw inputs: w = w′/sd, b = b′ − Σ w·mean.
    static func model(_ outcome: LinearModelsSupport.OptimizationOutcome, objective: LogisticObjective,
                      scaling: LinearModelsSupport.ColumnScaling, layout: LinearModelsSupport.ClassLayout,
                      notes: [String]) -> LogisticRegressionModel {
        let p = objective.columns
        var coefficients = [[Double]](), intercepts = [Double]()
        for s in 0..<objective.scoreCount {
            let block = outcome.parameters[(s * (p + 1))..<((s + 1) * (p + 1))]
            let weights = (0..<p).map { block[block.startIndex + $0] / scaling.scales[$0] }
            var intercept = block[block.startIndex + p]
            for j in 0..<p { intercept -= weights[j] * scaling.means[j] }
            coefficients.append(weights)
            intercepts.append(intercept)
        }
        if objective.scoreCount > 1 {
            // Softmax ignores a shift shared by all intercepts; sklearn's solvers keep their sum at
            // zero, so do the same and the numbers compare.
            let mean = intercepts.reduce(0, +) / Double(intercepts.count)
            intercepts = intercepts.map { $0 - mean }
        }
        return LogisticRegressionModel(coefficients: coefficients, intercepts: intercepts, inputCount: p,
                                       iterations: outcome.iterations, converged: outcome.converged,
                                       trainingNotes: notes, classLayout: layout)
    }

    /// Plain-language facts about the fit, identical for identical inputs.
    static func notes(_ outcome: LinearModelsSupport.OptimizationOutcome, settings: Settings, target: Target,
                      layout: LinearModelsSupport.ClassLayout) -> [String] {
        var notes = [String]()
        if outcome.converged {
            notes.append("converged in \(ValueText.counted(outcome.iterations, "iteration"))")
        } else {
            let change = outcome.lastChange.isFinite ? String(format: "%.1e", outcome.lastChange) : "unknown"
            var advice = "try more iterations"
            if settings.c > 1 || !settings.isPenalised { advice += ", or a stronger penalty (smaller c)" }
            notes.append("did not converge in \(ValueText.counted(outcome.iterations, "iteration")); the change in loss was still \(change); \(advice)")
        }
        if case .classes(_, let classes) = target {
            for k in classes.indices where !layout.present.contains(k) {
                notes.append("class '\(classes[k])' does not occur in the training rows; its probability is always 0")
            }
        }
        notes.append("inputs standardized internally; coefficients are on the original scale")
        return notes
    }
}

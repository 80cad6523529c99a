import Foundation

/// Adam on shuffled mini-batches, as sklearn's MLP `solver="adam"`: per batch the gradient of
/// the weighted mean loss plus ½·alpha·‖W‖² / (batch weight), Adam's bias-corrected step, and
/// per epoch the stopping rule on the training loss or, with early stopping, on the score of a
/// held-out share of the rows (keeping the best epoch's weights).
///
/// A batch is split into two halves computed on both cores whenever it has at least 64 rows;
/// each half sums its own gradient and the halves are added in order, so the result never
/// depends on thread timing (nor on the machine's core count).
struct MiniBatchTrainer {
    struct Settings {
        var epochs = 200
        var rate = 0.001
        var batch: Int? = nil
        var alpha = 0.0001
        var earlyStopping = false
        var patience = 10
        var tolerance = 1e-4
        var seed: UInt64 = 0
        let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    }

    enum Stop: Equatable { case limit, trainingLoss, validationScore }

    struct Outcome {
        let parameters: [Float]
        let epochs: Int
        let stop: Stop
        let lastLoss: Double
        /// With early stopping: the epoch whose weights were kept and its validation score.
        let bestEpoch: Int
        let bestScore: Double
    }

    let pass: NetworkPass
    let inputs: NetworkInputs
    /// Per row: 0/1, class index or standardized value (see `NetworkPass.lossAndOutputDeltas`).
    let targets: [Float]
    let weights: [Float]?
    let trainRows: [Int]
    let validation: NetworkValidation?
    let settings: Settings

    func train(from start: [Float]) throws(ModelError) -> Outcome {
        var state = AdamState(parameters: start, shape: pass.shape)
        let batch = min(settings.batch ?? 200, trainRows.count)
        let parts = batch >= 64 ? 2 : 1
        let workspaces = (0..<parts).map { _ in NetworkWorkspace(shape: pass.shape, rows: (batch + parts - 1) / parts) }
        let transposed = (0..<pass.shape.layerCount).map { l in
            UnsafeMutablePointer<Float>.allocate(capacity: pass.shape.units[l] * pass.shape.units[l + 1])
        }
        defer { transposed.forEach { $0.deallocate() } }
        var generator = SeededGenerator(seed: settings.seed ^ 0x2545_F491_4F6C_DD1D)
        var order = trainRows
        var tracker = StoppingTracker(settings: settings)
        var epoch = 0, lastLoss = Double.nan
        while epoch < settings.epochs {
            try ModelError.throwIfCancelled()
            epoch += 1
            generator.shuffle(&order)
            var accumulated = 0.0
            for start in stride(from: 0, to: order.count, by: batch) {
                let rows = order[start..<min(order.count, start + batch)]
                accumulated += step(rows, state: &state, workspaces: workspaces, transposed: transposed) * Double(rows.count)
            }
            lastLoss = accumulated / Double(order.count)
            guard lastLoss.isFinite else {
                throw ModelError("neural_network diverged at epoch \(epoch) (the loss is \(lastLoss)); lower 'rate'")
            }
            let score = validation.map { $0.score(pass: pass, parameters: state.parameters) }
            if tracker.record(epoch: epoch, loss: lastLoss, score: score, parameters: state.parameters) { break }
        }
        let stopped = tracker.exhausted ? (settings.earlyStopping ? Stop.validationScore : .trainingLoss) : .limit
        return Outcome(parameters: settings.earlyStopping ? tracker.bestParameters ?? state.parameters : state.parameters,
                       epochs: epoch, stop: stopped, lastLoss: lastLoss,
                       bestEpoch: tracker.bestEpoch, bestScore: tracker.bestScore)
    }

    /// One mini-batch: forward and backward on both halves, then the Adam update. Returns the
    /// batch loss as sklearn reports it.
    private func step(_ rows: ArraySlice<Int>, state: inout AdamState, workspaces: [NetworkWorkspace],
                      transposed: [UnsafeMutablePointer<Float>]) -> Double {
        let parts = rows.count >= 64 ? workspaces.count : 1
        let layerCount = pass.shape.layerCount
        let losses: [Double] = state.parameters.withUnsafeBufferPointer { parameters in
            let base = parameters.baseAddress!
            for l in 1..<max(1, layerCount) {
                DenseKernels.transpose(base + pass.shape.weightOffsets[l], rows: pass.shape.units[l],
                                       columns: pass.shape.units[l + 1], transposed[l])
            }
            return Parallel.map(parts) { part in
                let lower = rows.startIndex + part * rows.count / parts
                let upper = rows.startIndex + (part + 1) * rows.count / parts
                return halfBatch(rows[lower..<upper], parameters: base, transposed: transposed, workspace: workspaces[part])
            }
        }
        var batchWeight = Double(rows.count)
        if let weights { batchWeight = rows.reduce(0.0) { $0 + Double(weights[$1]) } }
        guard batchWeight > 0 else { return 0 }
        let penalty = 0.5 * settings.alpha * state.squaredWeights() / batchWeight
        state.update(gradients: workspaces.prefix(parts).map(\.gradient), batchWeight: batchWeight, settings: settings)
        return losses.reduce(0, +) / batchWeight + penalty
    }

    /// Gathers a slice's rows into the workspace, runs forward and backward; returns its loss sum.
    private func halfBatch(_ rows: ArraySlice<Int>, parameters: UnsafePointer<Float>,
                           transposed: [UnsafeMutablePointer<Float>], workspace: NetworkWorkspace) -> Double {
        let width = inputs.columns
        inputs.values.withUnsafeBufferPointer { values in
            for (i, row) in rows.enumerated() {
                (workspace.activations[0] + i * width).update(from: values.baseAddress! + row * width, count: width)
                workspace.targets[i] = targets[row]
                workspace.rowWeights[i] = weights?[row] ?? 1
            }
        }
        pass.forward(parameters, rows: rows.count, workspace: workspace)
        let loss = pass.lossAndOutputDeltas(rows: rows.count, targets: workspace.targets,
                                            weights: weights == nil ? nil : UnsafePointer(workspace.rowWeights), workspace: workspace)
        pass.backward(rows: rows.count, transposed: transposed, workspace: workspace)
        return loss
    }
}

/// sklearn's `_no_improvement_count` rule: an epoch that does not beat the best by `tolerance`
/// counts against `patience`; more than `patience` such epochs in a row stop training.
struct StoppingTracker {
    let settings: MiniBatchTrainer.Settings
    var bestLoss = Double.infinity
    var bestScore = -Double.infinity
    var bestEpoch = 0
    var bestParameters: [Float]? = nil
    var stale = 0
    var exhausted = false

    init(settings: MiniBatchTrainer.Settings) { self.settings = settings }

    /// True when training should stop after this epoch.
    mutating func record(epoch: Int, loss: Double, score: Double?, parameters: [Float]) -> Bool {
        if let score {
            stale = score < bestScore + settings.tolerance ? stale + 1 : 0
            if score > bestScore {
                (bestScore, bestEpoch, bestParameters) = (score, epoch, parameters)
            }
        } else {
            stale = loss > bestLoss - settings.tolerance ? stale + 1 : 0
            bestLoss = min(bestLoss, loss)
        }
        exhausted = stale > settings.patience
        return exhausted
    }
}

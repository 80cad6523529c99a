/// Scoring with one tree or many, shared by `decision_tree` and `random_forest`.
enum TreePrediction {
    /// Rows per parallel piece: big enough that starting a thread is worth it.
    private static let rowsPerPiece = 4096

    /// The mean of the trees' leaf outputs for every row (class shares, or numbers), sums taken
    /// tree by tree in order so the result does not depend on how rows are shared out.
    /// A matrix with the wrong number of columns scores NaN rather than reading out of bounds.
    static func predict(_ trees: [TreeNodes], x: FeatureMatrix, featureCount: Int, outputs: Int,
                        isClassification: Bool) -> Predictions {
        let scores = meanOutputs(trees, x: x, featureCount: featureCount, outputs: outputs)
        return isClassification ? .probabilities(scores, classCount: outputs) : .values(scores)
    }

    static func meanOutputs(_ trees: [TreeNodes], x: FeatureMatrix, featureCount: Int, outputs: Int) -> [Double] {
        guard x.columns == featureCount, !trees.isEmpty else {
            return [Double](repeating: .nan, count: x.rows * outputs)
        }
        let pieces = x.rows >= 2 * rowsPerPiece ? (x.rows + rowsPerPiece - 1) / rowsPerPiece : 1
        let pieceRows = (x.rows + pieces - 1) / max(1, pieces)
        let parts = x.values.withUnsafeBufferPointer { values in
            Parallel.map(pieces) { piece -> [Double] in
                let range = (piece * pieceRows)..<min(x.rows, (piece + 1) * pieceRows)
                return sumOutputs(trees, x: values.baseAddress!, rows: x.rows, range: range, outputs: outputs)
            }
        }
        var scores = parts.count == 1 ? parts[0] : parts.flatMap { $0 }
        if trees.count > 1 {
            let count = Double(trees.count)
            scores.withUnsafeMutableBufferPointer { buffer in
                for i in buffer.indices { buffer[i] /= count }
            }
        }
        return scores
    }

    private static func sumOutputs(_ trees: [TreeNodes], x: UnsafePointer<Double>, rows: Int, range: Range<Int>,
                                   outputs: Int) -> [Double] {
        var sums = [Double](repeating: 0, count: range.count * outputs)
        sums.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            for tree in trees {
                tree.withView { view in view.addOutputs(x: x, rows: rows, range: range, into: base) }
            }
        }
        return sums
    }

    /// sklearn's `feature_importances_` of one tree: the weighted impurity decreases per
    /// feature over the root weight, scaled to sum to 1 (all 0 for a tree without splits).
    static func normalizedImportances(_ decreases: [Double], rootWeight: Double) -> [Double] {
        let scaled = decreases.map { $0 / rootWeight }
        let sum = scaled.reduce(0, +)
        return sum > 0 ? scaled.map { $0 / sum } : scaled.map { _ in 0 }
    }
}

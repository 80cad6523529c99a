extension LogisticObjective {
    /// The objective and its gradient read from wide inputs: scores block by block of columns on
    /// every core, then the loss and residuals row by row, then one gradient sum per column.
    /// A pass costs rows × inputs (nonzero cells for sparse columns) and no inputs × inputs.
    func wideValue(_ wide: LinearModelsSupport.WideInputs, _ theta: [Double], gradient: inout [Double]) -> Double {
        let n = rows, k = scoreCount, stride = columns + 1
        var scores = [Double](repeating: 0, count: k * n)
        for s in 0..<k {
            for i in 0..<n { scores[s * n + i] = theta[s * stride + columns] }
        }
        wide.addScores(theta, scoreCount: k, stride: stride, into: &scores)
        var total = scores.withUnsafeMutableBufferPointer { z in
            k == 1 ? binaryResiduals(z.baseAddress!, start: 0, count: n) : softmaxResiduals(z.baseAddress!, start: 0, count: n)
        }
        var totals = [Double](repeating: 0, count: k)
        for s in 0..<k {
            for i in 0..<n { totals[s] += scores[s * n + i] }
            gradient[s * stride + columns] = totals[s]
        }
        wide.columnGradients(scores, totals: totals, scoreCount: k, stride: stride, into: &gradient)
        addRidge(theta, to: &total, gradient: &gradient)
        return total
    }
}

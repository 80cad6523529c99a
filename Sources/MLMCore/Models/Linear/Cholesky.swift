extension LinearModelsSupport {
    /// Solves `A·x = b` for a symmetric positive definite `n × n` matrix `A` (row-major; only
    /// the lower triangle is read). Returns nil when a pivot is not clearly positive, i.e. `A`
    /// is singular or nearly so in double precision, so the caller can regularise and retry.
    static func choleskySolve(_ a: [Double], size n: Int, _ b: [Double], relativePivot: Double = 1e-13) -> [Double]? {
        guard n > 0 else { return [] }
        var l = a
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, a[i * n + i]) }
        guard largestDiagonal > 0, largestDiagonal.isFinite else { return nil }
        let smallest = relativePivot * largestDiagonal
        for j in 0..<n {
            var diagonal = l[j * n + j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > smallest else { return nil }
            let pivot = diagonal.squareRoot()
            l[j * n + j] = pivot
            for i in (j + 1)..<max(j + 1, n) {
                var sum = l[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / pivot
            }
        }
        // Forward then back substitution with L and Lᵀ.
        var x = b
        for i in 0..<n {
            var sum = x[i]
            for k in 0..<i { sum -= l[i * n + k] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1)..<max(i + 1, n) { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }

    /// `choleskySolve`, adding a growing multiple of the identity (relative to the largest
    /// diagonal entry) until the matrix factorises. Returns the solution and the jitter used.
    static func regularisedSolve(_ a: [Double], size n: Int, _ b: [Double]) -> (solution: [Double], jitter: Double)? {
        if let x = choleskySolve(a, size: n, b) { return (x, 0) }
        var largestDiagonal = 0.0
        for i in 0..<n { largestDiagonal = max(largestDiagonal, abs(a[i * n + i])) }
        let base = largestDiagonal > 0 && largestDiagonal.isFinite ? largestDiagonal : 1
        var relative = 1e-10
        while relative <= 1e-2 {
            var shifted = a
            for i in 0..<n { shifted[i * n + i] += relative * base }
            if let x = choleskySolve(shifted, size: n, b) { return (x, relative) }
            relative *= 100
        }
        return nil
    }
}

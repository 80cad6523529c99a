/// The settings `tune` tries: every combination of the values given (grid), or a seeded random
/// sample of them when a budget of trials is smaller than the grid.
public enum ParameterSearch {
    /// One parameter and the values to try, as written (`depth 3..8`, `rate [0.03, 0.1]`).
    public struct Axis: Sendable, Equatable {
        public let name: String
        public let values: [ParameterValue]

        public init(name: String, values: [ParameterValue]) {
            self.name = name
            self.values = values
        }
    }

    /// The number of combinations, saturating rather than overflowing.
    public static func gridSize(_ axes: [Axis]) -> Int {
        axes.reduce(1) { total, axis in
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            return overflow ? Int.max : product
        }
    }

    /// Every combination, the last axis changing fastest, each merged into `base`.
    public static func grid(_ axes: [Axis], base: Parameters) throws(ModelError) -> [Parameters] {
        try checkAxes(axes)
        let size = gridSize(axes)
        guard size <= 100_000 else {
            throw ModelError("the grid has \(ValueText.counted(size, "combination")); give fewer values or a budget of trials (with trials 50)")
        }
        return (0..<size).map { combination(axes, index: $0, base: base) }
    }

    /// `trials` distinct combinations drawn without replacement with `SeededGenerator(seed)`, in
    /// the order drawn; the whole grid (in grid order) when it has no more than `trials`.
    public static func random(_ axes: [Axis], base: Parameters, trials: Int, seed: UInt64) throws(ModelError) -> [Parameters] {
        try checkAxes(axes)
        guard trials >= 1 else {
            throw ModelError("trials must be a whole number of at least 1; got \(trials)")
        }
        let size = gridSize(axes)
        if size <= trials { return try grid(axes, base: base) }
        var generator = SeededGenerator(seed: seed)
        var chosen = Set<Int>(), order: [Int] = []
        while order.count < trials {
            let index = generator.nextInt(below: size)
            if chosen.insert(index).inserted { order.append(index) }
        }
        return order.map { combination(axes, index: $0, base: base) }
    }

    private static func checkAxes(_ axes: [Axis]) throws(ModelError) {
        guard !axes.isEmpty else { throw ModelError("the search has no parameters to vary") }
        if let empty = axes.first(where: { $0.values.isEmpty }) {
            throw ModelError("parameter '\(empty.name)' has no values to try")
        }
    }

    private static func combination(_ axes: [Axis], index: Int, base: Parameters) -> Parameters {
        var parameters = base
        var rest = index
        for axis in axes.reversed() {
            parameters.values[axis.name] = axis.values[rest % axis.values.count]
            rest /= axis.values.count
        }
        return parameters
    }
}

extension Algorithm {
    /// `given` completed with the default of every setting it does not name.
    public func parametersWithDefaults(_ given: Parameters = Parameters()) -> Parameters {
        var parameters = given
        for spec in self.parameters where parameters.values[spec.name] == nil {
            if let value = spec.defaultValue { parameters.values[spec.name] = value }
        }
        return parameters
    }
}

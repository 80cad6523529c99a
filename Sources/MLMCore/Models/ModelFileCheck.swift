/// One field of a model file under validation, named by its path (`model.trees[2].feature`), with
/// the checks every model type shares. A failure reads "the model file is damaged: 'path' …",
/// so the user learns which field is wrong.
///
/// Every decoded model is checked against what training can produce before it is used: a model
/// file is data that travels (git, e-mail, shared drives), and a damaged one must be refused
/// with words, never trap while scoring nor silently score differently.
struct ModelFileCheck {
    let path: String

    init(_ path: String) { self.path = path }

    func field(_ name: String) -> ModelFileCheck { ModelFileCheck(path.isEmpty ? name : "\(path).\(name)") }

    func item(_ index: Int) -> ModelFileCheck { ModelFileCheck("\(path)[\(index)]") }

    func fail(_ problem: String) -> ModelError {
        ModelError("the model file is damaged: '\(path)' \(problem)")
    }

    func require(_ condition: Bool, _ problem: @autoclosure () -> String) throws(ModelError) {
        if !condition { throw fail(problem()) }
    }

    /// "has 5 values but the model has 6 inputs".
    func count(_ actual: Int, _ expected: Int, _ reason: @autoclosure () -> String) throws(ModelError) {
        try require(actual == expected, "has \(actual) \(actual == 1 ? "value" : "values") but \(reason())")
    }

    func finite(_ value: Double) throws(ModelError) {
        try require(value.isFinite, "is \(value); it must be a finite number")
    }

    func finite(_ values: [Double]) throws(ModelError) {
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw fail("holds \(values[bad]) at position \(bad); every value must be a finite number")
        }
    }

    /// Finite and above zero (variances, scales, standard deviations).
    func positive(_ values: [Double]) throws(ModelError) {
        if let bad = values.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw fail("holds \(values[bad]) at position \(bad); every value must be a number above 0")
        }
    }

    func inRange(_ value: Int, _ range: ClosedRange<Int>) throws(ModelError) {
        try require(range.contains(value), "is \(value); it must be from \(range.lowerBound) to \(range.upperBound)")
    }

    func inRange(_ values: [Int], _ range: Range<Int>, _ what: String) throws(ModelError) {
        if let bad = values.firstIndex(where: { !range.contains($0) }) {
            throw fail("holds \(values[bad]) at position \(bad); every value must be \(what) from \(range.lowerBound) to \(range.upperBound - 1)")
        }
    }

    /// No value twice (category levels, class names, column names).
    func unique(_ values: [String]) throws(ModelError) {
        var seen: Set<String> = []
        for value in values where !seen.insert(value).inserted {
            throw fail("lists '\(value)' twice")
        }
    }

    /// Strictly increasing, as training writes levels and class names.
    func sortedUnique(_ values: [String]) throws(ModelError) {
        try unique(values)
        for i in values.indices.dropFirst() where !(values[i - 1] < values[i]) {
            throw fail("lists '\(values[i - 1])' before '\(values[i])'; mlm writes them in sorted order")
        }
    }
}

/// Reads one setting through its spec, which holds the setting's one rule (see
/// ParameterSpec+Rule): a wrong value names the parameter, the algorithm, the rule and the value.
/// The language checks the same rule before running; this guards direct callers and model files.
/// Shared by every algorithm's settings.
struct ParameterReader {
    let parameters: Parameters
    let algorithm: String
    let specs: [ParameterSpec]

    /// The seed every algorithm with randomness takes, declared once.
    static let seedSpec = ParameterSpec(
        "seed", .integer(ParameterSpec.seedRange), default: .integer(0),
        "the random seed: the same seed and data give the same model")

    static func seed(_ parameters: Parameters, algorithm: String) throws(ModelError) -> UInt64 {
        UInt64(try ParameterReader(parameters: parameters, algorithm: algorithm, specs: [seedSpec]).integer("seed") ?? 0)
    }

    /// The value of a setting, checked against its spec; nil when it is not given.
    private func checked(_ name: String) throws(ModelError) -> ParameterValue? {
        guard let value = parameters.values[name] else { return nil }
        guard let spec = specs.first(where: { $0.name == name }) else {
            throw ModelError("\(algorithm) has no setting '\(name)'")
        }
        if let problem = spec.problem(with: value, algorithm: algorithm) { throw ModelError(problem) }
        return spec.normalized(value)
    }

    /// Every setting given, checked against its spec.
    func checkAll() throws(ModelError) {
        for name in parameters.values.keys.sorted() { _ = try checked(name) }
    }

    func integer(_ name: String) throws(ModelError) -> Int? {
        guard case .integer(let n)? = try checked(name) else { return nil }
        return n
    }

    func number(_ name: String) throws(ModelError) -> Double? {
        guard case .number(let n)? = try checked(name) else { return nil }
        return n
    }

    func choice(_ name: String) throws(ModelError) -> String? {
        guard case .text(let word)? = try checked(name) else { return nil }
        return word
    }

    func flag(_ name: String, default defaultValue: Bool) throws(ModelError) -> Bool {
        guard case .flag(let on)? = try checked(name) else { return defaultValue }
        return on
    }

    func integers(_ name: String) throws(ModelError) -> [Int]? {
        guard case .integers(let list)? = try checked(name) else { return nil }
        return list
    }

    /// Two settings that say the same thing two ways, both given.
    func refuseConflicts() throws(ModelError) {
        if let problem = ParameterSpec.conflict(in: parameters.values, specs: specs, algorithm: algorithm) {
            throw ModelError(problem)
        }
    }

    static func describe(_ value: ParameterValue) -> String { ParameterSpec.text(of: value) }

    /// 1e9 as 1000000000 and 2.0 as 2: numbers as a marketer writes them.
    static func plain(_ value: Double) -> String { ParameterSpec.number(value) }
}

/// Reads one kind of parameter and names the parameter, the algorithm, the constraint and the
/// value when it is wrong (the language checks the same ranges; this guards direct callers).
/// Shared by every algorithm's settings.
struct ParameterReader {
    let parameters: Parameters
    let algorithm: String

    /// The seed every algorithm with randomness takes, declared once.
    static let seedSpec = ParameterSpec(
        "seed", .integer(0...4_294_967_295), default: .integer(0),
        "the random seed: the same seed and data give the same model")

    static func seed(_ parameters: Parameters, algorithm: String) throws(ModelError) -> UInt64 {
        UInt64(try ParameterReader(parameters: parameters, algorithm: algorithm).integer("seed", in: 0...4_294_967_295) ?? 0)
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(ModelError) -> Int? {
        guard let value = parameters.values[name] else { return nil }
        guard case .integer(let n) = value, range.contains(n) else {
            throw ModelError("parameter '\(name)' of \(algorithm) must be a whole number from \(range.lowerBound) to \(range.upperBound); got \(Self.describe(value))")
        }
        return n
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(ModelError) -> Double? {
        guard let value = parameters.values[name] else { return nil }
        guard let n = parameters.number(name), range.contains(n) else {
            throw ModelError("parameter '\(name)' of \(algorithm) must be a number from \(Self.plain(range.lowerBound)) to \(Self.plain(range.upperBound)); got \(Self.describe(value))")
        }
        return n
    }

    func choice(_ name: String, allowed: [String]) throws(ModelError) -> String? {
        guard let value = parameters.values[name] else { return nil }
        guard case .text(let word) = value, allowed.contains(word) else {
            throw ModelError("parameter '\(name)' of \(algorithm) must be one of \(allowed.joined(separator: ", ")); got \(Self.describe(value))")
        }
        return word
    }

    func flag(_ name: String, default defaultValue: Bool) throws(ModelError) -> Bool {
        guard let value = parameters.values[name] else { return defaultValue }
        guard case .flag(let on) = value else {
            throw ModelError("parameter '\(name)' of \(algorithm) must be given without a value; got \(Self.describe(value))")
        }
        return on
    }

    static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .integer(let n): return String(n)
        case .number(let n): return plain(n)
        case .text(let text): return text
        case .flag(let on): return on ? "on" : "off"
        case .integers(let list): return "[" + list.map(String.init).joined(separator: ", ") + "]"
        }
    }

    /// 1e9 as 1000000000 and 2.0 as 2: numbers as a marketer writes them.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

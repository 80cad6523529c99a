/// The one rule of each setting: what it allows, in words, and whether a value passes.
/// The language checks literal values against it before anything runs, and every algorithm
/// reads its settings through it (ParameterReader), so the two can never disagree.
extension ParameterSpec {
    /// Seeds are whole numbers from 0 to 2^32 - 1 everywhere (models, splits, folds,
    /// bootstraps, segmentations): the same seed gives the same result in every step.
    public static let seedRange = 0...4_294_967_295

    /// What the setting allows: "a whole number from 1 to 64", "a number above 0 and at most 1".
    public var rule: String {
        switch kind {
        case .integer(let range):
            return "a whole number from \(Self.bound(range.lowerBound)) to \(Self.bound(range.upperBound))"
        case .number(let range):
            let high = Self.bound(range.upperBound)
            return excludesLowerBound ? "a number above \(Self.bound(range.lowerBound)) and at most \(high)"
                                      : "a number from \(Self.bound(range.lowerBound)) to \(high)"
        case .choice(let choices):
            return "one of " + choices.joined(separator: ", ")
        case .flag:
            return "given without a value (just '\(name)')"
        case .integerList(let range):
            let count = maximumCount.map { "1 to \($0) " } ?? ""
            return "a list of \(count)whole numbers from \(Self.bound(range.lowerBound)) to \(Self.bound(range.upperBound)), like [64, 32]"
        }
    }

    /// True when the value is one the setting allows. Whole numbers pass for number settings.
    public func accepts(_ value: ParameterValue) -> Bool {
        switch (kind, value) {
        case (.integer(let range), .integer(let v)): return range.contains(v)
        case (.number(let range), .number(let v)): return accepts(number: v, in: range)
        case (.number(let range), .integer(let v)): return accepts(number: Double(v), in: range)
        case (.choice(let choices), .text(let word)): return choices.contains(word)
        case (.flag, .flag): return true
        case (.integerList(let range), .integers(let list)):
            return !list.isEmpty && list.count <= (maximumCount ?? Int.max) && list.allSatisfy(range.contains)
        default: return false
        }
    }

    private func accepts(number v: Double, in range: ClosedRange<Double>) -> Bool {
        v.isFinite && range.contains(v) && !(excludesLowerBound && v == range.lowerBound)
    }

    /// Why `value` is not allowed for this setting of `algorithm`, or nil when it is.
    public func problem(with value: ParameterValue, algorithm: String) -> String? {
        accepts(value) ? nil : "parameter '\(name)' of \(algorithm) must be \(rule); got \(Self.text(of: value))"
    }

    /// The value as the algorithm reads it: whole numbers given for number settings become numbers.
    public func normalized(_ value: ParameterValue) -> ParameterValue {
        if case .number = kind, case .integer(let v) = value { return .number(Double(v)) }
        return value
    }

    /// The first pair of settings in `values` that say the same thing two ways, as a message.
    public static func conflict(in values: [String: ParameterValue], specs: [ParameterSpec], algorithm: String) -> String? {
        for spec in specs {
            if let other = spec.alternativeTo, values[spec.name] != nil, values[other] != nil {
                return "give \(algorithm) either '\(other)' or '\(spec.name)', not both"
            }
        }
        return nil
    }

    /// A value as the user wrote it: 100, 0.0000001 (never rounded to 0), [64, 32], sqrt.
    public static func text(of value: ParameterValue) -> String {
        switch value {
        case .integer(let n): return String(n)
        case .number(let n): return number(n)
        case .text(let text): return text
        case .flag(let on): return on ? "on" : "off"
        case .integers(let list): return "[" + list.map(String.init).joined(separator: ", ") + "]"
        }
    }

    /// Every digit of a number, written out without an exponent between 1e-15 and 1e15:
    /// 0.0000001 stays 0.0000001 and 2.0 is 2. A whole number shows whole however large (a seed
    /// 9223372036854775807 is not 9.22e+18); other large and small ones keep the exponent.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if let whole = ValueText.whole(value) { return whole }
        let text = "\(value)"
        guard text.contains(where: { $0 == "e" || $0 == "E" }), abs(value) >= 1e-15, abs(value) < 1e15 else { return text }
        return ValueText.expandExponent(text)
    }

    /// The end of a range as a reader counts it: 1,000,000 and 0.5.
    static func bound(_ value: Int) -> String { ValueText.grouped(value) }

    static func bound(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return ValueText.grouped(Int(value)) }
        return number(value)
    }
}

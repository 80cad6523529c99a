import MLMCore
import MLMSyntax

/// Turns the `with ...` options of `train` into validated algorithm parameters, with "did you
/// mean" for misspelled names and the allowed range when a value is out of it.
public enum ModelOptions {
    /// Settings every classifier accepts besides its own.
    static let classWeight = ParameterSpec(
        "class_weight", .choice(["none", "balanced"]), default: .text("none"),
        "'balanced' weights rows so every class counts as much in total (for rare positives)")

    /// The specs an algorithm accepts, the common ones included.
    public static func specs(for algorithm: Algorithm) -> [ParameterSpec] {
        algorithm.parameters + (algorithm.tasks.contains(.binary) ? [classWeight] : [])
    }

    /// Validated parameters (defaults filled in) and the class weight rule, or every problem found.
    public static func parameters(_ options: [NamedOption], for algorithm: Algorithm) -> Result<(Parameters, String?), DiagnosticList> {
        var values: [String: ParameterValue] = [:]
        var problems: [Diagnostic] = []
        let specs = specs(for: algorithm)
        for option in options {
            guard let spec = specs.first(where: { $0.name == option.name.name }) else {
                problems.append(Diagnostic(.error, "\(algorithm.name) has no option '\(option.name.name)'", at: option.name.range,
                                           help: Suggestions.didYouMean(option.name.name, in: specs.map(\.name))
                                               ?? "its options are " + specs.map(\.name).joined(separator: ", ")))
                continue
            }
            switch value(option, spec, algorithm: algorithm.name) {
            case .success(let value): values[spec.name] = value
            case .failure(let problem): problems.append(problem)
            }
        }
        if problems.isEmpty, let conflict = ParameterSpec.conflict(in: values, specs: specs, algorithm: algorithm.name),
           let last = options.last(where: { option in specs.contains { $0.alternativeTo != nil && ($0.name == option.name.name || $0.alternativeTo == option.name.name) } }) {
            problems.append(Diagnostic(.error, conflict, at: last.range))
        }
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        for spec in specs where values[spec.name] == nil {
            if let defaultValue = spec.defaultValue { values[spec.name] = defaultValue }
        }
        var classWeight: String?
        if case .text(let rule)? = values.removeValue(forKey: classWeightName) { classWeight = rule }
        return .success((Parameters(values), classWeight))
    }

    private static let classWeightName = "class_weight"

    /// The literal read as the spec's kind and checked against the spec's one rule, which the
    /// algorithm's own settings reader applies again when it trains.
    private static func value(_ option: NamedOption, _ spec: ParameterSpec, algorithm: String) -> Result<ParameterValue, Diagnostic> {
        guard let given = literal(option.value, as: spec), spec.accepts(given) else {
            return .failure(Diagnostic(.error, "option '\(spec.name)' of \(algorithm) must be \(spec.rule); got \(describe(option.value))",
                                       at: option.value?.range ?? option.range, help: spec.summary))
        }
        return .success(spec.normalized(given))
    }

    /// The value written, as the kind of value the setting takes; nil when it cannot be one.
    private static func literal(_ expr: Expr?, as spec: ParameterSpec) -> ParameterValue? {
        switch spec.kind {
        case .integer: return number(expr).map { whole($0).map(ParameterValue.integer) ?? .number($0) }
        case .number: return number(expr).map(ParameterValue.number)
        case .choice: return word(expr).map(ParameterValue.text)
        case .flag: return expr == nil ? .flag(true) : nil
        case .integerList:
            guard case .list(let items)? = expr?.kind else { return nil }
            let numbers = items.compactMap { number($0).flatMap(whole) }
            return numbers.count == items.count ? .integers(numbers) : nil
        }
    }

    /// A whole number an Int holds exactly (every script number up to 2^53 does).
    static func whole(_ n: Double) -> Int? {
        n == n.rounded() && abs(n) <= 9_007_199_254_740_992 ? Int(n) : nil
    }

    private static func number(_ expr: Expr?) -> Double? {
        guard let expr else { return nil }
        switch expr.kind {
        case .number(let n): return n
        case .percent(let p): return p / 100
        case .unary(.negate, let inner): return number(inner).map { -$0 }
        default: return nil
        }
    }

    private static func word(_ expr: Expr?) -> String? {
        switch expr?.kind {
        case .name(let name)?: return name
        case .string(let text)?: return text
        default: return nil
        }
    }

    /// The value as written: 0.0000001 is never shown as 0.
    static func describe(_ expr: Expr?) -> String {
        guard let expr else { return "nothing" }
        switch expr.kind {
        case .number(let n): return ParameterSpec.number(n)
        case .percent(let p): return ParameterSpec.number(p) + "%"
        case .unary(.negate, let inner): return "-" + describe(inner)
        case .list(let items): return "[" + items.map { describe($0) }.joined(separator: ", ") + "]"
        case .boolean(let flag): return flag ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        case .name(let n): return n
        default: return "something else"
        }
    }
}

/// Several diagnostics as one error value.
public struct DiagnosticList: Error, Sendable {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

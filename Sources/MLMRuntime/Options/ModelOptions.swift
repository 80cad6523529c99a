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
        guard problems.isEmpty else { return .failure(DiagnosticList(problems)) }
        for spec in specs where values[spec.name] == nil {
            if let defaultValue = spec.defaultValue { values[spec.name] = defaultValue }
        }
        var classWeight: String?
        if case .text(let rule)? = values.removeValue(forKey: classWeightName) { classWeight = rule }
        return .success((Parameters(values), classWeight))
    }

    private static let classWeightName = "class_weight"

    private static func value(_ option: NamedOption, _ spec: ParameterSpec, algorithm: String) -> Result<ParameterValue, Diagnostic> {
        let range = option.value?.range ?? option.range
        let fail = { (wanted: String) -> Result<ParameterValue, Diagnostic> in
            .failure(Diagnostic(.error, "option '\(spec.name)' of \(algorithm) must be \(wanted); got \(describe(option.value))",
                                at: range, help: spec.summary))
        }
        switch spec.kind {
        case .integer(let allowed):
            guard let n = number(option.value), n == n.rounded(), n >= Double(allowed.lowerBound), n <= Double(allowed.upperBound) else {
                return fail("a whole number from \(allowed.lowerBound) to \(allowed.upperBound)")
            }
            return .success(.integer(Int(n)))
        case .number(let allowed):
            guard let n = number(option.value), allowed.contains(n) else {
                // A tiny positive lower bound means "above zero" to a reader.
                let lower = allowed.lowerBound
                return fail(lower > 0 && lower < 1e-6
                    ? "a number above 0 and at most \(Words.number(allowed.upperBound))"
                    : "a number from \(Words.number(lower)) to \(Words.number(allowed.upperBound))")
            }
            return .success(.number(n))
        case .choice(let choices):
            guard let word = word(option.value), choices.contains(word) else {
                return fail("one of " + choices.joined(separator: ", "))
            }
            return .success(.text(word))
        case .flag:
            guard option.value == nil else { return fail("given without a value (just '\(spec.name)')") }
            return .success(.flag(true))
        case .integerList(let allowed):
            guard case .list(let items)? = option.value?.kind else { return fail("a list like [64, 32]") }
            let numbers = items.compactMap { number($0) }.filter { $0 == $0.rounded() && $0 >= Double(allowed.lowerBound) && $0 <= Double(allowed.upperBound) }
            guard numbers.count == items.count, !numbers.isEmpty else {
                return fail("a list of whole numbers from \(allowed.lowerBound) to \(allowed.upperBound)")
            }
            return .success(.integers(numbers.map { Int($0) }))
        }
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

    private static func describe(_ expr: Expr?) -> String {
        guard let expr else { return "nothing" }
        switch expr.kind {
        case .number(let n): return Words.number(n)
        case .percent(let p): return Words.number(p) + "%"
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

import MLMCore
import MLMSyntax

/// Turns the options of `segment` into validated parameters: `k` may be a whole number, a range
/// (`k 2..8`, each k tried and the best silhouette kept) or `auto` (2..10); the other options are
/// checked against the algorithm's specs with "did you mean" and their allowed ranges.
enum SegmentOptions {
    static let algorithms = ["kmeans", "dbscan"]
    static let autoRange = 2...10

    struct Validated {
        var parameters: Parameters
        var kRange: ClosedRange<Int>?
    }

    static func specs(_ algorithm: String) -> [ParameterSpec] {
        algorithm == "dbscan" ? Segmentation.dbscanParameters : Segmentation.kmeansParameters
    }

    /// The options checked against a stand-in Algorithm, so messages read like `train` ones.
    static func validate(_ options: [NamedOption], algorithm: String) -> Result<Validated, DiagnosticList> {
        var rest: [NamedOption] = []
        var kRange: ClosedRange<Int>?
        var k: Int?
        var problems: [Diagnostic] = []
        for option in options.map(wordForBoolean) {
            guard algorithm == "kmeans", option.name.name == "k" else { rest.append(option); continue }
            switch kValue(option) {
            case .success(let value): (k, kRange) = value
            case .failure(let problem): problems.append(problem)
            }
        }
        let stand = Algorithm(name: algorithm, summary: "", tasks: [],
                              parameters: specs(algorithm).filter { $0.name != "k" },
                              train: { _, _, _, _ throws(ModelError) in throw ModelError("not trainable") },
                              decode: { _ in throw ModelError("not decodable") })
        switch ModelOptions.parameters(rest, for: stand) {
        case .failure(let list): problems += list.diagnostics
        case .success(var (parameters, _)):
            guard problems.isEmpty else { break }
            if let k { parameters.values["k"] = .integer(k) }
            if algorithm == "kmeans", k == nil, kRange == nil { kRange = autoRange }
            return .success(Validated(parameters: parameters, kRange: kRange))
        }
        return .failure(DiagnosticList(problems))
    }

    /// `standardize false` is written with the literal false; the choice spec wants a word.
    private static func wordForBoolean(_ option: NamedOption) -> NamedOption {
        guard let value = option.value, case .boolean(let flag) = value.kind else { return option }
        return NamedOption(name: option.name, value: Expr(.name(flag ? "true" : "false"), range: value.range), range: option.range)
    }

    private static func kValue(_ option: NamedOption) -> Result<(Int?, ClosedRange<Int>?), Diagnostic> {
        let fail = Diagnostic(.error, "option 'k' of kmeans must be a whole number from 1 to 1000, a range such as 2..8, or auto",
                              at: option.value?.range ?? option.range,
                              help: "k 4 makes four segments; k 2..8 tries each and keeps the best silhouette")
        switch option.value?.kind {
        case .name("auto")?: return .success((nil, autoRange))
        case .range(let lo, let hi)?:
            guard let a = whole(lo), let b = whole(hi), a >= 2, b >= a, b <= 1000 else {
                return .failure(Diagnostic(.error, "the range of option 'k' of kmeans must go from 2 or more up to at most 1000, low to high",
                                           at: option.value!.range, help: "for example k 2..8"))
            }
            return .success((nil, a...b))
        default:
            guard let n = option.value.flatMap(whole), n >= 1, n <= 1000 else { return .failure(fail) }
            return .success((n, nil))
        }
    }

    private static func whole(_ expr: Expr) -> Int? {
        guard case .number(let n) = expr.kind, n == n.rounded(), abs(n) < 1e9 else { return nil }
        return Int(n)
    }
}

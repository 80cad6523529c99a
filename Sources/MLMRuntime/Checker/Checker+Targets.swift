import MLMCore
import MLMSyntax

/// The target rules that need no data (TargetRules), applied before running where the schema
/// settles what the target is: an algorithm that cannot predict that kind of target, and
/// `as number` on a column of text. Each is reported where the step reports it when it runs.
extension Checker {
    /// What the target will be, when the script or the schema settles it: nil for a number column
    /// whose known values are all 0 or 1 (the data decides), or an unknown column.
    func targetKind(_ target: Identifier, positive: Expr?, asNumber: SourceRange?, in schema: Schema?) -> TargetRules.Kind? {
        if asNumber != nil { return .number }
        if positive != nil { return .classes }
        guard let schema, case .some(.some(let type)) = schema.type(of: target.name) else { return nil }
        switch type {
        case .category, .boolean: return .classes
        case .integer, .number: return schema.beyondZeroOne.contains(target.name) ? .number : nil
        case .text, .date: return nil  // refused as a target when run (text may be a category in the whole file)
        }
    }

    /// `as number` on a column known to hold text or categories (a column read as numbers or
    /// dates in a file's first rows may still turn out to be text, which is left to the run).
    mutating func checkAsNumber(_ target: Identifier, _ asNumber: SourceRange?, in schema: Schema?, at range: SourceRange) {
        guard asNumber != nil, let schema, case .some(.some(let type)) = schema.type(of: target.name), type.isString,
              let problem = TargetRules.asNumberProblem(column: target.name, type: type) else { return }
        report(problem, at: range)
    }

    /// An algorithm that cannot learn the target, in the words `train` uses when it runs.
    mutating func checkSupport(_ algorithm: Algorithm, target: Identifier, positive: Expr?, asNumber: SourceRange?,
                               in schema: Schema?, at range: SourceRange) {
        guard let kind = targetKind(target, positive: positive, asNumber: asNumber, in: schema),
              let problem = TargetRules.supportProblem(algorithm, kind: kind, column: target.name, asNumber: asNumber != nil)
        else { return }
        report(problem, at: range)
    }
}

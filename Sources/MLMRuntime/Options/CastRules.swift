import MLMCore
import MLMSyntax

/// What a `cast` and a `load ... column c as TYPE "format"` say, read once for `mlm check` and
/// the run: the type, the date format (only for dates; checked letter by letter) and the
/// options of cast (`coerce`).
enum CastRules {
    static func columnType(_ name: Identifier) throws(RuntimeError) -> ColumnType {
        guard let type = ColumnType(rawValue: name.name) else {
            let types = ColumnType.allCases.map(\.rawValue)
            throw RuntimeError("unknown column type '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: types) ?? "the types are " + types.joined(separator: ", "))
        }
        return type
    }

    /// The compiled format; an error on the string when it is not one, or when the type is not a date.
    static func dateFormat(_ literal: TextLiteral?, for type: ColumnType) throws(RuntimeError) -> DateFormat? {
        guard let literal else { return nil }
        guard type == .date else {
            throw RuntimeError("a format is only for dates; '\(type.rawValue)' takes none", at: literal.range,
                               help: "remove \"\(literal.value)\"")
        }
        do {
            return try DateFormat.compile(literal.value)
        } catch {
            throw RuntimeError("\"\(literal.value)\": \(error.message)", at: literal.range,
                               help: error.help ?? "the letters are " + DateFormat.letters.map(\.letters).joined(separator: " ")
                                   + #", as in "dd/mm/yyyy", "yyyymmdd", "Mon dd, yyyy"; or "excel" for Excel's day numbers"#)
        }
    }

    /// A cast as the step runs it.
    static func read(_ cast: CastOperation) throws(RuntimeError) -> (type: ColumnType, format: DateFormat?, coerce: Bool) {
        if let problem = StepOptions.problems(in: cast.options, allowed: StepOptions.cast, step: "cast").first {
            throw RuntimeError(problem.message, at: problem.range, help: problem.help)
        }
        let type = try columnType(cast.type)
        return (type, try dateFormat(cast.format, for: type), StepOptions.flag("coerce", in: cast.options))
    }
}

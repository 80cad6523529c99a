import MLMSyntax

/// The named options a step accepts, declared once: the checker validates against this table and
/// help texts list it.
public struct OptionSpec: Sendable {
    public enum Value: Sendable {
        case flag
        case text
        /// Text in quotes or a bare word: `sep ";"`, `sep tab`.
        case textOrWord
        case number
    }

    public let name: String
    public let value: Value
    public let summary: String
}

public enum StepOptions {
    public static let load: [OptionSpec] = [
        .init(name: "sep", value: .textOrWord,
              summary: #"the delimiter: ",", ";", "|", tab, or whitespace for columns aligned with spaces (detected when not given)"#),
        .init(name: "decimal", value: .text, summary: #"the decimal mark of numbers: "." or "," (detected when not given)"#),
        .init(name: "encoding", value: .text, summary: #""utf-8", "windows-1252" or "latin-1" (UTF-8, else Windows-1252, when not given)"#),
        .init(name: "skip_bad_rows", value: .flag, summary: "skip rows with the wrong number of fields, and report how many"),
    ]

    public static let loadModel: [OptionSpec] = [
        .init(name: "trust_edits", value: .flag,
              summary: "load a model file that was changed after mlm saved it, if it passes every check (the output says so)"),
    ]

    public static let cast: [OptionSpec] = [
        .init(name: "coerce", value: .flag,
              summary: "cells that cannot be converted become missing (counted in a warning) instead of stopping the step"),
    ]

    public static let export: [OptionSpec] = [
        .init(name: "force", value: .flag, summary: "allow overwriting a file that a table was loaded from"),
    ]

    /// Problems with the options given to a step: unknown names, missing or unexpected values.
    public static func problems(in options: [NamedOption], allowed: [OptionSpec], step: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: Set<String> = []
        for option in options {
            let name = option.name.name
            guard let spec = allowed.first(where: { $0.name == name }) else {
                let known = allowed.map { "'\($0.name)'" }.joined(separator: ", ")
                found.append(Diagnostic(.error, "'\(step)' has no option '\(name)'", at: option.name.range,
                                        help: Suggestions.didYouMean(name, in: allowed.map(\.name))
                                            ?? "the options of '\(step)' are \(known)"))
                continue
            }
            if !seen.insert(name).inserted {
                found.append(Diagnostic(.error, "option '\(name)' is given twice", at: option.range))
            }
            if let problem = valueProblem(option, spec: spec) { found.append(problem) }
        }
        return found
    }

    private static func valueProblem(_ option: NamedOption, spec: OptionSpec) -> Diagnostic? {
        switch (spec.value, option.value?.kind) {
        case (.flag, nil), (.text, .string?), (.textOrWord, .string?), (.textOrWord, .name?), (.number, .number?):
            return nil
        case (.flag, _):
            return Diagnostic(.error, "option '\(spec.name)' takes no value", at: option.range,
                              help: "write just '\(spec.name)'")
        case (.text, _):
            return Diagnostic(.error, "option '\(spec.name)' needs a text value in quotes", at: option.range,
                              help: spec.summary)
        case (.textOrWord, _):
            return Diagnostic(.error, "option '\(spec.name)' needs a value in quotes or a word", at: option.range,
                              help: spec.summary)
        case (.number, _):
            return Diagnostic(.error, "option '\(spec.name)' needs a number", at: option.range, help: spec.summary)
        }
    }

    public static func text(_ name: String, in options: [NamedOption]) -> (String, SourceRange)? {
        for option in options where option.name.name == name {
            if case .string(let value)? = option.value?.kind, let range = option.value?.range { return (value, range) }
        }
        return nil
    }

    /// The value of an option that takes text in quotes or a bare word, with where it is written.
    public static func textOrWord(_ name: String, in options: [NamedOption]) -> (String, SourceRange)? {
        for option in options where option.name.name == name {
            guard let value = option.value else { continue }
            switch value.kind {
            case .string(let text), .name(let text): return (text, value.range)
            default: continue
            }
        }
        return nil
    }

    public static func flag(_ name: String, in options: [NamedOption]) -> Bool {
        options.contains { $0.name.name == name }
    }
}

import MLMSyntax
/// The REPL's own commands (everything else typed is a step of the language). Declared once:
/// dispatch, `:help`, completion and "did you mean" all read this list.
struct MetaCommand: Sendable {
    let name: String
    /// How the argument is written in help, e.g. "<table>"; nil for none.
    let argument: String?
    let summary: String
    var aliases: [String] = []
    /// `save!`: the same command allowed to replace an existing file.
    var forcedVariant: String?

    static let all: [MetaCommand] = [
        MetaCommand(name: "help", argument: "[step]", summary: "steps and commands; :help <step> for one step with examples",
                    aliases: ["h", "?"]),
        MetaCommand(name: "tables", argument: nil, summary: "the session's tables with their size"),
        MetaCommand(name: "schema", argument: "<table>", summary: "a table's columns, types and missing values"),
        MetaCommand(name: "models", argument: nil, summary: "the session's models: algorithm, target, training table"),
        MetaCommand(name: "history", argument: "[n]", summary: "the last n entries typed (default 20)"),
        MetaCommand(name: "save", argument: "<file.mlm>",
                    summary: "write the steps that worked as a script; :save! replaces an existing file",
                    forcedVariant: "save!"),
        MetaCommand(name: "run", argument: "<file.mlm>", summary: "run a script's steps in this session"),
        MetaCommand(name: "report", argument: "<file.html|.md|.json>",
                    summary: "write a report of the steps that worked, as mlm run --report would"),
        MetaCommand(name: "reset", argument: nil, summary: "forget every table, model and step of the session"),
        MetaCommand(name: "quit", argument: nil, summary: "leave (or Ctrl-D)", aliases: ["q", "exit"]),
    ]

    static func named(_ word: String) -> MetaCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) || $0.forcedVariant == word }
    }

    var usage: String { ":" + name + (argument.map { " " + $0 } ?? "") }

    /// The error for `:word` that names no command. Suggestions are full command names with
    /// their colon: one-letter aliases are a distance of one from almost anything.
    static func unknown(_ word: String) -> String {
        guard !word.isEmpty else {
            return "':' alone is not a command; a line starting with ':' runs a REPL command, such as :help, :tables or :quit"
        }
        let names = all.map(\.name) + all.compactMap(\.forcedVariant)
        let hint = Suggestions.closest(to: word, in: names).map { " (did you mean ':\($0)'?)" } ?? ""
        return "unknown command ':\(word)'\(hint); type :help for the commands"
    }
}

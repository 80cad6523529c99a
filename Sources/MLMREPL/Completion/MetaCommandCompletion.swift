/// Completes `:commands` and their argument: help topics, table names, script paths.
struct MetaCommandCompletion {
    let context: CompletionContext

    func complete(_ line: String) -> Completion {
        let text = String(line.drop(while: { $0 == " " }))
        guard let space = text.firstIndex(of: " ") else {
            let names = MetaCommand.all.flatMap { [":" + $0.name] + ($0.forcedVariant.map { [":" + $0] } ?? []) }
            return Completer.filter(names.map { Completion.Candidate($0) }, typed: text) { $0 }
        }
        let command = String(text[text.index(after: text.startIndex)..<space])
        let argument = String(text[text.index(after: space)...].drop(while: { $0 == " " }))
        // Only the first argument is completed; the commands take one.
        guard !argument.contains(" ") || command == "save" || command == "save!" || command == "run" else {
            return Completion(prefix: argument, candidates: [])
        }
        switch command {
        case "help", "h", "?":
            return Completer.filter(HelpTopics.names.map { Completion.Candidate($0) }, typed: argument) { $0 }
        case "schema":
            return Completer.filter(context.tables.keys.sorted().map { Completion.Candidate($0) }, typed: argument) { $0 }
        case "run":
            return FileCompletion(context: context, kind: .script, terminator: "").complete(argument)
        case "save", "save!":
            return FileCompletion(context: context, kind: .script, terminator: "").complete(argument)
        default:
            return Completion(prefix: argument, candidates: [])
        }
    }
}

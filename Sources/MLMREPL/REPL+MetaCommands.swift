import Foundation
import MLMCore
import MLMRuntime
import MLMSyntax

extension REPL {
    /// Handles `:command [argument]`; returns false when the REPL should stop.
    func runMetaCommand(_ line: String) -> Bool {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        let word = String(body.prefix { $0 != " " })
        let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard let command = MetaCommand.named(word) else {
            writeError(MetaCommand.unknown(word) + "\n")
            failures += 1
            return true
        }
        switch command.name {
        case "quit": return false
        case "help": showHelp(argument)
        case "tables": listTables()
        case "schema": showSchema(argument)
        case "models": listModels()
        case "history": showHistory(argument)
        case "save": saveScript(to: argument, replacing: word == "save!")
        case "run": runScript(argument)
        case "report": writeReport(to: argument)
        case "reset": reset()
        default: break
        }
        return true
    }

    private func showHelp(_ topic: String) {
        if topic.isEmpty { return write(HelpTopics.overview + "\n") }
        guard let text = HelpTopics.text(for: topic) else {
            let hint = Suggestions.didYouMean(topic, in: HelpTopics.names)
            return writeError("no help for '\(topic)'\(hint.map { " (\($0))" } ?? ""); topics: \(HelpTopics.names.joined(separator: ", "))\n")
        }
        write(text + "\n")
    }

    private func listTables() {
        let names = session.tableNames
        guard !names.isEmpty else { return write("no tables yet; load one: load \"file.csv\" as name\n") }
        for name in names {
            guard let frame = session.table(name) else { continue }
            let split = frame.isSplit ? ", split" : ""
            write("\(name): \(REPL.plural(frame.rowCount, "row")), \(REPL.plural(frame.columnCount, "column"))\(split)\n")
        }
    }

    private func showSchema(_ name: String) {
        guard !name.isEmpty, let frame = session.table(name) else {
            let known = session.tableNames
            let hint = name.isEmpty ? nil : Suggestions.didYouMean(name, in: known)
            let tables = known.isEmpty ? "there are no tables yet" : "tables: " + known.joined(separator: ", ")
            return writeError((name.isEmpty ? "usage: :schema <table>" : "there is no table '\(name)'")
                              + (hint.map { " (\($0))" } ?? "") + "; \(tables)\n")
        }
        // Widths of the names as shown: a control character in a name takes several columns.
        let shownNames = frame.columns.map { TerminalText.visible($0.name) }
        let nameWidth = shownNames.map(\.count).max() ?? 0
        let typeWidth = frame.columns.map(\.type.rawValue.count).max() ?? 0
        write("\(name): \(REPL.plural(frame.rowCount, "row")), \(REPL.plural(frame.columnCount, "column"))\n")
        for (column, shownName) in zip(frame.columns, shownNames) {
            let missing = column.missingCount > 0 ? "\(REPL.count(column.missingCount)) missing" : ""
            let line = "  " + shownName.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0)
                + column.type.rawValue.padding(toLength: typeWidth + 2, withPad: " ", startingAt: 0) + missing
            write(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n")
        }
    }

    private func listModels() {
        let names = session.modelNames
        guard !names.isEmpty else {
            return write("no models yet; train one: model lead = train logistic on table target column\n")
        }
        for name in names {
            guard let entry = session.models[name] else { continue }
            let model = entry.model
            let origin = entry.trainingTable.map { "trained on \($0)" } ?? "loaded from a file"
            write("\(name): \(model.algorithm) predicting \(REPL.describe(model.target)), \(origin) "
                  + "(\(REPL.plural(model.trainingData.rows, "row")))\n")
        }
    }

    private func showHistory(_ argument: String) {
        let limit = argument.isEmpty ? 20 : Int(argument) ?? -1
        guard limit > 0 else { return writeError("usage: :history [n], with n a whole number above 0\n") }
        let entries = reader.history
        let first = max(0, entries.count - limit)
        for (index, entry) in entries.enumerated().dropFirst(first) {
            let number = String(index + 1).padding(toLength: 5, withPad: " ", startingAt: 0)
            write(number + entry.replacingOccurrences(of: "\n", with: "\n     ") + "\n")
        }
    }

    private func reset() {
        let tables = session.tableNames.count, models = session.modelNames.count
        session = Session(baseDirectory: session.baseDirectory)
        steps = []
        outputs = []
        write("forgot \(REPL.plural(tables, "table")) and \(REPL.plural(models, "model")); the history is kept\n")
    }

    static func describe(_ target: TargetSpec) -> String {
        switch target.task {
        case .binary: return "\(target.column) = '\(target.positiveClass ?? "")'"
        case .multiclass: return "\(target.column) (\(target.classes.count) classes)"
        case .regression: return "\(target.column) (a number)"
        }
    }

    static func count(_ n: Int) -> String { ValueText.grouped(n) }

    static func plural(_ n: Int, _ noun: String) -> String { ValueText.counted(n, noun) }
}

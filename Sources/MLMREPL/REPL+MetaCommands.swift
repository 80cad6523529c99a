import Foundation
import MLMRuntime
import MLMSyntax

extension REPL {
    /// Handles `:command`; returns false when the REPL should stop.
    func runMetaCommand(_ line: String) -> Bool {
        let words = line.dropFirst().split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "quit", "q", "exit":
            return false
        case "tables":
            let names = session.tableNames
            print(names.isEmpty ? "no tables yet; load one: load \"file.csv\" as name"
                  : names.map { "\($0): \(session.table($0)?.rowCount ?? 0) rows" }.joined(separator: "\n"))
        case "schema":
            printSchema(words.dropFirst().first)
        case "help":
            print(REPL.helpText)
        default:
            let known = ["help", "tables", "schema", "quit"]
            let hint = Suggestions.didYouMean(words.first ?? "", in: known).map { " (\($0))" } ?? ""
            print("unknown command '\(line)'\(hint); type :help")
        }
        return true
    }

    private func printSchema(_ name: String?) {
        guard let name, let frame = session.table(name) else {
            print("usage: :schema <table>; tables: \(session.tableNames.joined(separator: ", "))")
            return
        }
        for column in frame.columns {
            print("\(column.name)  \(column.type.rawValue)\(column.missingCount > 0 ? "  \(column.missingCount) missing" : "")")
        }
    }

    static let helpText = """
        Steps (the same as in a script):
          load "file.csv" as name          describe name          show name limit 10
          clean name:  (indented operations, end with an empty line)
          feature name:  (indented operations, end with an empty line)
          split name into train 80%, test 20% stratify by y seed 42
          export name to "file.csv"
        Commands:
          :tables   list tables      :schema <table>   columns and types
          :help     this text        :quit             leave (or Ctrl-D)
        """
}

import MLMCore
import MLMRuntime
import MLMSyntax

/// Every text `:help` can show: the overview, one per step, the algorithms with their
/// settings, the expression functions, the editing keys.
enum HelpTopics {
    /// Topic names for completion after `:help`.
    static var names: [String] {
        StepHelp.steps.map(\.name) + ["train", "algorithms", "functions", "keys", "commands"]
            + Parser.cleanOperationKeywords.filter { StepHelp.named($0) == nil }
            + Parser.featureOperationKeywords.filter { StepHelp.named($0) == nil }
    }

    /// The text for `:help <topic>`, or nil for an unknown topic.
    static func text(for topic: String) -> String? {
        if topic.hasPrefix(":") {
            return MetaCommand.named(String(topic.dropFirst())).map { "  \($0.usage)   \($0.summary)" }
        }
        let word = topic
        if let step = StepHelp.named(word) { return step.render() }
        switch word {
        case "algorithms": return algorithms()
        case "functions": return functions()
        case "keys": return keys
        case "commands": return commands()
        default: break
        }
        if let command = MetaCommand.named(word) { return "  \(command.usage)   \(command.summary)" }
        if Parser.cleanOperationKeywords.contains(word) { return "  '\(word)' is a clean operation.\n\n" + StepHelp.named("clean")!.render() }
        if Parser.featureOperationKeywords.contains(word) { return "  '\(word)' is a feature operation.\n\n" + StepHelp.named("feature")!.render() }
        return nil
    }

    static var overview: String {
        let steps = StepHelp.steps.map(\.name)
        return """
            Type a step as in a script; its result prints below. A line ending in ':' opens a block
            (clean, feature): indent its operations and end it with an empty line.
            Steps: \(steps.joined(separator: ", "))
              :help <step> shows its form and examples; :help algorithms, :help functions, :help keys
            Commands:
            \(commands())
            """
    }

    static func commands() -> String {
        let width = MetaCommand.all.map(\.usage.count).max() ?? 0
        return MetaCommand.all.map { command in
            "  " + command.usage.padding(toLength: width + 3, withPad: " ", startingAt: 0) + command.summary
        }.joined(separator: "\n")
    }

    static func algorithms() -> String {
        var lines: [String] = []
        for algorithm in AlgorithmRegistry.all {
            lines.append("\(algorithm.name): \(algorithm.summary)")
            for spec in ModelOptions.specs(for: algorithm) {
                let defaultText = spec.defaultValue.map { " (default \(describe($0)))" } ?? ""
                lines.append("  \(spec.name)\(defaultText): \(spec.summary)")
            }
        }
        lines.append("")
        lines.append(#"example: model forest = train random_forest on bank target y = "yes" with trees 300, seed 42"#)
        return lines.joined(separator: "\n")
    }

    static func functions() -> String {
        let lines = FunctionRegistry.functions.map { "  \($0.usage)  \($0.summary)\n      \($0.example)" }
        return "Functions in expressions (feature, where):\n" + lines.joined(separator: "\n")
    }

    static let keys = """
          Tab              complete: steps, tables, columns, models, algorithms and settings, file paths
          Up / Down        previous / next entry of the history (kept in ~/.mlm_history)
          Ctrl-R           search the history backwards as you type
          Ctrl-A / Ctrl-E  start / end of the line       Ctrl-W  delete the word before the cursor
          Ctrl-C           clear the line at the prompt; stop a step while it runs
          Ctrl-D           leave (on an empty line)
          Line editing is libedit's (emacs keys); ~/.editrc may change the bindings.
        """

    private static func describe(_ value: ParameterValue) -> String {
        switch value {
        case .integer(let n): return String(n)
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .text(let t): return t
        case .flag(let f): return f ? "on" : "off"
        case .integers(let list): return "[" + list.map(String.init).joined(separator: ", ") + "]"
        }
    }
}

import ArgumentParser
import Foundation
import MLMCore
import MLMREPL
import MLMReport
import MLMRuntime

@main
struct MLM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlm",
        abstract: "Machine learning for marketers: run, check and explore .mlm scripts.",
        discussion: """
            Exit codes: 0 ok, 64 usage error, 65 script error found before running,
            66 unreadable script or data file, 70 error while running a step, 74 cannot write output.
            Set NO_COLOR to turn colours off.
            """,
        version: MLMRuntimeVersion.version,
        subcommands: [RunCommand.self, CheckCommand.self, REPLCommand.self]
    )

    /// ArgumentParser's own `main` prints its usage errors raw; they echo what was typed (an
    /// unknown option, a file name), so they go through `Terminal` like everything else.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Terminal.write(message + "\n") } else { Terminal.writeError(message + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }

    mutating func run() throws {
        // `mlm` alone on a terminal opens the REPL; otherwise show help.
        if isatty(STDIN_FILENO) == 1 {
            throw ExitCode(REPL(options: .init(color: Terminal.colorEnabled(forced: nil))).start())
        }
        print(MLM.helpMessage())
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never use colours (also: set NO_COLOR).")
    var noColor = false

    @Flag(name: .long, help: "Use colours even when output is not a terminal.")
    var color = false

    var colorEnabled: Bool { Terminal.colorEnabled(forced: noColor ? false : (color ? true : nil)) }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Check a script, then run it step by step, printing each step and its result.")

    @Argument(help: "The .mlm script to run.")
    var script: String

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Also write a report of the run to this file: .html, .md or .json (the format follows the extension).")
    var report: String?

    @Option(name: .long, help: "The report's format when the extension does not say: html, markdown or json.")
    var format: String?

    @Flag(name: .long, help: "Put step times and the date in the report (two runs then give different files).")
    var timings = false

    func validate() throws {
        if report == nil && (format != nil || timings) { throw ValidationError("--format and --timings need --report <file>") }
        if let format, ReportFormat(name: format) == nil {
            throw ValidationError("unknown report format '\(format)'; use html, markdown or json")
        }
        if let report, format == nil, ReportFormat(path: report) == nil {
            throw ValidationError("cannot tell the report format of '\(report)'; end the name in .html, .md or .json, or add --format")
        }
    }

    func run() throws {
        InterruptedWrites.exitOnSignals([SIGINT, SIGTERM, SIGHUP])
        var runner = ScriptRunner(color: output.colorEnabled, width: Terminal.width())
        if let report, let kind = format.flatMap(ReportFormat.init(name:)) ?? ReportFormat(path: report) {
            runner.report = ReportRequest(path: report, format: kind, timings: timings)
        }
        throw ExitCode(runner.run(path: script, execute: true).rawValue)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a script without running it: syntax, tables, columns, options and expressions.")

    @Argument(help: "The .mlm script to check.")
    var script: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let runner = ScriptRunner(color: output.colorEnabled, width: Terminal.width())
        throw ExitCode(runner.run(path: script, execute: false).rawValue)
    }
}

struct REPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Explore data interactively, one step at a time.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        throw ExitCode(REPL(options: .init(color: output.colorEnabled)).start())
    }
}

// The pseudo-terminal helper uses Linux's pty ioctls; these tests run where CI runs (Linux).
#if os(Linux)
import Foundation
import Testing

/// The real `mlm repl` on a pseudo-terminal: typing, Tab, blocks, errors, history, `:save`,
/// Ctrl-C and Ctrl-D, as a user at a terminal meets them.
@Suite struct REPLTerminalTests {
    static let customers = """
        customer_id,signup,country,revenue,visits,plan
        1,2024-01-05,UK,120.5,3,basic
        2,2024-02-10,DE,80,1,premium
        3,2024-02-11,UK,,5,basic
        4,2024-03-01,FR,0,0,premium
        5,2024-03-15,UK,45.25,2,basic
        6,2024-03-20,DE,300,9,premium

        """

    @Test func typedStepPrintsItsResultAndCtrlDExitsWithZero() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers])
        try repl.type(#"load "customers.csv" as customers"#)
        try repl.terminal.expect("customers: 6 rows, 6 columns")
        try repl.terminal.expect("mlm> ")
        try repl.press("\u{04}")
        #expect(try repl.terminal.waitForExit() == 0)
    }

    @Test func tabListsCandidatesAndCompletesNames() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers])
        try repl.type(#"load "cust"#, enter: false)
        repl.terminal.send("\t")
        repl.terminal.send(" as customers\r")
        try repl.terminal.expect("customers: 6 rows")
        try repl.type(#"load "customers.csv" as leads"#)
        try repl.terminal.expect("leads: 6 rows")
        try repl.terminal.expect("mlm> ")
        try repl.press("describe \t")
        let listing = try repl.terminal.expect("leads")
        #expect(listing.contains("customers"))
        repl.terminal.send("cu\t")
        repl.terminal.send("columns rev\t\r")
        let described = try repl.terminal.expect("customers: 6 rows, 1 column described")
        #expect(!described.contains("error"))
        try repl.terminal.expect("revenue  number")
    }

    @Test func blockWithContinuationPromptEndsAtAnEmptyLine() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers])
        try repl.type(#"load "customers.csv" as c"#)
        try repl.terminal.expect("mlm> ")
        try repl.type("clean c:")
        try repl.terminal.expect("...> ")
        try repl.type("fill revenue with 0")
        try repl.terminal.expect("...> ")
        try repl.type("drop rows where visits = 0")
        try repl.terminal.expect("...> ")
        try repl.type("")
        try repl.terminal.expect("filled 1 cell in 'revenue' with 0")
        try repl.terminal.expect("removed 1 row, 5 left")
    }

    @Test func anErrorKeepsTheSessionAndTheStateBeforeIt() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers])
        try repl.type(#"load "customers.csv" as customers"#)
        try repl.terminal.expect("mlm> ")
        try repl.type("describe custmers")
        try repl.terminal.expect("did you mean 'customers'?")
        try repl.type("clean customers:\n    drop rows where visits = 0\n    fill nothing_here with 0\n")
        try repl.terminal.expect("there is no column 'nothing_here'")
        try repl.type(":tables")
        try repl.terminal.expect("customers: 6 rows")
        try repl.type("show customers limit 2")
        try repl.terminal.expect("showing 2 of 6 rows")
    }

    @Test func savedSessionRunsAsAScriptWithTheSameResults() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers])
        try repl.type(#"load "customers.csv" as c"#)
        try repl.terminal.expect("mlm> ")
        try repl.type("clean c: fill revenue with median")
        let cleaned = try repl.terminal.expect("mlm> ")
        try repl.type("describe nothing")
        try repl.terminal.expect("there is no table")
        try repl.terminal.expect("mlm> ")
        try repl.type("show c columns customer_id, revenue where revenue > 50")
        let shown = try repl.terminal.expect("mlm> ")
        try repl.type(":save session")
        try repl.terminal.expect("saved 3 steps to session.mlm")
        try repl.type(":save session")
        try repl.terminal.expect("already exists; use :save! session.mlm")
        try repl.type(":save customers.csv")
        try repl.terminal.expect("is the data file table 'c' was loaded from")
        try repl.press("\u{04}")
        #expect(try repl.terminal.waitForExit() == 0)

        let run = try REPLProcess.runScript("session.mlm", in: repl.directory)
        #expect(run.status == 0)
        for block in [cleaned, shown] {
            let result = block.components(separatedBy: "\n").dropFirst().dropLast().joined(separator: "\n")
            #expect(!result.isEmpty)
            #expect(run.output.contains(result), "mlm run printed:\n\(run.output)\nrepl printed:\n\(result)")
        }
    }

    @Test func ctrlCAtThePromptDropsTheLine() throws {
        let repl = try REPLProcess(files: [:])
        try repl.type("describe half_typed", enter: false)
        try repl.press("\u{03}")
        try repl.terminal.expect("half_typed^C")
        try repl.type(":tables")
        let after = try repl.terminal.expect("no tables yet")
        #expect(!after.contains("there is no table"))
        try repl.type("clean x:")
        try repl.terminal.expect("...> ")
        try repl.press("\u{03}")
        try repl.terminal.expect("mlm> ")
        try repl.press("\u{04}")
        #expect(try repl.terminal.waitForExit() == 0)
    }

    @Test func historyIsKeptAcrossSessionsAndRecalledWithUpArrow() throws {
        let first = try REPLProcess(files: [:])
        try first.type(":help split")
        try first.terminal.expect("stratify by")
        try first.press("\u{04}")
        _ = try first.terminal.waitForExit()
        let saved = try String(contentsOf: first.directory.appendingPathComponent(".mlm_history"), encoding: .utf8)
        #expect(saved.contains("split"))

        let second = try REPLProcess(files: [:], directory: first.directory)
        try second.press("\u{1B}[A\r")
        try second.terminal.expect("Marks rows as train")
    }

    @Test func ctrlCStopsALongStepAndKeepsTheStateBeforeIt() throws {
        let rows = (0..<200_000).map { "\($0),\($0 % 97),\(Double($0 % 13) / 7)" }
        // Enough operations to run for many seconds; each boundary between them can stop it.
        let operations = (1...400).map { "    x\($0) = log(1 + a * \($0)) + sqrt(b + \($0))" }
        let script = "load \"big.csv\" as big\nfeature big:\n" + operations.joined(separator: "\n") + "\n"
        let repl = try REPLProcess(files: ["big.csv": "id,a,b\n" + rows.joined(separator: "\n") + "\n", "long.mlm": script])
        try repl.type(":run long.mlm")
        // The load has printed its result: the feature step is running now.
        try repl.terminal.expect("big: 200,000 rows", timeout: 60)
        #expect(repl.interrupt(until: "stopped on request (Ctrl-C); nothing from this step was kept", within: 3))
        try repl.terminal.expect("mlm> ")
        try repl.type(":schema big")
        let schema = try repl.terminal.expect("  b ")
        #expect(schema.contains("big: 200,000 rows, 3 columns"))
        try repl.press("\u{04}")
        #expect(try repl.terminal.waitForExit() == 0)
    }

    @Test func ctrlCStopsTrainingAndNoModelIsKept() throws {
        var lines = ["a,b,c,y"]
        for row in 0..<20_000 {
            let a = (row * 7919) % 1000, b = (row * 104_729) % 997, c = (row * 31) % 101
            lines.append("\(a),\(b),\(c),\((a + b + c + row % 13) % 2 == 0 ? "yes" : "no")")
        }
        let script = """
            load "leads.csv" as leads
            model big = train random_forest on leads target y = "yes" with trees 100, seed 1
            """
        let repl = try REPLProcess(files: ["leads.csv": lines.joined(separator: "\n") + "\n", "train.mlm": script + "\n"])
        try repl.type(":run train.mlm")
        try repl.terminal.expect("leads: 20,000 rows", timeout: 60)
        // Trees already started finish their setup before they see the request.
        #expect(repl.interrupt(until: "stopped on request (Ctrl-C)", within: 15))
        try repl.terminal.expect("mlm> ")
        try repl.type(":models")
        try repl.terminal.expect("no models yet")
    }

    @Test func ctrlCStopsDBSCANWhileAClusterGrows() throws {
        // One huge eps puts every point in one cluster: growing it visits every pair of points.
        let rows = (0..<30_000).map { "\($0 % 173),\(($0 * 31) % 211)" }
        let script = """
            load "points.csv" as points
            segment points with dbscan eps 100 min_points 5 on a, b as group
            """
        let repl = try REPLProcess(files: ["points.csv": "a,b\n" + rows.joined(separator: "\n") + "\n", "dense.mlm": script + "\n"])
        try repl.type(":run dense.mlm")
        try repl.terminal.expect("points: 30,000 rows", timeout: 60)
        #expect(repl.interrupt(until: "stopped on request (Ctrl-C)", within: 10))
        try repl.terminal.expect("mlm> ")
        try repl.type(":schema points")
        let schema = try repl.terminal.expect("  b ")
        #expect(schema.contains("points: 30,000 rows, 2 columns"))
    }

    @Test func mlmWithoutArgumentsOnATerminalOpensTheREPL() throws {
        let repl = try REPLProcess(files: [:], arguments: [])
        try repl.type(":tables")
        try repl.terminal.expect("no tables yet")
        try repl.press("\u{04}")
        #expect(try repl.terminal.waitForExit() == 0)
    }

    @Test func outputFollowsTheTerminalWidth() throws {
        let repl = try REPLProcess(files: ["customers.csv": REPLTerminalTests.customers, "one.mlm": "load \"customers.csv\" as c\n"],
                                   columns: 50)
        try repl.type(":run one.mlm")
        let printed = try repl.terminal.expect("ran 1 step from one.mlm")
        let rule = try #require(printed.split(separator: "\n").first { $0.hasPrefix("── line 1") })
        #expect(rule.count == 50)
    }
}
#endif

import Foundation
@testable import MLMRuntime
import MLMCore
import MLMSyntax
import Testing

/// `sort` and `show … order by` in scripts: what check finds, what the run does to the table,
/// its split and its preparation, and explain naming rows by their id.
@Suite struct SortWorkflowTests {
    static let csv = """
        customer_id,plan,score,visits
        C-1,basic,0.4,3
        C-2,pro,0.9,1
        C-3,basic,,5
        C-4,pro,0.9,8
        C-5,basic,0.1,2
        C-6,pro,0.7,4

        """

    private func run(_ script: String) throws -> (outputs: [StepOutput], error: RuntimeError?, check: [Diagnostic], directory: String, session: Session?) {
        try runScript("load \"c.csv\" as c\n" + script, files: ["c.csv": SortWorkflowTests.csv])
    }

    private func ids(_ session: Session?, _ table: String = "c") -> [String?] {
        guard let column = session?.table(table)?.column(named: "customer_id") else { return [] }
        return (0..<column.count).map { column.displayText(at: $0) }
    }

    @Test func checkFindsUnknownAndRepeatedColumnsBeforeRunning() throws {
        let unknown = try run("sort c by scor desc\n").check
        #expect(unknown.map(\.message) == ["there is no column 'scor'"])
        #expect(unknown.first?.help == "did you mean 'score'?")
        let shown = try run("show c columns plan order by plna limit 2\n").check
        #expect(shown.map(\.message) == ["there is no column 'plna'"])
        #expect(shown.first?.help == "did you mean 'plan'?")
        let twice = try run("sort c by plan, score, plan desc\n").check
        #expect(twice.map(\.message) == ["'plan' is named twice in the order"])
        // A column a feature step adds is known to a later sort.
        #expect(try run("feature c:\n    twice = visits * 2\nsort c by twice desc\n").check.isEmpty)
    }

    @Test func theRunGivesTheCheckersMessageWhenTheColumnIsGone() throws {
        // Checked against the file, the column exists; run in a session where it does not.
        let session = Session()
        session.setTable("c", DataFrame(columns: [Column(name: "x", numbers: [1, 2])]))
        let source = SourceFile(name: "repl", text: "sort c by y\n")
        let (program, _) = Parser.parse(source)
        #expect(Checker.check(program, session: session).diagnostics.map(\.message) == ["there is no column 'y'"])
        let error = Interpreter(session: session, source: source).run(program) { _ in }
        #expect(error?.diagnostic.message == "there is no column 'y'")
        #expect(error?.diagnostic.range == SourceRange(start: 10, end: 11))
    }

    @Test func sortReordersTheTableAndShowOrdersOnlyWhatItShows() throws {
        let result = try run("""
            show c columns customer_id order by score desc limit 3
            sort c by score desc, customer_id desc

            """)
        #expect(result.error == nil)
        guard case .preview(_, let rows, let matching, _) = result.outputs[1].results.first else {
            Issue.record("no preview"); return
        }
        #expect((0..<rows.rowCount).map { rows.columns[0].displayText(at: $0) } == ["C-2", "C-4", "C-6"])
        #expect(matching == 6)
        // Ties on score: customer_id descending; the missing score last.
        #expect(ids(result.session) == ["C-4", "C-2", "C-6", "C-1", "C-5", "C-3"])
        guard case .sorted(let summary) = result.outputs[2].results.first else { Issue.record("no sort result"); return }
        #expect(summary.keys.map(\.missing) == [1, 0])
        #expect(summary.moved == 4)  // C-2 and C-5 keep their places
    }

    @Test func rolesFollowTheirRowsAndThePreparationStaysAsItWas() throws {
        let result = try run("""
            split c into train 50%, test 50% seed 1
            clean c: fill score with median
            sort c by visits desc
            export c to "sorted.csv"

            """)
        #expect(result.error == nil)
        let before = try run("split c into train 50%, test 50% seed 1\nclean c: fill score with median\n")
        let roleOf = { (session: Session?) -> [String: RowRole] in
            guard let frame = session?.table("c"), let roles = frame.roles, let column = frame.column(named: "customer_id") else { return [:] }
            return Dictionary(uniqueKeysWithValues: (0..<frame.rowCount).map { (column.displayText(at: $0) ?? "", roles[$0]) })
        }
        #expect(roleOf(result.session) == roleOf(before.session))
        #expect(result.session?.table("c")?.preparation == before.session?.table("c")?.preparation)
        // sort is not a preparation step: a model's recipe would not replay it.
        #expect(result.session?.recipes["c"]?.steps.map(\.source) == ["fill score with median"])
        let exported = try String(contentsOfFile: result.directory + "/sorted.csv", encoding: .utf8)
        #expect(exported.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
            == ["C-4", "C-3", "C-6", "C-1", "C-5", "C-2"])
    }

    @Test func explainNamesTheTopRowsByTheIdColumn() throws {
        var lines = ["customer_id,age,visits,bought"]
        for i in 0..<40 {
            let age = 20 + (i * 7) % 45, visits = (i * 5) % 11
            // Row 3 has no target: the matrix rows and the table rows no longer line up.
            let bought = i == 3 ? "" : ((age + visits * 3 + i % 3) > 45 ? "yes" : "no")
            lines.append("K\(1000 + (i * 13) % 40),\(age),\(visits),\(bought)")
        }
        let result = try runScript("""
            load "k.csv" as k
            sort k by age
            model m = train logistic on k target bought = "yes"
            explain m on k
            predict m on k as s

            """, files: ["k.csv": lines.joined(separator: "\n") + "\n"])
        #expect(result.error == nil, "\(result.error?.diagnostic.message ?? "")")
        guard result.outputs.count == 5, case .selection(.explained(let summary)) = result.outputs[3].results.first,
              let frame = result.session?.table("k"), let id = frame.column(named: "customer_id"),
              let score = frame.column(named: "s") else {
            Issue.record("no explanation"); return
        }
        #expect(summary.idColumn == "customer_id")
        #expect(summary.examples.count == 3)
        for example in summary.examples {
            #expect(example.id == id.displayText(at: example.row))
            // The row named is the row scored.
            #expect(abs((score.number(at: example.row) ?? -1) - example.score) < 1e-12)
        }
    }
}

import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// A step that fails leaves the session as it was before the step: the REPL keeps going from
/// that state, so a half-applied block would silently corrupt the exploration.
@Suite struct StepAtomicityTests {
    private func execute(_ text: String, in session: Session) -> RuntimeError? {
        let source = SourceFile(name: "test.mlm", text: text)
        let (program, diagnostics) = Parser.parse(source)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        // No checker on purpose: the failure must happen while the block runs.
        return Interpreter(session: session, source: source).run(program) { _ in }
    }

    @Test func cleanBlockFailingOnItsThirdOperationKeepsTheTableAndRecipe() throws {
        let session = Session()
        session.setTable("customers", customerFrame())
        let before = try #require(session.table("customers"))
        let error = execute("""
            clean customers:
                fill revenue with 0
                drop rows where visits = 0
                fill no_such_column with 1
            """, in: session)
        #expect(error?.diagnostic.message == "there is no column 'no_such_column'")
        let after = try #require(session.table("customers"))
        #expect(after.rowCount == before.rowCount)
        #expect(after.columnNames == before.columnNames)
        #expect(after.column(named: "revenue")?.missingCount == 1)
        #expect(session.recipes["customers"] == nil)
    }

    @Test func featureBlockFailingHalfWayAddsNoColumn() throws {
        let session = Session()
        session.setTable("customers", customerFrame())
        let error = execute("""
            feature customers:
                double_visits = visits * 2
                onehot no_such_column
            """, in: session)
        #expect(error != nil)
        #expect(session.table("customers")?.columnNames == customerFrame().columnNames)
    }

    @Test func aLaterStepStillSeesTheStateBeforeTheFailure() throws {
        let session = Session()
        session.setTable("customers", customerFrame())
        _ = execute("clean customers:\n    drop rows where visits = 0\n    cast visits to nonsense\n", in: session)
        #expect(execute("clean customers: drop rows where visits = 0", in: session) == nil)
        #expect(session.table("customers")?.rowCount == 3)
    }
}

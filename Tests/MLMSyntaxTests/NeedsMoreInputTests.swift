import Testing
@testable import MLMSyntax

@Suite struct NeedsMoreInputTests {
    @Test func blockHeaderWaitsForItsBlock() {
        #expect(Parser.needsMoreInput("clean bank:"))
        #expect(Parser.needsMoreInput("feature bank:   # new columns"))
        #expect(Parser.needsMoreInput("clean bank:\n    # first a comment"))
    }

    @Test func blockContinuesUntilAnEmptyLine() {
        #expect(Parser.needsMoreInput("clean bank:\n    drop duplicates"))
        #expect(Parser.needsMoreInput("clean bank:\n    drop duplicates\n    trim name"))
        #expect(!Parser.needsMoreInput("clean bank:\n    drop duplicates\n"))
        #expect(!Parser.needsMoreInput("clean bank:\n    drop duplicates\n   "))
    }

    @Test func emptyLineRightAfterAHeaderGivesUp() {
        // The parser then reports the empty block instead of the REPL waiting forever.
        #expect(!Parser.needsMoreInput("clean bank:\n"))
    }

    @Test func openBracketsWaitForTheirClose() {
        #expect(Parser.needsMoreInput("show bank where job in ["))
        #expect(Parser.needsMoreInput("show bank where job in [\"admin.\",\n    \"technician\""))
        #expect(Parser.needsMoreInput("feature t: x = max(a,"))
        #expect(Parser.needsMoreInput("show bank where job in [\n"))
        #expect(!Parser.needsMoreInput("show bank where job in [\"admin.\"]"))
    }

    @Test func completeStepsNeedNothingMore() {
        #expect(!Parser.needsMoreInput("describe bank"))
        #expect(!Parser.needsMoreInput("clean bank: drop duplicates"))
        #expect(!Parser.needsMoreInput(""))
        #expect(!Parser.needsMoreInput("# just a comment"))
    }

    @Test func errorsAreReportedAtOnceRatherThanWaitedOn() {
        // Strings cannot span lines, so another line could not close this one.
        #expect(!Parser.needsMoreInput("load \"data/bank.csv"))
        // A stray indented line is not a block.
        #expect(!Parser.needsMoreInput("    describe bank"))
        #expect(!Parser.needsMoreInput("show bank limit 10 )"))
    }
}

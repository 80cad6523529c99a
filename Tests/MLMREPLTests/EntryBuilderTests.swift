@testable import MLMREPL
import Testing

/// When an entry is complete: one line, a block ended by an empty line, an open bracket.
@Suite struct EntryBuilderTests {
    /// Feeds lines until the entry completes; returns the entry and how many lines it took.
    private func build(_ lines: [String]) -> (text: String, used: Int)? {
        var builder = EntryBuilder()
        for (index, line) in lines.enumerated() where builder.add(line) {
            return (builder.text, index + 1)
        }
        return nil
    }

    @Test func aPlainLineIsAnEntry() {
        #expect(build(["describe bank"])?.used == 1)
        #expect(build(["clean bank: drop duplicates"])?.used == 1)
    }

    @Test func aBlockRunsUntilAnEmptyLine() {
        let entry = build(["clean bank:", "    drop duplicates", "    fill age with mean", "", "describe bank"])
        #expect(entry?.used == 4)
        #expect(entry?.text == "clean bank:\n    drop duplicates\n    fill age with mean\n")
    }

    @Test func blockLinesTypedWithoutIndentationAreIndented() {
        let entry = build(["feature bank:", "onehot job", "standardize age", ""])
        #expect(entry?.text == "feature bank:\n    onehot job\n    standardize age\n")
    }

    @Test func anOpenBracketContinues() {
        let entry = build(["show bank where job in [\"admin.\",", "\"technician\"] limit 3", "describe bank"])
        #expect(entry?.used == 2)
    }

    @Test func aBlockRecalledFromTheHistoryRunsOnEnter() {
        let entry = build(["clean bank:\n    drop duplicates\n    fill age with mean"])
        #expect(entry?.used == 1)
        #expect(entry?.text == "clean bank:\n    drop duplicates\n    fill age with mean\n")
    }

    @Test func metaCommandsAreOneLine() {
        #expect(build([":help"])?.used == 1)
        #expect(build([":help clean:"])?.used == 1)
    }

    @Test func anEmptyFirstLineIsAnEmptyEntry() {
        #expect(build([""])?.text == "")
    }
}

import Foundation
import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Exported CSV stays machine-readable whatever the terminal shows: exact shortest digits,
/// an ASCII minus, a decimal point and no thousands separators, in number cells and in the
/// reason columns alike; loading the export gives back the same numbers bit for bit.
@Suite struct ExportNumberTests {
    static let data: String = {
        var lines = ["id,amount,visits,y"]
        for i in 1...80 {
            let amount = Double(i) * 1234.5678 - 20_000
            lines.append("\(i),\(ValueText.formatNumber(amount)),\(i % 7),\((i * 7) % 5 < 2 ? "yes" : "no")")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static let script = """
        load "d.csv" as t
        feature t:
            noisy = amount * 3 / 7 + 0.1
            big = amount * 1000
            negative = 0 - visits - 0.25
        model m = train logistic on t target y = "yes"
        predict m on t as score with reasons
        export t to "out.csv"
        load "out.csv" as back
        """

    @Test func exportedNumbersAreExactAndPlain() throws {
        let run = try runScript(ExportNumberTests.script + "\n", files: ["d.csv": ExportNumberTests.data])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        let table = try #require(run.session?.table("t"))
        let back = try #require(run.session?.table("back"))
        let text = try String(contentsOfFile: run.directory + "/out.csv", encoding: .utf8)
        #expect(!text.contains("−"), "a typographic minus in the export")
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(lines.count == table.rowCount + 1)
        for line in lines.dropFirst() {
            // No field is quoted: no number carries a thousands separator.
            #expect(!line.contains("\""), "\(line)")
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == header.count, "\(line)")
        }
        var checkedCells = 0
        for name in ["amount", "noisy", "big", "negative", "score"] {
            let original = try #require(table.column(named: name)), reloaded = try #require(back.column(named: name))
            let position = try #require(header.firstIndex(of: name))
            for row in 0..<table.rowCount {
                let value = try #require(original.number(at: row))
                #expect(reloaded.number(at: row)?.bitPattern == value.bitPattern, "\(name) row \(row + 1)")
                let cell = lines[row + 1].split(separator: ",", omittingEmptySubsequences: false)[position]
                #expect(String(cell) == ValueText.formatNumber(value), "\(name) row \(row + 1): \(cell)")
                checkedCells += 1
            }
        }
        #expect(checkedCells == 5 * 80)
        // The computed columns do carry binary noise, kept exactly in the file.
        let noisy = try #require(table.column(named: "noisy"))
        #expect((0..<noisy.count).contains { ValueText.formatNumber(noisy.number(at: $0) ?? 0).count > 15 })
        let reason = try #require(header.firstIndex(of: "score_reason_1"))
        let pattern = /^[a-z_]+ [+-][0-9]+(\.[0-9]+)?$/
        for line in lines.dropFirst() {
            let cell = String(line.split(separator: ",", omittingEmptySubsequences: false)[reason])
            #expect(cell.isEmpty || cell.wholeMatch(of: pattern) != nil, "reason \(cell)")
        }
        #expect(lines.dropFirst().contains { $0.contains(" -0.") }, "some reason lowers a score, with an ASCII minus")
    }
}

import Foundation
import MLMCore
import MLMReport
@testable import MLMRuntime
import Testing

/// Seeded tables of hostile cell values (near ±1.8e308, subnormal, -0.0, 2^53 ± 1 and
/// Int64.max ± 1 as text, huge exponents, dates at both ends of the calendar) go through load →
/// describe → feature expressions → show → export → reload. Nothing may trap, no `inf` or
/// `nan` may appear in what is printed or exported, and every exported value reads back as
/// the same value of the same kind (a number never comes back as a category).
@Suite struct HostileNumbersFuzzTests {
    static let tables = 60
    static let rowsPerTable = 8

    static let script = """
        load "h.csv" as t
        describe t
        feature t:
            s = x + y
            p = x * y
            q = x / y
            w = x ^ 2
            e = exp(y)
            r = round(x, 3)
            m = min(x, y)
            yr = year(d)
            later = d + k
            extract year, hour, day_of_year from d
        show t limit 20
        describe t
        export t to "out.csv"
        """

    static let castScript = """
        load "h.csv" as t
        clean t:
            cast i to integer
        feature t:
            standardize x
            normalize y
        describe t
        show t
        """

    static let numbers = [
        "1.7976931348623157e308", "-1.7976931348623157e308", "1.7976931348623155e308", "1e308", "-1e308",
        "5e-324", "-5e-324", "4.9406564584124654e-324", "2.2250738585072014e-308", "1e-308", "1e-99999",
        "-0.0", "0", "9007199254740991", "-9007199254740991", "1e+300", "123.456", "1e15", "0.1",
    ]
    static let integers = [
        "9007199254740991", "-9007199254740991", "9007199254740992", "9007199254740993", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999999999", "42", "0",
    ]
    static let dates = [
        "0001-01-01", "0001-01-01 00:00:01", "9999-12-31", "9999-12-31 12:00:00", "9999-12-31 23:59:59",
        "2024-02-29 06:30", "1970-01-01", "1969-12-31 23:59:59",
    ]
    static let offsets = ["0", "1", "-1", "3000000", "-3000000", "365", "2932896", "-719162"]
    static let texts = ["1e400", "-1e400", "9223372036854775808", "1e+99999", "0x1p3", "text", "1.5.3"]

    private func cell(_ pool: [String], _ random: inout SeededGenerator) -> String {
        random.nextInt(below: 10) == 0 ? "" : pool[random.nextInt(below: pool.count)]
    }

    private func number(_ random: inout SeededGenerator) -> String {
        guard random.nextInt(below: 3) == 0 else { return cell(Self.numbers, &random) }
        // A random double anywhere in the range, written the shortest way.
        let exponent = random.nextInt(below: 2 * 1023) - 1022
        let value = Double(sign: random.nextInt(below: 2) == 0 ? .plus : .minus, exponent: exponent,
                           significand: 1 + random.nextUnit())
        return "\(value)"
    }

    private func table(_ random: inout SeededGenerator) -> String {
        var lines = ["x,y,i,d,k,raw"]
        for row in 0..<Self.rowsPerTable {
            let raw = row == 0 ? "text" : cell(Self.texts, &random)
            lines.append([number(&random), number(&random), cell(Self.integers, &random), cell(Self.dates, &random),
                          cell(Self.offsets, &random), raw].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func hostileNumbersSurviveEveryStepAndReloadUnchanged() throws {
        var random = SeededGenerator(seed: 14)
        let renderer = TerminalRenderer(color: false)
        var values = 0
        for _ in 0..<Self.tables {
            let csv = table(&random)
            values += Self.rowsPerTable * 6
            let run = try runScript(Self.script, files: ["h.csv": csv])
            #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")\n\(csv)")
            for output in run.outputs { expectNoInfinity(renderer.render(output), csv) }
            let path = run.directory + "/out.csv"
            guard let session = run.session, let frame = session.table("t"),
                  let exported = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            expectNoInfinity(exported, csv)
            let (reloaded, _) = try CSVReader.read(path: path)
            expectSameValues(frame, reloaded, csv)
        }
        #expect(values == Self.tables * Self.rowsPerTable * 6)
    }

    @Test func castAndRescalingOfHostileNumbersFailCleanlyOrKeepExactValues() throws {
        var random = SeededGenerator(seed: 41)
        let renderer = TerminalRenderer(color: false)
        for _ in 0..<Self.tables {
            let csv = table(&random)
            let run = try runScript(Self.castScript, files: ["h.csv": csv])
            for output in run.outputs { expectNoInfinity(renderer.render(output), csv) }
            let written = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
            let tooLarge = written.first { !$0.isEmpty && (Double($0).map { $0.magnitude > 9_007_199_254_740_991 } ?? false) }
            if let tooLarge {
                // The cast is refused, naming the row and the value exactly as written.
                let message = run.error?.diagnostic.message ?? ""
                #expect(message.contains("too large for an integer column") && message.contains(" in row "), "\(message)")
                #expect(message.contains("holds \(tooLarge) in row"), "\(message)")
                continue
            }
            guard let frame = run.session?.table("t"), let column = frame["i"] else { continue }
            #expect(column.type == .integer)
            for (row, text) in written.enumerated() {
                #expect(column.number(at: row) == (text.isEmpty ? nil : Double(text)), "row \(row): \(text)")
            }
        }
    }

    private func expectNoInfinity(_ text: String, _ csv: String) {
        let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",()[]:;'\""))
        let words = text.lowercased().components(separatedBy: separators)
        let bad = words.first { ["inf", "-inf", "+inf", "nan", "-nan", "infinity", "-infinity"].contains($0) }
        #expect(bad == nil, "'\(bad ?? "")' in:\n\(text)\nfrom:\n\(csv)")
    }

    private func expectSameValues(_ frame: DataFrame, _ reloaded: DataFrame, _ csv: String) {
        #expect(reloaded.columnNames == frame.columnNames)
        for column in frame.columns {
            guard let copy = reloaded[column.name] else { continue }
            let present = (0..<column.count).contains { column.number(at: $0) != nil || column.string(at: $0) != nil }
            if column.type.isString {
                guard copy.type.isString else { continue }  // texts that all read as numbers
                for row in 0..<column.count {
                    // Text that a spreadsheet would run as a formula (`-1e400`) is written with a
                    // leading `'` on purpose (CSVWriter).
                    let original = column.string(at: row)
                    let defused = original.map { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") ? "'" + $0 : $0 }
                    #expect(copy.string(at: row) == defused, "\(column.name) row \(row)\n\(csv)")
                }
                continue
            }
            guard present else { continue }
            #expect(!copy.type.isString, "'\(column.name)' (\(column.type)) reloaded as \(copy.type)\n\(csv)")
            for row in 0..<column.count {
                let original = column.number(at: row), back = copy.number(at: row)
                if column.type == .date, let original, let back {
                    // Exported to the second: the day fraction may differ in its last bits.
                    #expect((original - back).magnitude < 1e-5, "\(column.name) row \(row)")
                } else {
                    #expect(back == original, "\(column.name) row \(row): \(String(describing: original)) came back as \(String(describing: back))\n\(csv)")
                }
            }
        }
    }
}

import Testing
@testable import MLMCore

/// For random dates across the calendar (seeded), every supported format written out and read
/// back gives the same date: through the format, through a load with the format, and, for the
/// forms the reader recognises, through inference.
@Suite struct DatePropertyTests {
    /// 0001-01-01 ... 9999-12-31 as day numbers.
    private static let firstDay = CivilDate(year: 1, month: 1, day: 1).dayNumber
    private static let lastDay = CivilDate(year: 9999, month: 12, day: 31).dayNumber

    private static func randomDays(_ count: Int, seed: UInt64, from first: Int = firstDay) -> [Int] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in first + generator.nextInt(below: lastDay - first + 1) }
    }

    /// Formats with the resolution of their time (seconds of a day, in units of 1/scale s).
    private static let formats: [(text: String, secondsScale: Int?, inferred: Bool)] = [
        ("dd-mm-yyyy", nil, true), ("dd/mm/yyyy", nil, true), ("mm/dd/yyyy", nil, true), ("dd.mm.yyyy", nil, true),
        ("yyyy/mm/dd", nil, true), ("yyyymmdd", nil, false), ("yyyy-mm-dd", nil, true),
        ("yyyy-mm-ddTHH:MM:SS", 1, true), ("yyyy-mm-ddTHH:MM:SS.fffZ", 1000, true), ("yyyy-mm-dd HH:MM", nil, true),
        ("dd-Mon-yyyy", nil, true), ("dd Month yyyy", nil, true), ("Mon dd, yyyy", nil, true), ("Month dd, yyyy", nil, true),
        ("mm/dd/yyyy HH:MM:SS AM", 1, true), ("dd.mm.yyyy HH:MM", nil, true), ("yyyymmddHHMMSS", 1, false),
    ]

    @Test func everyFormatReadsBackWhatItWrites() throws {
        let days = Self.randomDays(2_000, seed: 24)
        var generator = SeededGenerator(seed: 7)
        for (text, scale, inferred) in Self.formats {
            let format = try DateFormat.compile(text)
            let hasMinutes = text.contains("MM")
            let values: [Double] = days.map { day in
                guard hasMinutes else { return Double(day) }
                let units = scale ?? 0 > 0 ? generator.nextInt(below: 86_400 * scale!) : generator.nextInt(below: 1_440) * 60
                return Double(day) + Double(units) / Double(scale ?? 1) / 86_400
            }
            let written = values.map(format.write)
            for (value, cell) in zip(values, written) {
                let back = try #require(format.read(cell), "\(text): '\(cell)' did not read back")
                #expect(abs(back - value) < 1e-9, "\(text): '\(cell)' read back as \(back), wrote \(value)")
            }
            try readBackThroughLoad(values, written, format: format, inferred: inferred)
        }
    }

    /// The same cells as a CSV column: loaded with the format, and (for the reader's forms) by inference.
    private func readBackThroughLoad(_ values: [Double], _ written: [String], format: DateFormat, inferred: Bool) throws {
        let bytes = Array(("d\n" + written.map { "\"\($0)\"" }.joined(separator: "\n") + "\n").utf8)
        var options = CSVReadOptions()
        options.columnTypes = ["d": .date]
        options.dateFormats = ["d": format]
        let (explicit, _) = try CSVReader.read(bytes: bytes, options: options)
        try expectSame(explicit["d"], values, "\(format) with the format")
        guard inferred else { return }
        let (guessed, _) = try CSVReader.read(bytes: bytes)
        #expect(guessed["d"]?.type == .date, "\(format) inferred")
        try expectSame(guessed["d"], values, "\(format) inferred")
    }

    private func expectSame(_ column: Column?, _ values: [Double], _ label: String) throws {
        let read = try #require(column?.numbers, "\(label)")
        #expect(read.count == values.count, "\(label)")
        let wrong = zip(read, values).filter { abs($0 - $1) >= 1e-9 }.count
        #expect(wrong == 0, "\(label): \(wrong) dates differ")
    }

    @Test func excelSerialsAndCompactIntegersReadBack() throws {
        let days = Self.randomDays(2_000, seed: 25, from: CivilDate(year: 1900, month: 1, day: 1).dayNumber)
        let excel = try DateFormat.compile("excel")
        let compact = try DateFormat.compile("yyyymmdd")
        var frame = DataFrame(columns: [
            Column(name: "serial", type: .number, numbers: days.map { Double($0) }.map { Double(excel.write($0))! }),
            Column(name: "compact", type: .integer, numbers: days.map { Double(compact.write(Double($0)))! }),
        ])
        #expect(try frame.cast("serial", to: .date, format: excel).failed == 0)
        #expect(try frame.cast("compact", to: .date, format: compact).failed == 0)
        #expect(frame["serial"]?.numbers == days.map(Double.init))
        #expect(frame["compact"]?.numbers == days.map(Double.init))
    }

    @Test func castWithoutAFormatReadsTheSameAsLoad() throws {
        let days = Self.randomDays(500, seed: 26)
        for text in ["dd/mm/yyyy", "mm-dd-yyyy", "Mon dd, yyyy", "dd-Mon-yyyy"] {
            let format = try DateFormat.compile(text)
            var frame = DataFrame(columns: [Column(name: "d", type: .text, codes: days.indices.map { Int32($0) },
                                                   dictionary: days.map { format.write(Double($0)) })])
            let result = try frame.cast("d", to: .date)
            #expect(result.failed == 0, "\(text)")
            #expect(frame["d"]?.numbers == days.map(Double.init), "\(text)")
        }
    }
}

import Testing
import MLMCore

/// The reader parses numbers from bytes with its own fast path; it must agree exactly with the
/// standard library's correctly rounded parser.
@Suite struct CSVNumberParsingTests {
    private func agree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Double(text)
        let parsed = CSVReader.parseNumber(text, decimalComma: false)
        #expect(parsed?.bitPattern == expected?.bitPattern, "\(text)", sourceLocation: sourceLocation)
    }

    @Test func randomDoublesPrintedShortestReadBackExactly() {
        var random = SeededGenerator(seed: 20_240_301)
        for _ in 0..<20_000 {
            let magnitude = Double(random.nextInt(below: 40)) - 20
            let value = (random.nextUnit() - 0.5) * pow10(magnitude)
            agree(value.description)
            agree(String(format6(value)))
        }
    }

    @Test func randomDigitStringsMatchTheStandardLibrary() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let integerDigits = random.nextInt(below: 22)
            let fractionDigits = random.nextInt(below: 22)
            var text = random.nextInt(below: 2) == 0 ? "" : "-"
            text += digits(integerDigits, &random)
            if fractionDigits > 0 || integerDigits == 0 { text += "." + digits(max(fractionDigits, 1), &random) }
            if random.nextInt(below: 4) == 0 { text += "e\(random.nextInt(below: 80) - 40)" }
            agree(text)
        }
    }

    @Test func boundaryValuesMatchTheStandardLibrary() {
        let cases = [
            "9007199254740993", "9007199254740992.5", "0.1", "0.3", "2.2250738585072014e-308", "4.9e-324",
            "1.7976931348623157e308", "123456789012345678901234567890", "0.000000000000000000001",
            "1e22", "1e23", "8.98846567431158e307", "1.00000000000000011102230246251565404236316680908203125",
            "7.50E-05", "-0", "+.5", "3.", "1e-400",
        ]
        for text in cases { agree(text) }
    }

    @Test func malformedNumbersAreRejected() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", "0x10", "1_000", "١٢", "1 2", "inf", "NaN"] {
            #expect(CSVReader.parseNumber(text, decimalComma: false) == nil, "\(text)")
        }
    }

    private func digits(_ count: Int, _ random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in Character(String(random.nextInt(below: 10))) })
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent.magnitude) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// Six decimals, the way many exports round.
    private func format6(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded()
        guard scaled.magnitude < 1e15 else { return value.description }
        let whole = Int64(scaled)
        let sign = whole < 0 ? "-" : ""
        let units = whole.magnitude / 1_000_000
        let fraction = String(whole.magnitude % 1_000_000)
        return "\(sign)\(units).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}

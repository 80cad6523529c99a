import Foundation
import Testing
@testable import MLMCore

/// The three rules of ValueText: data values in their shortest exact form, statistics to four
/// significant digits, counts grouped with their noun agreeing. No binary noise reaches a reader.
@Suite struct NumberTextTests {
    @Test func statisticsShowNoBinaryNoise() {
        // Partial-dependence values from interpolated quantiles, as the issue saw them.
        #expect(ValueText.summary(84.60000000000001) == "84.6")
        #expect(ValueText.summary(3262.7099999999996) == "3,263")
        #expect(ValueText.summary(0.1 + 0.2) == "0.3")
        #expect(ValueText.summary(1.1 * 1.1) == "1.21")
        #expect(ValueText.rounded(0.1 + 0.2, decimals: 4) == "0.3")
        #expect(ValueText.rounded(2.675, decimals: 2) == "2.67" || ValueText.rounded(2.675, decimals: 2) == "2.68")
        // Whatever the value, the text has at most four significant digits.
        var random = SeededGenerator(seed: 24)
        for _ in 0..<2000 {
            let value = (random.nextUnit() - 0.5) * pow(10, Double(random.nextInt(below: 14) - 7))
            let text = ValueText.summary(value)
            let digits = text.filter(\.isNumber).drop(while: { $0 == "0" })
            if value.magnitude < 1000, value.magnitude >= 0.001 {
                #expect(digits.count <= 4, "\(value) shown as \(text)")
                #expect(abs((Double(text) ?? .nan) - value) <= value.magnitude * 5e-4, "\(value) shown as \(text)")
            }
        }
    }

    @Test func statisticsHaveFourSignificantDigits() {
        #expect(ValueText.summary(40.9372) == "40.94")
        #expect(ValueText.summary(2.69111) == "2.691")
        #expect(ValueText.summary(0.515234) == "0.5152")
        #expect(ValueText.summary(0.0123456) == "0.01235")
        #expect(ValueText.summary(0.00098061) == "0.000981")
        #expect(ValueText.summary(0.000098061) == "0.000098")
        #expect(ValueText.summary(254.94) == "254.9")
        #expect(ValueText.summary(1362.4) == "1,362")
        #expect(ValueText.summary(-1234.6) == "-1,235")
        #expect(ValueText.summary(81204) == "81,204")
        // Rounding that carries into the next magnitude is grouped like it.
        #expect(ValueText.summary(999.96) == "1,000")
        #expect(ValueText.summary(9.99996) == "10")
    }

    @Test func zeroNegativeZeroAndMissing() {
        #expect(ValueText.summary(0) == "0")
        #expect(ValueText.summary(-0.0) == "0")
        #expect(ValueText.formatNumber(-0.0) == "0")
        #expect(ValueText.rounded(-0.00001, decimals: 2) == "0")
        #expect(ValueText.rounded(-0.0, decimals: 3) == "0")
        #expect(ValueText.summary(.nan) == "")
        #expect(ValueText.formatNumber(.nan) == "")
        #expect(NumberFormatting.string(-0.0) == "0")
    }

    @Test func hugeAndTinyValues() {
        #expect(ValueText.summary(.infinity) == "> 1.8e308")
        #expect(ValueText.summary(-.infinity) == "< -1.8e308")
        #expect(ValueText.summary(1e20) == "1e+20")
        // Cancellation residue is not a value: at most six decimals.
        #expect(ValueText.summary(1.5e-9) == "0")
        #expect(ValueText.summary(-3.73e-16) == "0")
        #expect(ValueText.summary(1.388e-17) == "0")
        #expect(ValueText.summary(0.0000123456) == "0.000012")
        #expect(ValueText.summary(-2.34567e-6) == "-0.000002")
        #expect(ValueText.summary(.leastNonzeroMagnitude) == "0")
        #expect(ValueText.summary(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(ValueText.formatNumber(1e300) == "1e+300")
        #expect(ValueText.formatNumber(0.0000015) == "0.0000015")
        #expect(ValueText.formatNumber(1.5e-7) == "1.5e-07")
    }

    @Test func wholeNumbersWrittenInAScriptShowWhole() {
        #expect(ValueText.whole(9_223_372_036_854_775_807) == "9223372036854775808")
        #expect(ValueText.whole(-1e18) == "-1000000000000000000")
        #expect(ValueText.whole(1e30) == nil)
        #expect(ValueText.whole(2.5) == nil)
        #expect(ParameterSpec.number(9_223_372_036_854_775_807) == "9223372036854775808")
        #expect(ParameterSpec.number(4_294_967_296) == "4294967296")
        #expect(ParameterSpec.number(0.0000001) == "0.0000001")
        #expect(ParameterSpec.number(1e30) == "1e+30")
    }

    /// Data values: the shortest text that reads back exactly, the same in previews and exports
    /// (one expansion of the exponent, ValueText.expandExponent, serves both).
    @Test func dataValuesRoundTripAndMatchTheCSVWriter() {
        var random = SeededGenerator(seed: 8)
        for _ in 0..<5000 {
            let exponent = random.nextInt(below: 40) - 20
            var value = (random.nextUnit() - 0.5) * 2
            for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
            if random.nextInt(below: 3) == 0 { value = (value * 1000).rounded() / 1000 }
            let shown = ValueText.formatNumber(value)
            #expect(Double(shown) == value, "\(value) shown as \(shown)")
            #expect(NumberFormatting.string(value) == shown, "\(value): CSV \(NumberFormatting.string(value)), shown \(shown)")
            #expect(!shown.contains(",") && !shown.contains("−"))
        }
        #expect(ValueText.formatNumber(0.1 + 0.2) == "0.30000000000000004")
        #expect(ValueText.expandExponent("1.5e-05") == "0.000015")
        #expect(ValueText.expandExponent("-4.5e-06") == "-0.0000045")
        #expect(ValueText.expandExponent("1e-06") == "0.000001")
        #expect(ValueText.expandExponent("1.25e+20") == "125000000000000000000")
    }

    @Test func countsAreGroupedAndNounsAgree() {
        #expect(ValueText.grouped(69659) == "69,659")
        #expect(ValueText.grouped(-1_234_567) == "-1,234,567")
        #expect(ValueText.grouped(999) == "999")
        #expect(ValueText.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(ValueText.counted(1, "step") == "1 step")
        #expect(ValueText.counted(0, "step") == "0 steps")
        #expect(ValueText.counted(69659, "row") == "69,659 rows")
        #expect(ValueText.counted(1, "leaf", plural: "leaves") == "1 leaf")
        #expect(ValueText.counted(31, "leaf", plural: "leaves") == "31 leaves")
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ValueText.ordinal)
                == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"])
        #expect(ValueText.percent(0.1234) == "12.3%")
        #expect(ValueText.percent(1) == "100%")
    }

    @Test func reasonsAreMachineReadable() {
        let down = ReasonCodes.Reason(column: "age", effect: -0.04512)
        let up = ReasonCodes.Reason(column: "poutcome", effect: 0.1564)
        #expect(down.text == "age -0.045")
        #expect(up.text == "poutcome +0.156")
        #expect(ReasonCodes.Reason(column: "balance", effect: -1234.5678).text == "balance -1234.568")
    }
}

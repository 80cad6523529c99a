import Testing
@testable import MLMReport

/// The chart primitives: fixed number text, nice axes, escaped text, titles that fit.
@Suite struct ChartTests {
    @Test func coordinatesHaveOneFixedDecimal() {
        #expect(SVG.number(12) == "12.0")
        #expect(SVG.number(3.14159) == "3.1")
        #expect(SVG.number(-2.25) == "-2.3")
        #expect(SVG.number(-0.04) == "0.0")
        #expect(SVG.number(.nan) == "0.0")
    }

    @Test func axesRoundOutToNiceTicks() {
        let scale = AxisScale.nice([0.13, 0.87], start: 0, end: 100)
        #expect(scale.lower == 0 && scale.upper == 1)
        #expect(scale.ticks.count == 6)
        #expect(scale.label(0.4) == "0.4")
        let counts = AxisScale.nice([0, 4_925], start: 0, end: 100)
        #expect(counts.upper == 5_000)
        #expect(counts.label(2_000) == "2,000")
        let flat = AxisScale.nice([7, 7], start: 0, end: 10)
        #expect(flat.position(7).isFinite)
    }

    @Test func textIsEscapedEverywhere() {
        let chart = BarChart(title: "<b>\"t\" & 'u'</b>", valueLabel: "rows",
                             bars: [.init(label: "<script>alert(1)</script>", value: 1, valueText: "1")])
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("&quot;t&quot; &amp; &#39;u&#39;"))
    }

    @Test func longTitlesAreCutToTheChartWidth() {
        let title = String(repeating: "importance ", count: 20)
        let fitted = SVG.fit(title, width: 440, size: 13)
        #expect(fitted.count < title.count)
        #expect(fitted.hasSuffix("…"))
        #expect(Double(fitted.count) * 13 * 0.56 <= 440)
    }

    @Test func chartsAreTheSameBytesEveryTime() {
        var chart = LineChart(title: "ROC", xLabel: "x", yLabel: "y",
                              series: [.init(name: "m", points: [(0, 0), (0.1, 0.5), (1, 1)])])
        chart.diagonal = "random"
        #expect(chart.svg() == chart.svg())
        #expect(chart.svg().contains("points=\"58.0,278.0"))
    }
}

/// Horizontal bars, one per label, with the value written at the end of each bar: category
/// counts, feature importances, segment sizes, lift by decile.
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
        let valueText: String
    }

    let title: String
    let valueLabel: String
    let bars: [Bar]
    var color: String = Palette.blue
    /// A dashed vertical line with a label, e.g. lift 1 = no better than random.
    var reference: (value: Double, label: String)? = nil

    static let width = 440.0
    private let barHeight = 18.0, gap = 6.0, bottom = 40.0
    private var top: Double { reference == nil ? 30 : 46 }
    static let maximumLabel = 32

    func svg() -> String {
        let labels = bars.map { SVG.clip($0.label, to: Self.maximumLabel) }
        let labelWidth = min(210, max(40, (labels.map { SVG.textWidth($0) }.max() ?? 40) + 10))
        let valueWidth = (bars.map { SVG.textWidth($0.valueText, size: 10) }.max() ?? 20) + 8
        let left = labelWidth + 4, plotEnd = Self.width - valueWidth - 6
        let height = top + Double(bars.count) * (barHeight + gap) + bottom
        var svg = SVG(width: Self.width, height: height)
        let scale = AxisScale.nice(bars.map(\.value) + (reference.map { [$0.value] } ?? []), includeZero: true,
                                   start: left, end: plotEnd)
        svg.text(SVG.fit(title, width: Self.width - 16, size: 13), x: 8, y: 18, size: 13, weight: "bold")
        let axisY = top + Double(bars.count) * (barHeight + gap)
        for tick in scale.ticks {
            let x = scale.position(tick)
            svg.line(x, top - 4, x, axisY, stroke: Palette.grid)
            svg.text(scale.label(tick), x: x, y: axisY + 14, anchor: .middle, size: 10, fill: Palette.axis)
        }
        if let reference {
            let x = scale.position(reference.value)
            svg.line(x, top - 6, x, axisY, stroke: Palette.vermillion, width: 1.5, dashed: true)
            svg.text(reference.label, x: x, y: top - 8, anchor: .middle, size: 10, fill: Palette.vermillion)
        }
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * (barHeight + gap)
            let zero = scale.position(0), end = scale.position(bar.value)
            svg.rect(min(zero, end), y, abs(end - zero), barHeight, fill: color, title: "\(bar.label): \(bar.valueText)")
            svg.text(labels[index], x: left - 6, y: y + barHeight - 5, anchor: .end, size: 11)
            svg.text(bar.valueText, x: max(zero, end) + 4, y: y + barHeight - 5, size: 10, fill: Palette.ink, halo: true)
        }
        svg.line(scale.position(0), top - 4, scale.position(0), axisY, stroke: Palette.axis)
        svg.text(SVG.fit(valueLabel, width: Self.width - 16, size: 11), x: (left + plotEnd) / 2, y: axisY + 30, anchor: .middle, size: 11)
        return svg.render(title: title)
    }
}

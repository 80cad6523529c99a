/// Points on two numeric axes, coloured by group, with a legend: the segments of a
/// segmentation on its two features or its first two principal components.
struct ScatterChart {
    let title: String
    let xLabel: String
    let yLabel: String
    let x: [Double]
    let y: [Double]
    let groups: [Int]
    let labels: [String]
    var note: String? = nil

    static let width = 440.0, height = 340.0
    private let left = 58.0, right = 16.0, top = 34.0, bottom = 52.0

    /// Noise (the last label when it is "noise") is drawn grey; segments take the palette in turn.
    private func color(_ group: Int) -> String {
        if labels.indices.contains(group), labels[group] == "noise" { return Palette.axis }
        return Palette.series[group % Palette.series.count]
    }

    func svg() -> String {
        let legendRows = (labels.count + 2) / 3
        var svg = SVG(width: Self.width, height: Self.height + 18 * Double(legendRows) + (note == nil ? 0 : 16))
        let xScale = AxisScale.nice(x, start: left, end: Self.width - right)
        let yScale = AxisScale.nice(y, start: Self.height - bottom, end: top)
        svg.text(SVG.fit(title, width: Self.width - left, size: 13), x: left, y: 18, size: 13, weight: "bold")
        ChartAxes.draw(into: &svg, x: xScale, y: yScale, xLabel: xLabel, yLabel: yLabel, integerX: false,
                       height: Self.height, bottom: bottom)
        for index in x.indices {
            svg.circle(xScale.position(x[index]), yScale.position(y[index]), radius: 2.6, fill: color(groups[index]))
        }
        for (index, label) in labels.enumerated() {
            let column = Double(index % 3), row = Double(index / 3)
            let legendX = left + column * 126, legendY = Self.height + 18 * row + 4
            svg.circle(legendX + 5, legendY, radius: 4, fill: color(index))
            svg.text(SVG.clip(label, to: 18), x: legendX + 14, y: legendY + 4, size: 11)
        }
        if let note { svg.text(note, x: left, y: Self.height + 18 * Double(legendRows) + 12, size: 10, fill: Palette.axis) }
        return svg.render(title: title)
    }
}

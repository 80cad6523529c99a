/// One box plot per numeric column, each on its own scale (columns have different units):
/// the line runs from minimum to maximum, the box from the 25% to the 75% quantile, the tick
/// marks the median. The extremes are written at the ends.
struct RangeChart {
    struct Row {
        let label: String
        let minimum: Double
        let lowerQuartile: Double
        let median: Double
        let upperQuartile: Double
        let maximum: Double
        let minimumText: String
        let maximumText: String
    }

    let title: String
    let rows: [Row]

    static let width = 560.0
    private let rowHeight = 26.0, top = 30.0

    func svg() -> String {
        let labels = rows.map { SVG.clip($0.label, to: 22) }
        let labelWidth = min(160, (labels.map { SVG.textWidth($0) }.max() ?? 40) + 10)
        let endWidth = (rows.flatMap { [$0.minimumText, $0.maximumText] }.map { SVG.textWidth($0, size: 10) }.max() ?? 30) + 8
        let start = labelWidth + endWidth, end = Self.width - endWidth
        var svg = SVG(width: Self.width, height: top + rowHeight * Double(rows.count) + 24)
        svg.text(SVG.fit(title, width: Self.width - 16, size: 13), x: 8, y: 18, size: 13, weight: "bold")
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            let scale = AxisScale(lower: row.minimum, upper: row.maximum, start: start, end: end)
            svg.text(labels[index], x: labelWidth - 4, y: y + 4, anchor: .end, size: 11)
            svg.line(scale.position(row.minimum), y, scale.position(row.maximum), y, stroke: Palette.axis)
            let boxStart = scale.position(row.lowerQuartile), boxEnd = scale.position(row.upperQuartile)
            svg.rect(boxStart, y - 7, max(1.5, boxEnd - boxStart), 14, fill: Palette.sky, stroke: Palette.blue,
                     title: "\(row.label): 25% to 75%")
            let median = scale.position(row.median)
            svg.line(median, y - 8, median, y + 8, stroke: Palette.vermillion, width: 2)
            svg.text(row.minimumText, x: start - 6, y: y + 4, anchor: .end, size: 10, fill: Palette.axis)
            svg.text(row.maximumText, x: end + 6, y: y + 4, size: 10, fill: Palette.axis)
        }
        let legendY = top + rowHeight * Double(rows.count) + 14
        svg.text("line: min to max · box: 25% to 75% · red tick: median · each row on its own scale",
                 x: start, y: legendY, size: 10, fill: Palette.axis)
        return svg.render(title: title)
    }
}

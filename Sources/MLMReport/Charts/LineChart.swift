/// Lines (and optionally dots) on two numeric axes: ROC, precision-recall, gains, calibration,
/// inertia and silhouette against k.
struct LineChart {
    struct Series {
        let name: String
        let points: [(x: Double, y: Double)]
        var color: String = Palette.blue
        var dashed = false
        var dots = false
    }

    let title: String
    let xLabel: String
    let yLabel: String
    var series: [Series]
    /// Fixed axis ranges (e.g. 0…1 for rates); nil to fit the data.
    var xRange: ClosedRange<Double>? = nil
    var yRange: ClosedRange<Double>? = nil
    /// A dashed line from (lower, lower) to (upper, upper): chance or perfect calibration.
    var diagonal: String? = nil
    /// A vertical marker with a label, e.g. the chosen k.
    var marker: (x: Double, label: String)? = nil
    /// Format x tick labels as whole numbers only (k, deciles).
    var integerX = false

    static let width = 440.0, height = 330.0
    private let left = 58.0, right = 16.0, top = 34.0, bottom = 52.0

    func svg() -> String {
        var svg = SVG(width: Self.width, height: Self.height + legendHeight)
        let xs = series.flatMap { $0.points.map(\.x) }, ys = series.flatMap { $0.points.map(\.y) }
        let xScale = xRange.map { AxisScale(lower: $0.lowerBound, upper: $0.upperBound, start: left, end: Self.width - right) }
            ?? AxisScale.nice(xs, start: left, end: Self.width - right)
        let yScale = yRange.map { AxisScale(lower: $0.lowerBound, upper: $0.upperBound, start: Self.height - bottom, end: top) }
            ?? AxisScale.nice(ys, start: Self.height - bottom, end: top)
        svg.text(SVG.fit(title, width: Self.width - left, size: 13), x: left, y: 18, size: 13, weight: "bold")
        ChartAxes.draw(into: &svg, x: xScale, y: yScale, xLabel: xLabel, yLabel: yLabel,
                       integerX: integerX, height: Self.height, bottom: bottom)
        if let diagonal {
            let low = max(xScale.lower, yScale.lower), high = min(xScale.upper, yScale.upper)
            svg.line(xScale.position(low), yScale.position(low), xScale.position(high), yScale.position(high),
                     stroke: Palette.axis, dashed: true)
        }
        if let marker {
            let x = xScale.position(marker.x)
            svg.line(x, top, x, Self.height - bottom, stroke: Palette.vermillion, dashed: true)
            svg.text(marker.label, x: x + 4, y: top + 10, size: 10, fill: Palette.vermillion)
        }
        for line in series {
            let points = line.points.map { (xScale.position($0.x), yScale.position($0.y)) }
            svg.polyline(points, stroke: line.color, width: 2, dashed: line.dashed)
            if line.dots { for point in points { svg.circle(point.0, point.1, radius: 3, fill: line.color) } }
        }
        drawLegend(into: &svg)
        return svg.render(title: title)
    }

    /// The series, and the diagonal as a dashed grey line, named below the plot (labels inside
    /// the plot could sit on a curve).
    private var legend: [Series] {
        series + (diagonal.map { [Series(name: $0, points: [], color: Palette.axis, dashed: true)] } ?? [])
    }

    private var legendHeight: Double { legend.count > 1 ? 18.0 * Double(legend.count) : 0 }

    private func drawLegend(into svg: inout SVG) {
        guard legend.count > 1 else { return }
        for (index, line) in legend.enumerated() {
            let y = Self.height + 18.0 * Double(index) + 4
            svg.line(left, y, left + 22, y, stroke: line.color, width: 2, dashed: line.dashed)
            svg.text(SVG.clip(line.name, to: 60), x: left + 28, y: y + 4, size: 11)
        }
    }
}

/// Grid lines, ticks, tick labels and axis titles shared by the charts with two numeric axes.
enum ChartAxes {
    static func draw(into svg: inout SVG, x: AxisScale, y: AxisScale, xLabel: String, yLabel: String,
                     integerX: Bool, height: Double, bottom: Double) {
        for tick in y.ticks {
            let position = y.position(tick)
            svg.line(x.start, position, x.end, position, stroke: Palette.grid)
            svg.text(y.label(tick), x: x.start - 6, y: position + 4, anchor: .end, size: 10, fill: Palette.axis)
        }
        let xTicks = integerX ? x.ticks.filter { $0 == $0.rounded() } : x.ticks
        for tick in xTicks {
            let position = x.position(tick)
            svg.line(position, y.start, position, y.start + 4, stroke: Palette.axis)
            svg.text(x.label(tick), x: position, y: y.start + 16, anchor: .middle, size: 10, fill: Palette.axis)
        }
        svg.line(x.start, y.start, x.end, y.start, stroke: Palette.axis)
        svg.line(x.start, y.start, x.start, y.end, stroke: Palette.axis)
        svg.text(SVG.fit(xLabel, width: x.end - x.start, size: 11), x: (x.start + x.end) / 2, y: height - bottom + 36, anchor: .middle, size: 11)
        svg.text(SVG.fit(yLabel, width: abs(y.start - y.end), size: 11), x: 14, y: (y.start + y.end) / 2, anchor: .middle, size: 11, rotate: true)
    }
}

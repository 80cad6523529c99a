import Foundation

/// A grid of labelled cells whose colour shows a value: the confusion matrix (share of each
/// actual class) and the segment profile (index against all rows, 100 = like everyone).
struct HeatGrid {
    struct Cell {
        let text: String
        /// -1…1: negative shades orange, positive shades blue, 0 is white.
        let intensity: Double
    }

    let title: String
    let rowTitle: String
    let columnTitle: String
    let rowLabels: [String]
    let columnLabels: [String]
    let cells: [[Cell]]
    var note: String? = nil

    private let cellHeight = 30.0, top = 30.0, maximumLabel = 24

    func svg() -> String {
        let rows = rowLabels.map { SVG.clip($0, to: maximumLabel) }
        let columns = columnLabels.map { SVG.clip($0, to: maximumLabel) }
        let left = min(170, (rows.map { SVG.textWidth($0) }.max() ?? 30) + 30)
        let cellTexts = cells.flatMap { $0.map(\.text) } + columns
        let cellWidth = max(52, (cellTexts.map { SVG.textWidth($0, size: 11) }.max() ?? 40) + 14)
        // Column labels sit above the grid; long ones would collide, so they go on two levels.
        let staggered = columns.contains { SVG.textWidth($0) > cellWidth - 6 }
        let headerHeight = staggered ? 44.0 : 30.0
        let gridTop = top + 16 + headerHeight
        let width = max(320, left + cellWidth * Double(columns.count) + 16)
        let height = gridTop + cellHeight * Double(rows.count) + (note == nil ? 16 : 34)
        var svg = SVG(width: width, height: height)
        svg.text(SVG.fit(title, width: width - 16, size: 13), x: 8, y: 18, size: 13, weight: "bold")
        svg.text(columnTitle, x: left + cellWidth * Double(columns.count) / 2, y: top + 10, anchor: .middle, size: 11, fill: Palette.axis)
        for (index, label) in columns.enumerated() {
            let level = staggered && index % 2 == 1 ? 14.0 : 0
            svg.text(label, x: left + cellWidth * (Double(index) + 0.5), y: gridTop - 8 - (staggered ? 14 - level : 0),
                     anchor: .middle, size: 11)
        }
        svg.text(rowTitle, x: 12, y: gridTop + cellHeight * Double(rows.count) / 2, anchor: .middle, size: 11,
                 fill: Palette.axis, rotate: true)
        for (rowIndex, label) in rows.enumerated() {
            let y = gridTop + cellHeight * Double(rowIndex)
            svg.text(label, x: left - 6, y: y + cellHeight / 2 + 4, anchor: .end, size: 11)
            for (columnIndex, cell) in cells[rowIndex].enumerated() {
                let x = left + cellWidth * Double(columnIndex)
                svg.rect(x, y, cellWidth, cellHeight, fill: HeatGrid.color(cell.intensity), stroke: "#ffffff")
                let dark = abs(cell.intensity) > 0.55
                svg.text(cell.text, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: .middle, size: 11,
                         fill: dark ? "#ffffff" : Palette.ink)
            }
        }
        if let note { svg.text(note, x: 8, y: height - 10, size: 10, fill: Palette.axis) }
        return svg.render(title: title)
    }

    /// White to Okabe–Ito blue for positive values, white to orange for negative ones.
    static func color(_ intensity: Double) -> String {
        let t = min(1, abs(intensity.isFinite ? intensity : 0))
        let target: (Double, Double, Double) = intensity >= 0 ? (0, 114, 178) : (213, 94, 0)
        let channel = { (end: Double) -> Int in Int((255 + (end - 255) * t).rounded()) }
        return String(format: "#%02x%02x%02x", channel(target.0), channel(target.1), channel(target.2))
    }
}

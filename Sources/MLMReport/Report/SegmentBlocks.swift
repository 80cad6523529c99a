import Foundation
import MLMCore
import MLMRuntime

/// `segment`, `rfm` and `profile` in a report: the terminal's tables plus the elbow and
/// silhouette charts for the choice of k, segment sizes, and the profile's index grid.
struct SegmentBlocks {
    let line: Int

    func segmented(_ s: SegmentSummary) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.paragraph("\(s.name): \(s.algorithm) on '\(s.table)', \(Format.plural(s.rows, "row")), "
                                                + "\(Format.plural(s.features.count, "feature")) (\(s.features.joined(separator: ", ")))")]
        if let scaling = s.standardization {
            blocks.append(.paragraph("features standardized (x − mean) / sd: " + s.features.indices.map {
                "\(s.features[$0]) (mean \(Format.summary(scaling.means[$0])), sd \(Format.summary(scaling.deviations[$0])))"
            }.joined(separator: ", ")))
        } else {
            blocks.append(.paragraph("features used as they are (standardize false)"))
        }
        if let eps = s.eps {
            if let suggestion = s.epsSuggestion {
                blocks.append(.paragraph("eps \(Format.summary(eps)) suggested: the knee of the sorted distances from \(Format.plural(suggestion.sampled, "point")) "
                                         + "to their \(ValueText.ordinal(s.minPoints ?? 5)) nearest point (itself counted); \(Format.percent(suggestion.coreShare)) of them lie within it"))
            } else {
                blocks.append(.paragraph("eps \(Format.summary(eps)) (as given)"))
            }
        }
        if !s.settings.isEmpty {
            blocks.append(.paragraph("settings: " + s.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", ")))
        }
        var quality: [String] = []
        if let inertia = s.inertia { quality.append("inertia \(Format.summary(inertia))") }
        if let silhouette = s.silhouette { quality.append("silhouette \(ValueText.rounded(silhouette, decimals: 3))") }
        if !(quality + s.notes).isEmpty { blocks.append(.paragraph((quality + s.notes).joined(separator: "; "))) }
        var charts: [ReportChart] = []
        if !s.kTable.isEmpty {
            var table = ReportTable(caption: "k chosen by the best silhouette (inertia for the elbow)",
                                    headers: ["k", "inertia", "silhouette", ""], numeric: [true, true, true, false])
            table.rows = s.kTable.map { [String($0.k), Format.summary($0.inertia), $0.silhouette.map { ValueText.rounded($0, decimals: 3) } ?? "–",
                                         $0.k == s.chosenK ? "← chosen" : ""] }
            blocks.append(.table(table))
            charts += kCharts(s)
        }
        blocks.append(.table(sizeTable(s)))
        charts.append(sizeChart(s))
        if let projection = s.projection { charts.append(scatterChart(s, projection)) }
        blocks.append(.charts(charts))
        return blocks
    }

    private func kCharts(_ s: SegmentSummary) -> [ReportChart] {
        let marker = s.chosenK.map { (x: Double($0), label: "chosen k = \($0)") }
        var elbow = LineChart(title: "Elbow: inertia by k", xLabel: "k (number of segments)", yLabel: "inertia",
                              series: [.init(name: "inertia", points: s.kTable.map { (Double($0.k), $0.inertia) }, dots: true)])
        elbow.marker = marker; elbow.integerX = true
        var silhouette = LineChart(title: "Silhouette by k", xLabel: "k (number of segments)", yLabel: "silhouette",
                                   series: [.init(name: "silhouette", points: s.kTable.compactMap { row in row.silhouette.map { (Double(row.k), $0) } },
                                                  color: Palette.green, dots: true)])
        silhouette.marker = marker; silhouette.integerX = true
        return [ReportChart(name: "line-\(line)-elbow", title: elbow.title, svg: elbow.svg()),
                ReportChart(name: "line-\(line)-silhouette", title: silhouette.title, svg: silhouette.svg())]
    }

    private func sizeTable(_ s: SegmentSummary) -> ReportTable {
        let showCentres = !s.centres.isEmpty
        var table = ReportTable(caption: showCentres ? "segments (centres in original units)" : "segments",
                                headers: ["segment", "rows", "share"] + (showCentres ? s.features : []),
                                numeric: [false, true, true] + (showCentres ? s.features.map { _ in true } : []))
        for (index, size) in s.sizes.enumerated() {
            let centre = showCentres && index < s.centres.count ? s.centres[index].map(Format.summary) : []
            table.rows.append([size.label, Format.count(size.rows), Format.percent(size.share)] + centre
                              + Array(repeating: "", count: showCentres ? max(0, s.features.count - centre.count) : 0))
        }
        return table.limited(to: 40)
    }

    private func sizeChart(_ s: SegmentSummary) -> ReportChart {
        let bars = s.sizes.prefix(30).map { BarChart.Bar(label: $0.label, value: Double($0.rows),
                                                         valueText: "\(Format.count($0.rows)) (\(Format.percent($0.share)))") }
        let chart = BarChart(title: "\(s.name): rows per segment", valueLabel: "rows", bars: Array(bars), color: Palette.purple)
        return ReportChart(name: "line-\(line)-sizes", title: chart.title, svg: chart.svg())
    }

    private func scatterChart(_ s: SegmentSummary, _ p: SegmentProjection) -> ReportChart {
        let sample = p.x.count < p.rows ? "\(Format.count(p.x.count)) of \(Format.count(p.rows)) rows, evenly spaced" : nil
        let chart = ScatterChart(title: "\(s.name): segments on \(s.features.count == 2 ? "their two features" : "two principal components")",
                                 xLabel: p.xLabel, yLabel: p.yLabel, x: p.x, y: p.y, groups: p.groups, labels: p.labels, note: sample)
        return ReportChart(name: "line-\(line)-scatter", title: chart.title, svg: chart.svg())
    }

    func rfm(_ s: RfmSummary) -> [ReportBlock] {
        var table = ReportTable(caption: "scores 1–5 by quintile; segments from the R and F scores",
                                headers: ["rfm_segment", "customers", "share"], numeric: [false, true, true])
        table.rows = s.segments.map { [$0.name, Format.count($0.customers), Format.percent($0.share)] }
        let bars = s.segments.map { BarChart.Bar(label: $0.name, value: Double($0.customers),
                                                 valueText: "\(Format.count($0.customers)) (\(Format.percent($0.share)))") }
        let chart = BarChart(title: "\(s.table): customers per RFM segment", valueLabel: "customers", bars: bars, color: Palette.purple)
        return [
            .paragraph("\(s.table): \(Format.plural(s.customers, "customer")) from \(Format.count(s.usedRows)) of the \(Format.count(s.transactions)) rows of '\(s.source)'"),
            .paragraph("recency: days from the last purchase to \(s.referenceDate)"
                       + (s.referenceDateWasGiven ? " (the reference date given)" : " (the day after the last transaction)")),
            .paragraph("frequency: " + (s.countsInvoices ? "distinct invoices" : "transactions (rows)") + "; monetary: the sum of the amounts"),
            .paragraph("medians: recency \(Format.summary(s.medians.recency)) days, frequency \(Format.summary(s.medians.frequency)), monetary \(Format.summary(s.medians.monetary))"),
            .table(table),
            .charts([ReportChart(name: "line-\(line)-rfm", title: chart.title, svg: chart.svg())]),
        ]
    }

    func profiled(_ s: ProfileSummary) -> [ReportBlock] {
        let profile = s.profile
        var blocks: [ReportBlock] = [.paragraph("\(s.table) by '\(profile.segmentColumn)': \(Format.plural(profile.groups.count, "segment")), "
                                                + "\(Format.plural(profile.overall.size, "row")); index 100 = like all rows")]
        if !s.leftOut.isEmpty { blocks.append(.paragraph("left out (text, dates, ids): " + s.leftOut.joined(separator: ", "))) }
        var headers = ["segment", "rows", "share"]
        for feature in profile.features { headers += [feature, "index"] }
        var table = ReportTable(headers: headers, numeric: [false, true, true] + profile.features.flatMap { _ in [true, true] })
        for group in profile.groups + [profile.overall] {
            table.rows.append([group.label, Format.count(group.size), Format.percent(group.share)] + group.cells.flatMap(cellText))
        }
        blocks.append(.table(table.limited(to: 40)))
        if !profile.groups.isEmpty, !profile.features.isEmpty {
            blocks.append(.charts([profileChart(s)]))
        }
        return blocks
    }

    private func cellText(_ cell: SegmentProfile.Cell) -> [String] {
        switch cell {
        case .mean(let mean, let index):
            return [mean.map(Format.summary) ?? "–", index.map { String(Int($0.rounded())) } ?? ""]
        case .top(let value, let share, let index):
            return [value.map { "\($0) \(Format.percent(share))" } ?? "–", index.map { String(Int($0.rounded())) } ?? ""]
        }
    }

    /// Index against all rows per segment and feature: blue above 100, orange below.
    private func profileChart(_ s: ProfileSummary) -> ReportChart {
        let groups = Array(s.profile.groups.prefix(20))
        let cells = groups.map { group in
            group.cells.map { cell -> HeatGrid.Cell in
                let index: Double?
                switch cell {
                case .mean(_, let i): index = i
                case .top(_, _, let i): index = i
                }
                guard let index, index.isFinite else { return HeatGrid.Cell(text: "–", intensity: 0) }
                // log scale: 200 and 50 are equally far from 100.
                let intensity = max(-1, min(1, log2(max(index, 1) / 100)))
                return HeatGrid.Cell(text: String(Int(index.rounded())), intensity: intensity)
            }
        }
        let grid = HeatGrid(title: "Segment profile: index vs all rows (100 = like everyone)", rowTitle: "segment",
                            columnTitle: "feature", rowLabels: groups.map(\.label), columnLabels: s.profile.features, cells: cells,
                            note: "blue: higher than overall; orange: lower; full colour at 2× or ½")
        return ReportChart(name: "line-\(line)-profile", title: grid.title, svg: grid.svg())
    }
}

import MLMCore
import MLMRuntime

/// `rfm` and `profile` results.
struct RfmRenderer {
    let style: TerminalStyle

    func renderRfm(_ s: RfmSummary) -> [String] {
        var lines = [style.bold(s.table) + ": \(Format.plural(s.customers, "customer")) from \(Format.count(s.usedRows)) of the "
                     + "\(Format.count(s.transactions)) rows of '\(s.source.shown)'"]
        let left = RFM.describe(s.leftOut)
        if !left.isEmpty { lines.append("  left out: " + left) }
        lines.append("  recency: days from the last purchase to \(s.referenceDate)"
                     + (s.referenceDateWasGiven ? " (the reference date given)" : " (the day after the last transaction)"))
        lines.append("  frequency: " + (s.countsInvoices ? "distinct invoices" : "transactions (rows)") + "; monetary: the sum of the amounts")
        lines.append("  medians: recency \(Format.summary(s.medians.recency)) days, frequency \(Format.summary(s.medians.frequency)), "
                     + "monetary \(Format.summary(s.medians.monetary))")
        lines.append("  scores 1–5 by quintile (equal values get equal scores); segments from the R and F scores:")
        var table = TextTable(headers: ["rfm_segment", "customers", "share"], alignments: [.left, .right, .right])
        for segment in s.segments { table.append([segment.name, Format.count(segment.customers), Format.percent(segment.share)]) }
        return lines + table.render(indent: "    ", header: style.dim)
    }

    /// One column for all rows and one per segment, one line per feature: the mean or the top
    /// value with its share, and the index in brackets. Segments that do not fit the width
    /// continue in a second table below, the first two columns repeated.
    func renderProfile(_ s: ProfileSummary, width: Int) -> [String] {
        let profile = s.profile
        var lines = [style.bold(s.table) + " by '\(profile.segmentColumn.shown)': \(Format.plural(profile.groups.count, "segment")), "
                     + "\(Format.plural(profile.overall.size, "row")); (index) 100 = like all rows"]
        if !s.leftOut.isEmpty { lines.append("  left out (text, dates, ids, categories with over 20 values): " + s.leftOut.map(\.shown).joined(separator: ", ")) }
        var remaining = profile.groups[...]
        while !remaining.isEmpty {
            let table = profileTable(profile, groups: [profile.overall] + remaining)
            let shown = max(1, table.columnsFitting(width: width - 2) - 2)
            lines += profileTable(profile, groups: [profile.overall] + remaining.prefix(shown)).render(indent: "  ", header: style.dim)
            remaining = remaining.dropFirst(shown)
            if !remaining.isEmpty { lines.append("") }
        }
        return lines
    }

    private func profileTable(_ profile: SegmentProfile.Profile, groups: [SegmentProfile.Group]) -> TextTable {
        var table = TextTable(headers: [""] + groups.map(\.label), alignments: [.left] + groups.map { _ in .right })
        table.maximumWidths = table.maximumWidths.map { _ in 30 }
        table.append(["rows"] + groups.map { Format.count($0.size) })
        table.append(["share"] + groups.map { Format.percent($0.share) })
        for (index, feature) in profile.features.enumerated() {
            table.append([feature] + groups.map { cellText($0.cells[index]) })
        }
        return table
    }

    private func cellText(_ cell: SegmentProfile.Cell) -> String {
        let index = { (value: Double?) in value.map { " (\(Int($0.rounded())))" } ?? "" }
        switch cell {
        case .mean(let mean, let value): return (mean.map(Format.summary) ?? "–") + index(value)
        case .top(let top, let share, let value): return (top.map { "\($0) \(Format.percent(share))" } ?? "–") + index(value)
        }
    }
}

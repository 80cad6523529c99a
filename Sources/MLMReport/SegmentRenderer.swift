import MLMCore
import MLMRuntime

/// `segment`, `name` and segmentation `load model` results: how k or eps was chosen, segment
/// sizes, centres in original units, and notes on scaling.
struct SegmentRenderer {
    let style: TerminalStyle

    func renderSegmented(_ s: SegmentSummary) -> [String] {
        var lines = [style.bold(s.name) + ": \(s.algorithm) on '\(s.table.shown)', \(Format.plural(s.rows, "row")), "
                     + "\(Format.plural(s.features.count, "feature")) (\(s.features.map(\.shown).joined(separator: ", ")))"]
        lines += standardizationLines(s)
        if !s.kTable.isEmpty { lines += kTableLines(s) }
        if let eps = s.eps { lines += epsLines(s, eps: eps) }
        if !s.settings.isEmpty {
            lines.append("  settings: " + s.settings.map { "\($0.name) \($0.value)" }.joined(separator: ", "))
        }
        var quality: [String] = []
        if let inertia = s.inertia { quality.append("inertia \(Format.summary(inertia))") }
        if let silhouette = s.silhouette {
            let sample = s.silhouetteRows < s.rows ? " (on a seeded sample of \(Format.count(s.silhouetteRows)) rows)" : ""
            quality.append("silhouette \(ValueText.rounded(silhouette, decimals: 3))\(sample)")
        }
        lines.append("  " + (quality + s.notes.map(\.shown)).joined(separator: "; "))
        lines += segmentTable(s)
        lines.append("  added '\(s.name)' to '\(s.table.shown)'; the segmentation is kept as '\(s.name)' (save \(s.name) to \"file.mlmodel\", predict \(s.name) on other_table as \(s.name))")
        return lines
    }

    private func standardizationLines(_ s: SegmentSummary) -> [String] {
        guard let scaling = s.standardization else { return ["  features used as they are (standardize false)"] }
        let parts = s.features.indices.map {
            "\(s.features[$0].shown) (mean \(Format.summary(scaling.means[$0])), sd \(Format.summary(scaling.deviations[$0])))"
        }
        return ["  features standardized (x − mean) / sd: " + parts.joined(separator: ", ")]
    }

    private func kTableLines(_ s: SegmentSummary) -> [String] {
        var table = TextTable(headers: ["k", "inertia", "silhouette", ""], alignments: [.right, .right, .right, .left])
        for row in s.kTable {
            table.append([String(row.k), Format.summary(row.inertia),
                          row.silhouette.map { ValueText.rounded($0, decimals: 3) } ?? "–",
                          row.k == s.chosenK ? "← chosen" : ""])
        }
        let sample = s.silhouetteRows < s.rows ? "a seeded sample of \(Format.count(s.silhouetteRows)) rows" : "all rows"
        return ["  k chosen by the best silhouette (computed on \(sample); inertia for the elbow):"]
            + table.render(indent: "    ", header: style.dim)
    }

    private func epsLines(_ s: SegmentSummary, eps: Double) -> [String] {
        guard let suggestion = s.epsSuggestion else { return ["  eps \(Format.summary(eps)) (as given)"] }
        let k = s.minPoints ?? 5
        return ["  eps \(Format.summary(eps)) suggested: the knee of the sorted distances from \(Format.plural(suggestion.sampled, "point")) "
                + "to their \(ValueText.ordinal(k)) nearest point (itself counted); \(Format.percent(suggestion.coreShare)) of them lie within it"]
    }

    private func segmentTable(_ s: SegmentSummary) -> [String] {
        let showCentres = !s.centres.isEmpty
        let headers = ["segment", "rows", "share"] + (showCentres ? s.features : [])
        var table = TextTable(headers: headers, alignments: [.left, .right, .right] + (showCentres ? s.features.map { _ in .right } : []))
        for (index, size) in s.sizes.enumerated() {
            let centre = showCentres && index < s.centres.count ? s.centres[index].map(Format.summary) : []
            table.append([size.label, Format.count(size.rows), Format.percent(size.share)] + centre)
        }
        let title = showCentres ? "  segments (centres in original units):" : "  segments:"
        return [title] + table.render(indent: "    ", header: style.dim)
    }

    func renderNamed(segmentation: String, segment: String, label: String, rows: Int) -> [String] {
        ["segment \(segment) of '\(segmentation)' is now called \"\(label)\"" + (rows > 0 ? " (\(Format.plural(rows, "row")) relabelled)" : "")]
    }

    func renderLoaded(name: String, path: String, algorithm: String, segments: Int, features: [String]) -> [String] {
        [style.bold(name) + ": \(algorithm) segmentation with \(Format.plural(segments, "segment")) on \(features.map(\.shown).joined(separator: ", ")) (from \(path.shown))"]
    }
}

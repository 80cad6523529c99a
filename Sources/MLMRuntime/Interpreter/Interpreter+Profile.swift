import MLMCore
import MLMSyntax

extension Interpreter {
    /// `profile table by segment [columns a, b]`: size, share and the mean or top value of each
    /// feature per segment, with an index against all rows. Without columns: every other column
    /// except text and date columns, keys (a different value on every row) and categories with more
    /// than 20 values.
    func runProfile(_ profile: ProfileStatement, into output: inout StepOutput) throws(RuntimeError) {
        let frame = try table(profile.table)
        try requireColumns([profile.segment] + profile.columns, in: frame)
        var leftOut: [String] = []
        let features: [String]
        if profile.columns.isEmpty {
            features = frame.columns.filter { column in
                guard column.name != profile.segment.name else { return false }
                if column.type == .text || column.type == .date || column.isKey || (column.strings?.dictionary.count ?? 0) > 20 {
                    leftOut.append(column.name)
                    return false
                }
                return true
            }.map(\.name)
        } else {
            features = profile.columns.map(\.name)
        }
        let order = session.segmentations[profile.segment.name]?.model.labelOrder
            ?? (profile.segment.name == "rfm_segment" ? RFMScores.segmentNames : [])
        do {
            let result = try SegmentProfile.build(frame, by: profile.segment.name, features: features, order: order)
            output.results.append(.profiled(ProfileSummary(table: profile.table.name, profile: result, leftOut: leftOut)))
            if result.unassigned > 0 {
                output.warnings.append("\(Words.plural(result.unassigned, "row")) without a segment left out")
            }
        } catch {
            throw RuntimeError(error.message, at: profile.segment.range)
        }
    }
}

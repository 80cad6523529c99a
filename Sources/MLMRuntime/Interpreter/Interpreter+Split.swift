import MLMCore
import MLMSyntax

extension Interpreter {
    /// Seed used when a split names none, so a script without `seed` is still reproducible.
    static let defaultSeed: UInt64 = 42

    func runSplit(_ split: SplitStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(split.table)
        let shares = try LiteralRules.splitShares(split)
        if let stratify = split.stratifyBy { try requireColumns([stratify], in: frame) }
        let seed = try LiteralRules.seed(split.seed) ?? Interpreter.defaultSeed
        let counts: [(role: RowRole, rows: Int)]
        do {
            counts = try frame.split(shares, stratifyBy: split.stratifyBy?.name, seed: seed)
        } catch {
            throw RuntimeError(prep: error, at: split.table.range)
        }
        session.setTable(split.table.name, frame)
        let classShares = split.stratifyBy.map { classDistribution(of: $0.name, in: frame) } ?? []
        output.results.append(.split(table: split.table.name, counts: counts, stratifiedBy: split.stratifyBy?.name,
                                     classShares: classShares))
        if split.seed == nil { output.warnings.append("no seed given; used seed \(Interpreter.defaultSeed)") }
    }

    /// For a stratified split: the share of each class (up to 5 most frequent) in every role.
    private func classDistribution(of name: String, in frame: DataFrame) -> [(value: String, shares: [(role: RowRole, share: Double)])] {
        guard let column = frame.column(named: name), let roles = frame.roles else { return [] }
        var counts: [String: [RowRole: Int]] = [:]
        var totals: [RowRole: Int] = [:]
        for row in 0..<frame.rowCount {
            let key = column.displayText(at: row) ?? "missing"
            counts[key, default: [:]][roles[row], default: 0] += 1
            totals[roles[row], default: 0] += 1
        }
        let ordered = counts.sorted { lhs, rhs in
            let l = lhs.value.values.reduce(0, +), r = rhs.value.values.reduce(0, +)
            return l != r ? l > r : lhs.key < rhs.key
        }.prefix(5)
        let presentRoles = RowRole.allCases.filter { (totals[$0] ?? 0) > 0 }
        return ordered.map { key, byRole in
            (key, presentRoles.map { role in (role, Double(byRole[role] ?? 0) / Double(totals[role] ?? 1)) })
        }
    }

}

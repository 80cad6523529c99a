import MLMCore
import MLMSyntax

extension Interpreter {
    /// Seed used when a split names none, so a script without `seed` is still reproducible.
    static let defaultSeed: UInt64 = 42

    func runSplit(_ split: SplitStatement, into output: inout StepOutput) throws(RuntimeError) {
        var frame = try table(split.table)
        var shares: [(role: RowRole, share: Double)] = []
        for part in split.parts {
            shares.append((try role(part.role), try share(part.share)))
        }
        if let stratify = split.stratifyBy { try requireColumns([stratify], in: frame) }
        let seed = try seedValue(split.seed)
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

    private func role(_ name: Identifier) throws(RuntimeError) -> RowRole {
        guard let role = RowRole.allCases.first(where: { $0.name == name.name }) else {
            let names = RowRole.allCases.map(\.name)
            throw RuntimeError("'\(name.name)' is not a part of a split", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: names) ?? "the parts are train, validation and test")
        }
        return role
    }

    private func share(_ expr: Expr) throws(RuntimeError) -> Double {
        switch expr.kind {
        case .percent(let value) where value > 0 && value < 100: return value / 100
        case .number(let value) where value > 0 && value < 1: return value
        default:
            throw RuntimeError("a share must be a percentage between 0% and 100%, like 80%", at: expr.range)
        }
    }

    func seedValue(_ expr: Expr?) throws(RuntimeError) -> UInt64 {
        guard let expr else { return Interpreter.defaultSeed }
        guard case .number(let value) = expr.kind, value >= 0, value == value.rounded(), value < 9e15 else {
            throw RuntimeError("a seed must be a whole number, 0 or more", at: expr.range)
        }
        return UInt64(value)
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

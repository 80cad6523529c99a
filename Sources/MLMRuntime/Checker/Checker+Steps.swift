import MLMCore
import MLMSyntax

extension Checker {
    mutating func checkClean(_ clean: CleanStatement) {
        guard var schema = schema(of: clean.table) else { return }
        for operation in clean.operations { checkClean(operation, in: &schema) }
        schemas[clean.table.name] = schema
    }

    private mutating func checkClean(_ operation: CleanOperation, in schema: inout Schema) {
        expectTypes(TypeRules.requirement(operation.kind), in: schema)
        switch operation.kind {
        case .dropRows, .keepRows, .dropDuplicates, .removeOutliers: schema.forgetValues(of: nil)
        case .replace(_, _, let columns): schema.forgetValues(of: columns.isEmpty ? nil : columns.map(\.name))
        case .fill(let columns, _), .clip(let columns, _, _), .clipOutliers(let columns, _), .text(_, let columns):
            schema.forgetValues(of: columns.map(\.name))
        case .dropColumns, .keepColumns, .rename, .cast: break
        }
        switch operation.kind {
        case .dropDuplicates(let keys): checkColumns(keys, in: schema)
        case .dropColumns(let names):
            checkColumns(names, in: schema)
            names.forEach { schema.remove($0.name) }
        case .keepColumns(let names):
            checkColumns(names, in: schema)
            if schema.isKnown { schema.keep(names.map(\.name)) }
        case .dropRows(let condition), .keepRows(let condition):
            expectCondition(condition, in: schema)
        case .replace(_, _, let columns), .clip(let columns, _, _), .removeOutliers(let columns, _),
             .clipOutliers(let columns, _), .text(_, let columns):
            checkColumns(columns, in: schema)
        case .fill(let columns, _):
            checkColumns(columns, in: schema)
        case .rename(let pairs):
            checkColumns(pairs.map(\.from), in: schema)
            pairs.forEach { schema.rename($0.from.name, to: $0.to.name) }
        case .cast(let cast):
            checkColumns(cast.columns, in: schema)
            // The type, format and options are checked with the literals (CastRules).
            // (A number column cast to a date without a format is found when the step runs: the
            // sampled types are hints, a column of numbers may hold text further down.)
            guard let rule = try? CastRules.read(cast) else { return }
            cast.columns.forEach { schema.set($0.name, rule.type) }
        }
    }

    mutating func checkFeature(_ feature: FeatureStatement) {
        guard var schema = schema(of: feature.table) else { return }
        for operation in feature.operations { checkFeature(operation, in: &schema) }
        schemas[feature.table.name] = schema
    }

    private mutating func checkFeature(_ operation: FeatureOperation, in schema: inout Schema) {
        expectTypes(TypeRules.requirement(operation.kind), in: schema)
        switch operation.kind {
        case .derive(let output, let expression):
            let type = type(of: expression, in: schema)
            do {
                try AlwaysLost.check(expression, column: output.name)
            } catch {
                report(error.diagnostic.message, at: error.diagnostic.range, help: error.diagnostic.help)
            }
            schema.set(output.name, type.columnType)
        case .bin(let output, let column, _):
            checkColumns([column], in: schema)
            schema.set(output.name, .category)
        case .oneHot(let columns):
            checkColumns(columns, in: schema)
            for column in columns {
                schema.remove(column.name)
                schema.addOpenPrefix(column.name + "_")
            }
        case .standardize(let columns), .normalize(let columns), .log(let columns):
            checkColumns(columns, in: schema)
            columns.forEach { schema.set($0.name, .number) }
        case .extractDateParts(let parts, let column):
            checkColumns([column], in: schema)
            for part in parts {
                guard DatePart(rawValue: part.name) != nil else {
                    let names = DatePart.allCases.map(\.rawValue)
                    report("'\(part.name)' is not a part of a date", at: part.range,
                           help: Suggestions.didYouMean(part.name, in: names) ?? "the parts are " + names.joined(separator: ", "))
                    continue
                }
                schema.set("\(column.name)_\(part.name)", .integer)
            }
        }
    }

    /// Reports columns of a known type the operation refuses, as the step would when it runs.
    private mutating func expectTypes(_ requirement: TypeRules.Requirement?, in schema: Schema) {
        guard let requirement, TypeRules.isCertain(requirement) else { return }
        for column in requirement.columns {
            guard case .some(.some(let type)) = schema.type(of: column.name),
                  let problem = TypeRules.problem(column, type: type, requirement) else { continue }
            report(problem.diagnostic.message, at: column.range, help: problem.diagnostic.help)
        }
    }

    /// The parts and seed are checked with the other literals (LiteralRules.splitShares).
    mutating func checkSplit(_ split: SplitStatement) {
        guard let schema = schema(of: split.table) else { return }
        splitTables.insert(split.table.name)
        if let stratify = split.stratifyBy { checkColumns([stratify], in: schema) }
    }
}

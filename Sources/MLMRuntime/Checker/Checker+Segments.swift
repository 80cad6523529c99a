import MLMCore
import MLMSyntax

extension Checker {
    mutating func checkSegment(_ segment: SegmentStatement) {
        let algorithm = segment.algorithm.name
        if !SegmentOptions.algorithms.contains(algorithm) {
            report("there is no segmentation algorithm '\(algorithm)'", at: segment.algorithm.range,
                   help: Suggestions.didYouMean(algorithm, in: SegmentOptions.algorithms)
                       ?? "the algorithms are kmeans and dbscan")
        } else if case .failure(let list) = SegmentOptions.validate(segment.options, algorithm: algorithm) {
            list.diagnostics.forEach { report($0.message, at: $0.range, help: $0.help) }
        }
        guard var schema = checkColumns(segment.columns, of: segment.table) else { return }
        for column in segment.columns {
            if case .some(.some(let type)) = schema.type(of: column.name), !type.isNumericStorage || type == .date {
                report("'\(column.name)' is \(Vector.describe(type)); segments are made from numbers", at: column.range,
                       help: type.isString ? "one-hot it first (feature \(segment.table.name): onehot \(column.name)) and use the 0/1 columns" : nil)
            }
        }
        if let refusal = PredictColumns.refusal([segment.output.name], name: segment.output.name, table: segment.table.name,
                                                existing: Set(schema.names), predictedBy: schema.predictedBy, step: "segment") {
            report(refusal.message, at: segment.output.range, help: refusal.help)
        }
        schema.set(segment.output.name, .category)
        schema.recordPredicted([segment.output.name], name: segment.output.name)
        schemas[segment.table.name] = schema
        models[segment.output.name] = .some(nil)
    }

    mutating func checkRfm(_ rfm: RfmStatement) {
        let named = [rfm.customer, rfm.date] + (rfm.invoice.map { [$0] } ?? [])
        guard let schema = checkColumns(named, of: rfm.table) else {
            schemas[rfm.output.name] = .unknown
            return
        }
        if case .some(.some(let type)) = schema.type(of: rfm.date.name), type != .date {
            report("'\(rfm.date.name)' is \(Vector.describe(type)), not a date", at: rfm.date.range,
                   help: "cast it first: clean \(rfm.table.name): cast \(rfm.date.name) to date")
        }
        let amount = type(of: rfm.amount, in: schema)
        if amount == .text || amount == .date { report(ExpressionRules.rfmAmount, at: rfm.amount.range) }
        if let reference = rfm.reference, Interpreter.referenceDay(reference.value) == nil {
            report("the reference date must be a date such as \"2011-12-10\"; got \"\(reference.value)\"", at: reference.range)
        }
        let customerType = schema.type(of: rfm.customer.name) ?? nil
        schemas[rfm.output.name] = Schema(columns: [
            (rfm.customer.name, customerType), ("recency", .integer), ("frequency", .integer), ("monetary", .number),
            ("r_score", .integer), ("f_score", .integer), ("m_score", .integer), ("rfm", .category), ("rfm_segment", .category),
        ])
    }

    mutating func checkProfile(_ profile: ProfileStatement) {
        checkColumns([profile.segment] + profile.columns, of: profile.table)
    }

    mutating func checkNameSegment(_ name: NameSegmentStatement) {
        model(name.segmentation)  // its number is checked with the other literals
    }
}

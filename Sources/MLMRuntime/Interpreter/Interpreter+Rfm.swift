import MLMCore
import MLMSyntax

extension Interpreter {
    /// `rfm orders by customer date day amount EXPR [invoice column] [reference "date"] as table`:
    /// a new table with one row per customer (see RFM in the core for the rules).
    func runRfm(_ rfm: RfmStatement, into output: inout StepOutput) throws(RuntimeError) {
        let frame = try table(rfm.table)
        try requireColumns([rfm.customer, rfm.date] + (rfm.invoice.map { [$0] } ?? []), in: frame)
        let dates = frame[rfm.date.name]!
        guard dates.type == .date, let dayNumbers = dates.numbers else {
            throw RuntimeError("'\(rfm.date.name)' is \(Vector.describe(dates.type)), not a date", at: rfm.date.range,
                               help: "cast it first: clean \(rfm.table.name): cast \(rfm.date.name) to date")
        }
        var evaluator = ExpressionEvaluator(frame: frame)
        let amount = try evaluator.column(of: rfm.amount, named: "amount")
        output.warnings += evaluator.warnings
        guard let amounts = amount.numbers, amount.type != .date else {
            throw RuntimeError(ExpressionRules.rfmAmount, at: rfm.amount.range)
        }
        var reference: Int?
        if let given = rfm.reference {
            guard let day = Interpreter.referenceDay(given.value) else {
                throw RuntimeError("the reference date must be a date such as \"2011-12-10\"; got \"\(given.value)\"", at: given.range)
            }
            reference = day
        }
        let outcome: RFM.Outcome
        do {
            outcome = try RFM.analyse(RFM.Input(customers: frame[rfm.customer.name]!, dates: dayNumbers, amounts: amounts,
                                                invoices: rfm.invoice.map { frame[$0.name]! }, referenceDate: reference))
        } catch {
            throw RuntimeError(error.message, at: rfm.table.range)
        }
        session.setTable(rfm.output.name, outcome.table)
        session.setRecipe(rfm.output.name, PreparationRecipe())
        output.results.append(.rfm(summary(outcome, source: rfm.table.name, table: rfm.output.name, transactions: frame.rowCount)))
    }

    /// A `yyyy-mm-dd` date as a day number.
    static func referenceDay(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let date = CivilDate(year: y, month: m, day: d)
        return date.isValid ? date.dayNumber : nil
    }

    private func summary(_ outcome: RFM.Outcome, source: String, table: String, transactions: Int) -> RfmSummary {
        let segments = outcome.table["rfm_segment"]!
        let customers = outcome.table.rowCount
        var counts: [String: Int] = [:]
        for row in 0..<customers { counts[segments.string(at: row)!, default: 0] += 1 }
        let ordered = RFMScores.segmentNames.compactMap { name in
            counts[name].map { (name: name, customers: $0, share: Double($0) / Double(customers)) }
        }
        func median(_ column: String) -> Double { Statistics.median(outcome.table[column]!.numbers!) ?? .nan }
        return RfmSummary(
            source: source, table: table, customers: customers, transactions: transactions, usedRows: outcome.usedRows,
            leftOut: outcome.leftOut, referenceDate: CivilDate(dayNumber: outcome.referenceDate).isoString,
            referenceDateWasGiven: outcome.referenceDateWasGiven, countsInvoices: outcome.countsInvoices,
            segments: ordered, medians: (median("recency"), median("frequency"), median("monetary")))
    }
}

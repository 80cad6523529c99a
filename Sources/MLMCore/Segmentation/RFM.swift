/// RFM (recency, frequency, monetary) analysis of a transaction log: one row per customer.
///
/// - recency: whole days from the customer's last transaction to the reference date (an explicit
///   date, or the day after the last transaction in the log; never the clock, so a script gives
///   the same answer tomorrow);
/// - frequency: distinct invoices when an invoice column is given, else transactions (rows);
/// - monetary: the sum of the amounts.
///
/// Left out, and counted: rows without a customer key, without a date or without an amount;
/// cancellations (an invoice starting with "C", the Online Retail convention) and rows with a
/// negative amount (returns). Zero amounts (free items) are kept.
public enum RFM {
    public struct Input {
        public var customers: Column
        /// Day numbers (days since 1970-01-01, a time of day as a fraction), NaN when missing.
        public var dates: [Double]
        /// NaN when missing.
        public var amounts: [Double]
        public var invoices: Column?
        /// Day number of the reference date; nil for the day after the last transaction.
        public var referenceDate: Int?

        public init(customers: Column, dates: [Double], amounts: [Double], invoices: Column? = nil, referenceDate: Int? = nil) {
            self.customers = customers
            self.dates = dates
            self.amounts = amounts
            self.invoices = invoices
            self.referenceDate = referenceDate
        }
    }

    public struct LeftOut: Sendable, Equatable {
        public var missingCustomer = 0
        public var missingDate = 0
        public var missingAmount = 0
        public var cancelled = 0
        public var negativeAmount = 0
        public var total: Int { missingCustomer + missingDate + missingAmount + cancelled + negativeAmount }
    }

    public struct Outcome: Sendable {
        /// customer, recency, frequency, monetary, r_score, f_score, m_score, rfm, rfm_segment.
        public let table: DataFrame
        public let referenceDate: Int
        public let referenceDateWasGiven: Bool
        public let usedRows: Int
        public let leftOut: LeftOut
        /// Whether frequency counts distinct invoices (true) or rows.
        public let countsInvoices: Bool
    }

    public static func analyse(_ input: Input) throws(ModelError) -> Outcome {
        let n = input.customers.count
        guard input.dates.count == n, input.amounts.count == n, input.invoices.map({ $0.count == n }) ?? true else {
            throw ModelError("rfm needs the customer, date, amount and invoice columns to have the same number of rows")
        }
        let keys = RFMCustomerKeys(input.customers)
        let invoiceKeys = input.invoices.map(RFMInvoiceKeys.init)
        var leftOut = LeftOut()
        var totals = RFMTotals(customers: keys.count)
        for row in 0..<n {
            guard let customer = keys.index(row) else { leftOut.missingCustomer += 1; continue }
            let date = input.dates[row], amount = input.amounts[row]
            if date.isNaN { leftOut.missingDate += 1; continue }
            if amount.isNaN { leftOut.missingAmount += 1; continue }
            if invoiceKeys?.isCancellation(row) == true { leftOut.cancelled += 1; continue }
            if amount < 0 { leftOut.negativeAmount += 1; continue }
            totals.add(customer: customer, day: date.rounded(.down), amount: amount, invoice: invoiceKeys?.key(row))
        }
        let used = n - leftOut.total
        guard used > 0 else {
            throw ModelError("rfm found no usable transactions: \(ValueText.counted(n, "row")), all left out (\(describe(leftOut)))")
        }
        let lastDay = Int(totals.lastDays.filter { $0.isFinite }.max()!)
        let reference = input.referenceDate ?? lastDay + 1
        let table = RFMTable.build(keys: keys, totals: totals, reference: reference, customers: input.customers)
        return Outcome(table: table, referenceDate: reference, referenceDateWasGiven: input.referenceDate != nil,
                       usedRows: used, leftOut: leftOut, countsInvoices: input.invoices != nil)
    }

    /// The rows left out, counted, for the step's output and its error alike.
    public static func describe(_ leftOut: LeftOut) -> String {
        var parts: [String] = []
        if leftOut.missingCustomer > 0 { parts.append("\(ValueText.counted(leftOut.missingCustomer, "row")) without a customer") }
        if leftOut.missingDate > 0 { parts.append("\(ValueText.counted(leftOut.missingDate, "row")) without a date") }
        if leftOut.missingAmount > 0 { parts.append("\(ValueText.counted(leftOut.missingAmount, "row")) without an amount") }
        if leftOut.cancelled > 0 { parts.append("\(ValueText.counted(leftOut.cancelled, "cancellation")) (invoice starting with C)") }
        if leftOut.negativeAmount > 0 { parts.append("\(ValueText.counted(leftOut.negativeAmount, "row")) with a negative amount") }
        return parts.joined(separator: ", ")
    }
}

/// Per customer: last transaction day, distinct invoices or rows, and amount.
struct RFMTotals {
    var lastDays: [Double]
    var transactions: [Int]
    var monetary: [Double]
    private var invoices = Set<RFMInvoicePair>()

    init(customers: Int) {
        lastDays = [Double](repeating: -.infinity, count: customers)
        transactions = [Int](repeating: 0, count: customers)
        monetary = [Double](repeating: 0, count: customers)
    }

    mutating func add(customer: Int, day: Double, amount: Double, invoice: UInt64?) {
        lastDays[customer] = max(lastDays[customer], day)
        monetary[customer] += amount
        if let invoice {
            if invoices.insert(RFMInvoicePair(customer: Int32(customer), invoice: invoice)).inserted {
                transactions[customer] += 1
            }
        } else {
            transactions[customer] += 1
        }
    }
}

struct RFMInvoicePair: Hashable {
    let customer: Int32
    let invoice: UInt64
}

/// Dense customer indices in first-seen order, for string or number keys.
struct RFMCustomerKeys {
    private var indexOfRow: [Int32]
    /// Row of each customer's first appearance, to copy the key into the result.
    private(set) var firstRows: [Int] = []
    var count: Int { firstRows.count }

    init(_ column: Column) {
        indexOfRow = [Int32](repeating: -1, count: column.count)
        if let (codes, dictionary) = column.strings {
            var byCode = [Int32](repeating: -1, count: dictionary.count)
            for row in 0..<codes.count where codes[row] >= 0 {
                let code = Int(codes[row])
                if byCode[code] < 0 { byCode[code] = Int32(firstRows.count); firstRows.append(row) }
                indexOfRow[row] = byCode[code]
            }
        } else if let numbers = column.numbers {
            var byValue: [Double: Int32] = [:]
            for row in 0..<numbers.count where !numbers[row].isNaN {
                if let index = byValue[numbers[row]] {
                    indexOfRow[row] = index
                } else {
                    let index = Int32(firstRows.count)
                    byValue[numbers[row]] = index
                    firstRows.append(row)
                    indexOfRow[row] = index
                }
            }
        }
    }

    func index(_ row: Int) -> Int? {
        let index = indexOfRow[row]
        return index < 0 ? nil : Int(index)
    }
}

/// Invoice identities (string codes or number bits) and the cancellation mark.
struct RFMInvoiceKeys {
    private let codes: [Int32]?
    private let numbers: [Double]
    private let cancelledCodes: [Bool]

    init(_ column: Column) {
        codes = column.strings?.codes
        numbers = column.numbers ?? []
        cancelledCodes = column.strings?.dictionary.map { $0.hasPrefix("C") || $0.hasPrefix("c") } ?? []
    }

    func isCancellation(_ row: Int) -> Bool {
        guard let codes, codes[row] >= 0 else { return false }
        return cancelledCodes[Int(codes[row])]
    }

    /// A missing invoice counts as its own transaction (a key no other row has).
    func key(_ row: Int) -> UInt64 {
        if let codes { return codes[row] >= 0 ? UInt64(codes[row]) : (1 << 63) | UInt64(row) }
        let value = numbers[row]
        return value.isNaN ? (1 << 63) | UInt64(row) : value.bitPattern
    }
}

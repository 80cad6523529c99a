import Foundation
import Testing
@testable import MLMCore

@Suite struct RFMTests {
    /// A hand-made log: day numbers from 2024-01-01 (19723).
    static let jan1 = Double(CivilDate(year: 2024, month: 1, day: 1).dayNumber)

    func log() -> RFM.Input {
        let customers: [String?] = ["a", "a", "a", "b", "b", "c", nil, "d", "e", "e", "a"]
        let days: [Double] = [0, 10, 10, 3, 5, 1, 2, 9, 9.5, 4, 8].map { Self.jan1 + $0 }
        let amounts: [Double] = [10, 20, 5, 100, -30, 7, 50, 40, 60, 60, -5]
        let invoices: [String?] = ["1", "2", "2", "3", "C4", "5", "6", "7", "8", "9", "C10"]
        return RFM.Input(customers: Column(name: "customer", strings: customers), dates: days, amounts: amounts,
                         invoices: Column(name: "invoice", strings: invoices))
    }

    @Test func recencyFrequencyMonetaryFromAHandMadeLog() throws {
        let outcome = try RFM.analyse(log())
        #expect(outcome.referenceDate == Int(Self.jan1) + 11)
        #expect(outcome.leftOut.missingCustomer == 1)
        #expect(outcome.leftOut.cancelled == 2)
        #expect(outcome.usedRows == 8)
        let table = outcome.table
        #expect(table.columnNames == ["customer", "recency", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm", "rfm_segment"])
        #expect((0..<5).map { table["customer"]!.string(at: $0)! } == ["a", "b", "c", "d", "e"])
        #expect(table["recency"]!.numbers! == [1, 8, 10, 2, 2])   // e's latest is day 9.5 → day 9
        #expect(table["frequency"]!.numbers! == [2, 1, 1, 1, 2])  // invoice 2 has two lines
        #expect(table["monetary"]!.numbers! == [35, 100, 7, 40, 120])
    }

    @Test func quintileScoresGiveTiesTheSameScore() throws {
        #expect(RFMScores.scores([1, 2, 3, 4, 5], largerIsBetter: true) == [1, 2, 3, 4, 5])
        #expect(RFMScores.scores([5, 4, 3, 2, 1], largerIsBetter: false) == [1, 2, 3, 4, 5])
        #expect(RFMScores.scores([1, 1, 1, 2, 9], largerIsBetter: true) == [1, 1, 1, 4, 5])
        let outcome = try RFM.analyse(log())
        let table = outcome.table
        // recency 1, 8, 10, 2, 2: a best (5), d and e tie (3 = 1 + ⌊5·2/5⌋), b 2, c 1.
        #expect(table["r_score"]!.numbers! == [5, 2, 1, 3, 3])
        #expect(table["f_score"]!.numbers! == [4, 1, 1, 1, 4])
        #expect(table["m_score"]!.numbers! == [2, 4, 1, 3, 5])
        #expect((0..<5).map { table["rfm"]!.string(at: $0)! } == ["542", "214", "111", "313", "345"])
        #expect((0..<5).map { table["rfm_segment"]!.string(at: $0)! }
                == ["Champions", "Hibernating", "Lost", "About to sleep", "Loyal customers"])
    }

    @Test func segmentGridCoversEveryScorePair() {
        for r in 1...5 { for f in 1...5 { #expect(RFMScores.segmentNames.contains(RFMScores.segment(r: r, f: f))) } }
        #expect(RFMScores.segment(r: 5, f: 1) == "New customers")
        #expect(RFMScores.segment(r: 1, f: 5) == "Cannot lose them")
        #expect(RFMScores.segment(r: 2, f: 3) == "At risk")
        #expect(RFMScores.segment(r: 4, f: 3) == "Potential loyalists")
    }

    @Test func explicitReferenceDateAndRowsWithoutInvoices() throws {
        var input = log()
        input.invoices = nil
        input.referenceDate = Int(Self.jan1) + 31
        let outcome = try RFM.analyse(input)
        #expect(outcome.leftOut.negativeAmount == 2)
        #expect(outcome.table["recency"]!.numbers![0] == 21)
        #expect(outcome.table["frequency"]!.numbers! == [3, 1, 1, 1, 2])   // rows, not invoices
    }

    @Test func numericCustomerKeysAndNoUsableRows() throws {
        let input = RFM.Input(customers: Column(name: "id", type: .integer, numbers: [7, 7, .nan]),
                              dates: [1, 2, 3], amounts: [1, 2, 3])
        let outcome = try RFM.analyse(input)
        #expect(outcome.table["id"]!.numbers! == [7])
        #expect(outcome.table["monetary"]!.numbers! == [3])
        let empty = RFM.Input(customers: Column(name: "id", type: .integer, numbers: [.nan]), dates: [1], amounts: [1])
        #expect(throws: ModelError("rfm found no usable transactions: 1 row, all left out (1 row without a customer)")) {
            try RFM.analyse(empty)
        }
    }
}

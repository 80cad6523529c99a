import MLMCore
import Testing

/// The mask arithmetic behind "present values that became missing".
@Suite struct MissingMaskTests {
    @Test func subtractingKeepsOnlyRowsMarkedHereAlone() {
        // 130 rows, so the rows span three words of the packed bit set.
        let after = MissingMask((0..<130).map { $0 % 3 == 0 || $0 == 128 })
        let before = MissingMask((0..<130).map { $0 % 6 == 0 })
        let emptied = after.subtracting(before)
        #expect(emptied.count == 130)
        #expect((0..<130).filter { emptied[$0] } == (0..<130).filter { ($0 % 3 == 0 && $0 % 6 != 0) || $0 == 128 })
        #expect(emptied.missingCount == 22 + 1)
    }

    @Test func aShorterMaskTakesAwayNothingBeyondItsRows() {
        let after = MissingMask([true, true, true])
        #expect(after.subtracting(MissingMask([true])).missingCount == 2)
        #expect(after.subtracting(MissingMask(count: 0)) == after)
    }
}

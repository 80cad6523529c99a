import MLMCore
@testable import MLMRuntime
import Testing

/// Arithmetic whose result no cell can hold becomes missing, counted in rows, and says so.
@Suite struct ExpressionOverflowTests {
    private func frame() -> DataFrame {
        DataFrame(columns: [
            Column(name: "big", numbers: [.greatestFiniteMagnitude, 2, .nan, -1e308]),
            Column(name: "a", numbers: [1e300, 2, 3, 710]),
            Column(name: "d", type: .date, numbers: [CivilDate.validDayNumbers.upperBound - 0.5, 0, .nan, -719_162]),
            Column(name: "n", type: .integer, numbers: [4_503_599_627_370_496, 3, 1, 0]),
        ])
    }

    @Test func overflowBecomesMissingWithACountedWarning() throws {
        let (sum, warnings) = try evaluate("big * 10", in: frame())
        // Row 3 was missing already and is not counted; row 4 overflows to -inf.
        #expect(values(sum) == [nil, 20, nil, nil])
        #expect(warnings == ["2 rows overflowed (a result beyond the largest number, about ±1.8e308) and are missing"])
    }

    @Test func aRowLostTwiceCountsOnce() throws {
        let (value, warnings) = try evaluate("big * big + exp(a)", in: frame())
        #expect(values(value) == [nil, 4 + 7.38905609893065, nil, nil])
        #expect(warnings == ["2 rows overflowed (a result beyond the largest number, about ±1.8e308) and are missing"])
    }

    @Test func resultsWithoutAValueAreMissingAndSaidSo() throws {
        let (root, warnings) = try evaluate("(0 - a) ^ 0.5", in: frame())
        #expect(values(root) == [nil, nil, nil, nil])
        #expect(warnings == ["4 rows had no numeric result (such as a negative number to a fractional power) and are missing"])
    }

    @Test func aMissingValueToThePowerZeroStaysMissing() throws {
        // IEEE pow gives 1 for pow(nan, 0): a missing value must not become 1.
        let (power, warnings) = try evaluate("big ^ 0", in: frame())
        #expect(values(power) == [1, 1, nil, 1])
        #expect(warnings.isEmpty)
    }

    @Test func divisionByZeroIsCountedInRows() throws {
        let (ratio, warnings) = try evaluate("a / (n - n)", in: frame())
        #expect(values(ratio) == [nil, nil, nil, nil])
        #expect(warnings == ["4 rows were divided by zero and are missing"])
        let (tiny, overflow) = try evaluate("a / 1e-300", in: frame())
        #expect(values(tiny).map { $0 == nil } == [true, false, false, false])
        #expect(overflow.count == 1 && overflow[0].hasPrefix("1 row overflowed"))
    }

    @Test func datesMovedOutOfTheCalendarAreCounted() throws {
        let (later, warnings) = try evaluate("d + 1", in: frame())
        #expect(values(later) == [nil, 1, nil, -719_161])
        #expect(warnings == ["1 row gave a date outside 0001-01-01 to 9999-12-31 and is missing"])
        let (earlier, _) = try evaluate("d - 1", in: frame())
        #expect(values(earlier)[3] == nil)
        let (years, none) = try evaluate("year(d)", in: frame())
        #expect(values(years) == [9999, 1970, nil, 1])
        #expect(none.isEmpty)
    }

    @Test func roundingHugeValuesKeepsThem() throws {
        let (rounded, warnings) = try evaluate("round(big, 2)", in: frame())
        #expect(values(rounded) == [.greatestFiniteMagnitude, 2, nil, -1e308])
        #expect(warnings.isEmpty)
        let (manyDigits, _) = try evaluate("round(a / 7, 400)", in: frame())
        #expect(values(manyDigits)[1] == 2.0 / 7)
        let (noDigits, _) = try evaluate("round(a, -400)", in: frame())
        #expect(values(noDigits) == [0, 0, 0, 0])
    }

    @Test func integerResultsBeyondTheExactRangeBecomeNumbers() throws {
        let (doubled, _) = try evaluate("n * 2", in: frame())
        #expect(doubled.type == .number)
        let (small, _) = try evaluate("n - 1", in: frame())
        #expect(small.type == .integer)
        let (literal, _) = try evaluate("100000000000000000000", in: frame())
        #expect(literal.type == .number)
    }

    @Test func inTheBranchesOfIfLostCellsAreNotCounted() throws {
        // Rows 1 and 4 compute big * 10 but take the other branch: nothing to warn about.
        let (value, warnings) = try evaluate("if(big > 1e300 or big < -1e300, 0, big * 10)", in: frame())
        #expect(values(value) == [0, 20, nil, 0])
        #expect(warnings.isEmpty)
    }

    @Test func inTheChosenBranchOfIfLostCellsAreCounted() throws {
        // Row 1 chooses big * 10, which overflows; row 2 chooses it and keeps 20; row 4 takes 0.
        let (value, warnings) = try evaluate("if(big > 1, big * 10, 0)", in: frame())
        #expect(values(value) == [nil, 20, nil, 0])
        #expect(warnings == ["1 row overflowed (a result beyond the largest number, about ±1.8e308) and is missing"])
        // Nested: only the innermost chosen branch loses the row.
        let (nested, inner) = try evaluate("if(a > 0, if(a > 700, exp(a), 1), log(a))", in: frame())
        #expect(values(nested) == [nil, 1, 1, nil])
        #expect(inner == ["2 rows overflowed (a result beyond the largest number, about ±1.8e308) and are missing"])
    }

    @Test func theFeatureStepNamesTheColumn() throws {
        let csv = "x\n1e308\n2\n"
        let run = try runScript("load \"t.csv\" as t\nfeature t:\n    y = x * 10\n", files: ["t.csv": csv])
        #expect(run.error == nil)
        #expect(run.outputs.last?.warnings == ["1 row of 'y' overflowed (a result beyond the largest number, about ±1.8e308) and is missing"])
    }
}

import Testing
@testable import MLMCore

/// How table columns become model inputs: medians and missing flags for numbers, one 0/1 input
/// per training category, text and huge categories left out with a reason.
@Suite struct FeatureEncodingTests {
    func table() -> DataFrame {
        DataFrame(columns: [
            Column(name: "age", type: .integer, numbers: [30, .nan, 50, 40]),
            Column(name: "plan", type: .category, strings: ["gold", "basic", nil, "basic"]),
            Column(name: "note", type: .text, strings: ["a", "b", "c", "d"]),
            Column(name: "vip", type: .boolean, numbers: [1, 0, 0, 1]),
        ])
    }

    @Test func learnsMediansLevelsAndLeavesTextOut() {
        let encoding = FeatureEncoding.fit(table(), columns: ["age", "plan", "note", "vip"], rows: [0, 1, 2, 3])
        #expect(encoding.outputNames == ["age", "age is missing", "plan=basic", "plan=gold", "vip"])
        #expect(encoding.inputs[0] == .number(column: "age", fill: 40, missingIndicator: true))
        #expect(encoding.leftOut.map(\.column) == ["note"])
        #expect(encoding.requiredColumns == ["age", "plan", "vip"])
    }

    @Test func fitsOnTrainingRowsOnly() {
        // Rows 0 and 3 only: age has no missing value there, median (30 + 40) / 2 = 35.
        let encoding = FeatureEncoding.fit(table(), columns: ["age", "plan"], rows: [0, 3])
        #expect(encoding.inputs[0] == .number(column: "age", fill: 35, missingIndicator: false))
        #expect(encoding.inputs[1] == .category(column: "plan", levels: ["basic", "gold"]))
    }

    @Test func transformsWithFillsIndicatorsAndCounts() throws {
        let encoding = FeatureEncoding.fit(table(), columns: ["age", "plan", "vip"], rows: [0, 1, 2, 3])
        let (x, report) = try encoding.transform(table())
        #expect(x.rows == 4 && x.columns == 5)
        #expect(Array(x.column(0)) == [30, 40, 50, 40])
        #expect(Array(x.column(1)) == [0, 1, 0, 0])
        #expect(Array(x.column(2)) == [0, 1, 0, 1])
        #expect(Array(x.column(3)) == [1, 0, 0, 0])
        #expect(report.filledNumbers.first?.cells == 1)
        #expect(report.missingCategories.first?.cells == 1)
    }

    @Test func unseenCategoriesAreZerosAndCounted() throws {
        let encoding = FeatureEncoding.fit(table(), columns: ["plan"], rows: [0, 1])
        let new = DataFrame(columns: [Column(name: "plan", type: .category, strings: ["platinum", "gold", "platinum"])])
        let (x, report) = try encoding.transform(new)
        #expect(Array(x.column(0)) == [0, 0, 0])
        #expect(Array(x.column(1)) == [0, 1, 0])
        #expect(report.unseenCategories.first?.cells == 2)
        #expect(report.unseenCategories.first?.examples == ["platinum"])
    }

    @Test func missingOrRetypedColumnIsAClearError() {
        let encoding = FeatureEncoding.fit(table(), columns: ["age", "plan"], rows: [0, 1, 2, 3])
        let withoutAge = DataFrame(columns: [Column(name: "plan", type: .category, strings: ["gold"])])
        #expect(throws: ModelError("the table has no column 'age', which the model needs")) {
            try encoding.transform(withoutAge)
        }
        let ageAsText = DataFrame(columns: [Column(name: "age", type: .category, strings: ["old"]),
                                            Column(name: "plan", type: .category, strings: ["gold"])])
        #expect(throws: ModelError("column 'age' holds text, but the model was trained on numbers in it")) {
            try encoding.transform(ageAsText)
        }
    }
}

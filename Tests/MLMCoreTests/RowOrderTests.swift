import Testing
@testable import MLMCore

/// `sort` and `show … order by`: stable, missing last in either direction, several keys, and
/// the documented order of every column type.
@Suite("row order")
struct RowOrderTests {
    private func order(_ columns: [Column], _ keys: [SortKey]) throws -> [Int] {
        try DataFrame(columns: columns).rowOrder(by: keys)
    }

    @Test func equalKeysKeepTheirOrderInBothDirections() throws {
        let score = PrepTables.numbers("score", [2, 1, 2, 1, 2])
        #expect(try order([score], [SortKey("score")]) == [1, 3, 0, 2, 4])
        // Descending is not the ascending order reversed: ties stay first-come first.
        #expect(try order([score], [SortKey("score", descending: true)]) == [0, 2, 4, 1, 3])
    }

    @Test func missingValuesComeLastWhateverTheDirection() throws {
        let numbers = PrepTables.numbers("x", [3, nil, 1, nil, 2])
        #expect(try order([numbers], [SortKey("x")]) == [2, 4, 0, 1, 3])
        #expect(try order([numbers], [SortKey("x", descending: true)]) == [0, 4, 2, 1, 3])
        let labels = PrepTables.strings("name", ["b", nil, "a", "c", nil])
        #expect(try order([labels], [SortKey("name")]) == [2, 0, 3, 1, 4])
        #expect(try order([labels], [SortKey("name", descending: true)]) == [3, 0, 2, 1, 4])
    }

    @Test func nanIsMissingAndMinusZeroEqualsZero() throws {
        let column = Column(name: "x", numbers: [0, .nan, -0.0, -1, 0])
        #expect(column.missingCount == 1)
        // -0 and 0 are one value: they keep their row order.
        #expect(try order([column], [SortKey("x")]) == [3, 0, 2, 4, 1])
        #expect(try order([column], [SortKey("x", descending: true)]) == [0, 2, 4, 3, 1])
    }

    @Test func laterKeysOrderTheTiesOfEarlierOnes() throws {
        let plan = PrepTables.strings("plan", ["pro", "basic", "pro", "basic", nil, "pro"])
        let revenue = PrepTables.numbers("revenue", [10, 5, 30, nil, 1, 30])
        let keys = [SortKey("plan"), SortKey("revenue", descending: true)]
        // basic: 5, missing; pro: 30, 30 (row order), 10; then the row with no plan.
        #expect(try order([plan, revenue], keys) == [1, 3, 2, 5, 0, 4])
    }

    @Test func eachTypeInItsDocumentedOrder() throws {
        let integers = PrepTables.numbers("n", [10, -3, 7], type: .integer)
        #expect(try order([integers], [SortKey("n")]) == [1, 2, 0])
        let flags = PrepTables.numbers("flag", [1, 0, 1, 0], type: .boolean)
        #expect(try order([flags], [SortKey("flag")]) == [1, 3, 0, 2])
        let dates = PrepTables.dates("signup", ["2024-03-01", "2023-12-31", "2024-01-15"])
        #expect(try order([dates], [SortKey("signup")]) == [1, 2, 0])
        #expect(try order([dates], [SortKey("signup", descending: true)]) == [0, 2, 1])
        // Categories by label, not by the order their values were first seen in.
        let plans = PrepTables.strings("plan", ["pro", "basic", "enterprise"])
        #expect(try order([plans], [SortKey("plan")]) == [1, 2, 0])
        // Text by code point: digits, capitals, small letters, then accented letters.
        let names = PrepTables.strings("name", ["adam", "Zoe", "émile", "zara", "42", "Adam"], type: .text)
        let sorted = try order([names], [SortKey("name")]).map { ["adam", "Zoe", "émile", "zara", "42", "Adam"][$0] }
        #expect(sorted == ["42", "Adam", "Zoe", "adam", "zara", "émile"])
    }

    @Test func oneLabelHoweverItsAccentIsTyped() throws {
        // "é" as one scalar and as "e" + combining accent: equal labels, so row order decides.
        let names = Column(name: "name", type: .text, codes: [0, 1, 2, 0], dictionary: ["e\u{301}", "f", "\u{e9}"])
        #expect(try order([names], [SortKey("name")]) == [1, 0, 2, 3])
    }

    @Test func agreesWithAStableComparisonSortOnRandomTables() throws {
        var generator = SeededGenerator(seed: 24)
        for round in 0..<6 {
            let n = round < 3 ? 40 : 3_000  // short tables and ones long enough for every radix pass
            func maybe<T>(_ value: T) -> T? { generator.nextUnit() < 0.1 ? nil : value }
            let small = (0..<n).map { _ in maybe(Double(Int(generator.nextUnit() * 5))) }
            let wide = (0..<n).map { _ in maybe((generator.nextUnit() - 0.5) * 1e9) }
            let labels = ["b", "A", "a", "é", "B", "10", "9"]
            let text = (0..<n).map { _ in maybe(labels[Int(generator.nextUnit() * Double(labels.count))]) }
            let columns = [PrepTables.numbers("small", small, type: .integer), PrepTables.numbers("wide", wide),
                           PrepTables.strings("label", text)]
            let keys = [SortKey("label", descending: round % 2 == 0), SortKey("small", descending: true), SortKey("wide")]
            let expected = (0..<n).sorted { a, b in
                for key in keys {
                    let c = compare(key, a, b, small: small, wide: wide, text: text)
                    if c != 0 { return c < 0 }
                }
                return a < b
            }
            #expect(try order(columns, keys) == expected, "round \(round)")
        }
    }

    /// The documented rule, written as a comparison: missing last, then the value in the key's
    /// direction.
    private func compare(_ key: SortKey, _ a: Int, _ b: Int, small: [Double?], wide: [Double?], text: [String?]) -> Int {
        func rank<T: Comparable>(_ x: T?, _ y: T?) -> Int {
            switch (x, y) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case let (x?, y?): return x == y ? 0 : ((x < y) != key.descending ? -1 : 1)
            }
        }
        switch key.column {
        case "small": return rank(small[a], small[b])
        case "wide": return rank(wide[a], wide[b])
        default: return rank(text[a], text[b])
        }
    }

    @Test func sortMovesRolesWithTheirRowsAndKeepsThePreparation() throws {
        var frame = DataFrame(columns: [PrepTables.numbers("score", [0.2, 0.9, 0.5, 0.7]),
                                        PrepTables.strings("id", ["a", "b", "c", "d"], type: .text)])
        frame.roles = [.train, .test, .train, .validation]
        frame.preparation = [.standardize(column: "score", mean: 1, standardDeviation: 2)]
        let moved = try frame.sort(by: [SortKey("score", descending: true)])
        #expect(moved == 3)  // row 2 stays third
        #expect(PrepTables.texts(frame, "id") == ["b", "d", "c", "a"])
        #expect(frame.roles == [.test, .validation, .train, .train])
        #expect(frame.preparation == [.standardize(column: "score", mean: 1, standardDeviation: 2)])
        // Sorting again by the same key moves nothing.
        #expect(try frame.sort(by: [SortKey("score", descending: true)]) == 0)
    }

    @Test func orderAmongSomeRowsKeepsOnlyThose() throws {
        let frame = DataFrame(columns: [PrepTables.numbers("x", [5, 4, 3, 2, 1])])
        #expect(try frame.rowOrder(by: [SortKey("x")], among: [0, 2, 4]) == [4, 2, 0])
        #expect(try frame.rowOrder(by: [SortKey("x")], among: []) == [])
    }

    @Test func anUnknownColumnIsAnError() {
        let frame = DataFrame(columns: [PrepTables.numbers("x", [1])])
        #expect(PrepTables.message { _ = try frame.rowOrder(by: [SortKey("y")]) } == "there is no column 'y'")
    }

    @Test func aKeyHasADifferentValueOnEveryRow() {
        #expect(PrepTables.strings("id", ["a", "b", "c"], type: .text).isKey)
        #expect(!PrepTables.strings("id", ["a", "b", "a"], type: .text).isKey)
        #expect(!PrepTables.strings("id", ["a", nil, "c"], type: .text).isKey)
        #expect(PrepTables.numbers("id", [3, 1, 2], type: .integer).isKey)
        #expect(!PrepTables.numbers("x", [0.5, 1, 2]).isKey)
        #expect(!PrepTables.numbers("x", [1], type: .integer).isKey)
        // Two dictionary entries spelling one label, and unused entries after a filter.
        #expect(!Column(name: "id", type: .text, codes: [0, 1], dictionary: ["a", "a"]).isKey)
        #expect(Column(name: "id", type: .text, codes: [2, 0], dictionary: ["a", "b", "c"]).isKey)
    }

    @Test func theIdColumnIsTheFirstKeyOfALabelOrIntegerType() {
        let frame = DataFrame(columns: [PrepTables.numbers("score", [0.1, 0.2, 0.3]),
                                        PrepTables.numbers("day", [1, 2, 3], type: .integer),
                                        PrepTables.strings("email", ["a@x", "b@x", "c@x"], type: .text)])
        #expect(frame.idColumn()?.name == "day")
        #expect(frame.idColumn(excluding: ["day"])?.name == "email")
        #expect(frame.idColumn(excluding: ["day", "email"]) == nil)
    }
}

import Testing
@testable import MLMCore

@Suite("split")
struct SplitTests {
    private func table(_ rows: Int) -> DataFrame {
        DataFrame(columns: [PrepTables.numbers("id", (0..<rows).map { Double($0) })])
    }

    private func count(_ roles: [RowRole]?, _ role: RowRole) -> Int {
        (roles ?? []).filter { $0 == role }.count
    }

    @Test func cutsShuffledRowsByRoundedRunningShares() throws {
        var frame = table(10)
        let counts = try frame.split([(.train, 0.7), (.test, 0.3)], stratifyBy: nil, seed: 42)
        #expect(counts.map(\.role) == [.train, .test])
        #expect(counts.map(\.rows) == [7, 3])
        #expect(count(frame.roles, .train) == 7)
        #expect(frame.fittingRows.count == 7)
        // Running shares 0.45 → 4.5 rounds to 5, 0.55 → 5.5 rounds to 6: 5, 1, 4 rows.
        var three = table(10)
        let parts = try three.split([(.train, 0.45), (.validation, 0.1), (.test, 0.45)], stratifyBy: nil, seed: 1)
        #expect(parts.map(\.rows) == [5, 1, 4])
    }

    @Test func sameSeedSameRolesOtherSeedOtherRoles() throws {
        var first = table(200)
        var second = table(200)
        var third = table(200)
        _ = try first.split([(.train, 0.8), (.test, 0.2)], stratifyBy: nil, seed: 7)
        _ = try second.split([(.train, 0.8), (.test, 0.2)], stratifyBy: nil, seed: 7)
        _ = try third.split([(.train, 0.8), (.test, 0.2)], stratifyBy: nil, seed: 8)
        #expect(first.roles == second.roles)
        #expect(first.roles != third.roles)
        // A shuffle, not the first 160 rows.
        #expect(first.roles != Array(repeating: .train, count: 160) + Array(repeating: .test, count: 40))
    }

    @Test func stratifiedSplitKeepsEachClassShare() throws {
        // 10 "yes" and 90 "no": 80/20 gives 8/2 of the yes rows and 72/18 of the no rows.
        let labels = Array(repeating: "yes", count: 10) + Array(repeating: "no", count: 90)
        var frame = DataFrame(columns: [PrepTables.strings("churn", labels)])
        let counts = try frame.split([(.train, 0.8), (.test, 0.2)], stratifyBy: "churn", seed: 3)
        #expect(counts.map(\.rows) == [80, 20])
        let roles = frame.roles ?? []
        #expect(roles[0..<10].filter { $0 == .test }.count == 2)
        #expect(roles[10...].filter { $0 == .test }.count == 18)
    }

    @Test func missingIsAClassAndTinyClassesStillAddUp() throws {
        // Three classes of 5 (a, b, missing), 60/20/20: every class gives 3/1/1.
        let labels: [String?] = Array(repeating: "a", count: 5) + Array(repeating: "b", count: 5) + Array(repeating: nil, count: 5)
        var frame = DataFrame(columns: [PrepTables.strings("group", labels)])
        let counts = try frame.split([(.train, 0.6), (.validation, 0.2), (.test, 0.2)], stratifyBy: "group", seed: 9)
        #expect(counts.map(\.rows) == [9, 3, 3])
        let roles = frame.roles ?? []
        #expect(roles[10...].filter { $0 == .train }.count == 3)
        // Ten classes of one row, 80/20: leftovers are shared by remainder across classes.
        var singles = DataFrame(columns: [PrepTables.numbers("id", (0..<10).map { Double($0) })])
        let singleCounts = try singles.split([(.train, 0.8), (.test, 0.2)], stratifyBy: "id", seed: 5)
        #expect(singleCounts.map(\.rows) == [8, 2])
    }

    @Test func largestRemainderAllocation() {
        var credit = [0.0, 0.0, 0.0]
        // 7 rows at 50/25/25: quotas 3.5, 1.75, 1.75 → floors 3, 1, 1; the two leftovers go to
        // the larger remainders 0.75 and 0.75, not to the 0.5 of train.
        #expect(DataFrame.allocate(7, weights: [0.5, 0.25, 0.25], credit: &credit) == [3, 2, 2])
        #expect(credit == [0.5, -0.25, -0.25])
        // The next class of 2 (quotas 1, 0.5, 0.5): train is owed 0.5 but has no remainder of
        // its own, so it keeps 1; validation and test tie at 0.5 − 0.25 → the earlier role.
        #expect(DataFrame.allocate(2, weights: [0.5, 0.25, 0.25], credit: &credit) == [1, 1, 0])
    }

    @Test func resplittingReplacesRolesAndRolesKeepLearningOnTrain() throws {
        var frame = table(20)
        _ = try frame.split([(.train, 0.5), (.test, 0.5)], stratifyBy: nil, seed: 1)
        _ = try frame.split([(.train, 0.75), (.test, 0.25)], stratifyBy: nil, seed: 2)
        #expect(count(frame.roles, .train) == 15)
        #expect(frame.roles?.count == 20)
    }

    @Test func sharesAreChecked() {
        var frame = table(10)
        let split = { (shares: [(role: RowRole, share: Double)]) in
            PrepTables.message { _ = try frame.split(shares, stratifyBy: nil, seed: 1) }
        }
        #expect(split([(.train, 0.6), (.test, 0.3)]) == "the shares add up to 90%; they must add up to 100%")
        #expect(split([(.train, 0.5), (.train, 0.5)]) == "the role 'train' appears twice in the split; give each role once")
        #expect(split([(.validation, 0.5), (.test, 0.5)]) == "a split needs a 'train' share, for the rows a model learns from")
        #expect(split([(.train, 1.2), (.test, -0.2)]) == "the share of 'test' must be more than 0%, not -20%")
        #expect(split([(.train, 0.7), (.test, 0.3)]) == nil)
        #expect(frame.roles != nil)
    }

    @Test func emptyTablesAndUnknownStrataAreErrors() {
        var empty = DataFrame(columns: [PrepTables.numbers("id", [])])
        #expect(PrepTables.message { _ = try empty.split([(.train, 1)], stratifyBy: nil, seed: 1) }
            == "the table has no rows to split")
        var frame = table(4)
        #expect(PrepTables.message { _ = try frame.split([(.train, 1)], stratifyBy: "churm", seed: 1) }
            == "there is no column 'churm'")
        #expect(frame.roles == nil)
    }
}

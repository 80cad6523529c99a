import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Mutated scripts go through parse, check and run against small data: every outcome must be a
/// result or a diagnostic. A Swift trap anywhere would crash this test process.
@Suite struct RuntimeFuzzTests {
    static let seedScript = """
        load "c.csv" as c
        describe c
        clean c:
            drop duplicates
            replace "unknown" with missing in country
            fill revenue with median
            clip revenue at 5% and 95%
            remove outliers in visits by zscore 2
            trim country
        split c into train 60%, test 40% stratify by plan seed 3
        feature c:
            per_visit = if(visits > 0, revenue / visits, missing)
            band = bin revenue at 10, 100
            q = bin visits into 3 quantiles
            days = days_between(signup, "2024-01-01")
            onehot plan, country
            standardize visits
            normalize revenue
            log per_visit
            extract year, weekday from signup
        show c where per_visit > 1 and country_uk = 1 limit 3
        """

    static let csv = """
        id,signup,country,revenue,visits,plan
        1,2023-01-05,UK,120.5,3,basic
        2,2023-02-11,DE,80,1,premium
        3,2023-02-11,unknown,,5,basic
        4,2023-03-20,FR,300.25,8,premium
        5,2023-04-02,UK,45,2,basic
        6,2023-04-02,DE,0,0,basic
        6,2023-04-02,DE,0,0,basic

        """

    @Test func seedScriptRunsCleanly() throws {
        let run = try runScript(RuntimeFuzzTests.seedScript, files: ["c.csv": RuntimeFuzzTests.csv])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        #expect(run.error == nil, "\(run.error?.diagnostic.message ?? "")")
        #expect(run.outputs.count == 6)
    }

    @Test func mutatedScriptsNeverCrash() throws {
        var random = SeededGenerator(seed: 11)
        let lines = RuntimeFuzzTests.seedScript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fragments = ["%", "missing", "\"", "(", ")", ",", ":", "    ", "0", "-1", "1e308", "[", "]", "=", "and",
                         "not", "in", "`x`", "by", "at", "where", "limit 0", "100%", "..", "#"]
        for _ in 0..<150 {
            var mutated = lines
            for _ in 0..<(1 + random.nextInt(below: 3)) {
                let row = random.nextInt(below: mutated.count)
                var words = mutated[row].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                let position = random.nextInt(below: words.count + 1)
                switch random.nextInt(below: 4) {
                case 0: words.insert(fragments[random.nextInt(below: fragments.count)], at: position)
                case 1: if !words.isEmpty { words.remove(at: min(position, words.count - 1)) }
                case 2: mutated.swapAt(row, random.nextInt(below: mutated.count))
                default: mutated.insert(mutated[row], at: row)
                }
                if !words.isEmpty, row < mutated.count { mutated[row] = words.joined(separator: " ") }
            }
            _ = try runScript(mutated.joined(separator: "\n"), files: ["c.csv": RuntimeFuzzTests.csv])
        }
    }
}

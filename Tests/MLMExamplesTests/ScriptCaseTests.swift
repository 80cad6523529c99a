import Foundation
import Testing

/// Small scripts under Cases/ that exercise errors and edge cases. Each `x.mlm` has an
/// `x.expected` file with the exit status, standard output and standard error of `mlm run`.
/// Set MLM_RECORD=1 to rewrite the expected files after an intended change.
@Suite(.serialized) struct ScriptCaseTests {
    static let casesDirectory = CommandRunner.repositoryRoot.appendingPathComponent("Tests/MLMExamplesTests/Cases")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".mlm") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test(arguments: ScriptCaseTests.cases)
    func caseTranscriptMatches(_ name: String) throws {
        let result = try CommandRunner.run(["run", "\(name).mlm"], in: ScriptCaseTests.casesDirectory)
        let expected = ScriptCaseTests.casesDirectory.appendingPathComponent("\(name).expected")
        if let difference = try CommandRunner.compare(result.transcript, withFile: expected) {
            Issue.record("transcript of \(name) differs:\n\(difference)")
        }
    }

    /// Cases named `types_check_*` hold type errors found before running: `mlm check` must stop
    /// with the same words, place and exit status as `mlm run` (CheckerTypeRuleTests shows the
    /// step gives the same error when it runs without the check).
    @Test(arguments: ScriptCaseTests.cases.filter { $0.hasPrefix("types_check_") })
    func checkStopsWithTheErrorsOfRun(_ name: String) throws {
        let run = try CommandRunner.run(["run", "\(name).mlm"], in: ScriptCaseTests.casesDirectory)
        let check = try CommandRunner.run(["check", "\(name).mlm"], in: ScriptCaseTests.casesDirectory)
        #expect(run.status == 65, "\(name): \(run.stderr)")
        #expect(check.status == run.status, "\(name)")
        #expect(check.stderr == run.stderr, "\(name)")
        #expect(check.stdout.isEmpty && run.stdout.isEmpty, "\(name)")
    }

    @Test func everyErrorNamesFileLineAndColumnWithACaret() throws {
        for name in ["typo_column", "typo_step", "several_syntax_errors", "wrong_types", "ragged_rows",
                     "lost_replace_wipes_column", "lost_derive_wipes_column", "lost_check_constant_zero"] {
            let result = try CommandRunner.run(["run", "\(name).mlm"], in: ScriptCaseTests.casesDirectory)
            #expect(result.stderr.contains("\(name).mlm:"), "\(name)")
            #expect(result.stderr.contains("^"), "\(name)")
            #expect(result.status != 0)
        }
    }

    @Test func exitCodesFollowTheDocumentedTable() throws {
        let expectations: [(String, Int32)] = [
            ("typo_column", 65), ("typo_step", 65), ("missing_file", 66), ("ragged_rows", 66),
            ("constant_column", 70), ("overwrite_input", 65), ("filters_and_functions", 0),
            ("lost_replace_wipes_column", 70), ("lost_derive_wipes_column", 70), ("lost_check_constant_zero", 65),
            ("lost_feature_counts", 0),
        ]
        for (name, status) in expectations {
            let result = try CommandRunner.run(["run", "\(name).mlm"], in: ScriptCaseTests.casesDirectory)
            #expect(result.status == status, "\(name): \(result.stderr)")
        }
        let missingScript = try CommandRunner.run(["run", "no_such_script.mlm"], in: ScriptCaseTests.casesDirectory)
        #expect(missingScript.status == 66)
        let badUsage = try CommandRunner.run(["run"], in: ScriptCaseTests.casesDirectory)
        #expect(badUsage.status == 64)
    }

    /// `mlm check` refuses what the run would refuse about a load's options, in the same words.
    @Test func checkRefusesBadLoadOptionsLikeRun() throws {
        let run = try CommandRunner.run(["run", "corpus_files_load_options.mlm"], in: ScriptCaseTests.casesDirectory)
        let check = try CommandRunner.run(["check", "corpus_files_load_options.mlm"], in: ScriptCaseTests.casesDirectory)
        #expect(check.status == 65)
        #expect(check.status == run.status)
        #expect(check.stderr == run.stderr)
        #expect(check.stderr.contains("9 errors found before running"))
    }

    @Test func overwritingAnInputIsRefusedAndTheFileIsUntouched() throws {
        let input = ScriptCaseTests.casesDirectory.appendingPathComponent("data/customers.csv")
        let before = try Data(contentsOf: input)
        _ = try CommandRunner.run(["run", "overwrite_input.mlm"], in: ScriptCaseTests.casesDirectory)
        #expect(try Data(contentsOf: input) == before)
    }
}

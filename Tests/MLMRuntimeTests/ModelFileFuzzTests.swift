import Foundation
@testable import MLMCore
@testable import MLMRuntime
import MLMSyntax
import Testing

/// Edited model files through `load model` + `predict`, for every kind of model mlm saves: with
/// the digest mlm wrote, every result is the same scores bit for bit (the edit left the content
/// as it was: reordered keys, other whitespace) or a clean error; with the digest recomputed, or
/// with `trust_edits`, the validation alone stands between the file and the scores, and every
/// result is still scores or a clean error, never a trap. The models are trained once; the loop
/// only decodes and scores eight rows.
@Suite(.serialized) struct ModelFileFuzzTests {
    /// Edits per model kind in CI; `MLM_FUZZ_EDITS` raises it for a longer hunt.
    static let editsPerKind = ProcessInfo.processInfo.environment["MLM_FUZZ_EDITS"].flatMap(Int.init) ?? 120

    static let kinds: [(file: String, step: String)] = [
        ("logistic", #"model logistic = train logistic on t target bought = "yes""#),
        ("logistic_classes", "model logistic_classes = train logistic on t target tier"),
        ("linear", "model linear = train linear on t target spend"),
        ("ridge", "model ridge = train ridge on t target spend with alpha 2"),
        ("decision_tree", #"model decision_tree = train decision_tree on t target bought = "yes" with depth 3"#),
        ("tree_numbers", "model tree_numbers = train decision_tree on t target spend with depth 2"),
        ("random_forest", "model random_forest = train random_forest on t target tier with trees 3, depth 3, seed 1"),
        ("gradient_boosting", #"model gradient_boosting = train gradient_boosting on t target bought = "yes" with trees 4"#),
        ("boosting_classes", "model boosting_classes = train gradient_boosting on t target tier with trees 2"),
        ("boosting_numbers", "model boosting_numbers = train gradient_boosting on t target spend with trees 3"),
        ("naive_bayes", "model naive_bayes = train naive_bayes on t target tier"),
        ("neural_network", #"model neural_network = train neural_network on t target bought = "yes" with layers [3], epochs 5, seed 1"#),
        ("network_numbers", "model network_numbers = train neural_network on t target spend with layers [2], epochs 3, seed 1"),
        ("svm", "model svm = train svm on t target tier with folds 2"),
        ("svm_numbers", "model svm_numbers = train svm on t target spend"),
        ("knn", #"model knn = train knn on t target bought = "yes" with k 3"#),
        ("knn_numbers", "model knn_numbers = train knn on t target spend with k 2"),
        ("kmeans", "segment t with kmeans k 3 on visits, spend as kmeans seed 1"),
        ("dbscan", "segment t with dbscan eps 0.8 on visits, spend as dbscan"),
    ]

    static func csv(rows: Int, seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        var lines = ["age,income,plan,region,visits,bought,tier,spend"]
        for _ in 0..<rows {
            let age = random.nextInt(below: 8) == 0 ? "" : String(20 + random.nextInt(below: 50))
            let income = random.nextInt(below: 6) == 0 ? "" : String(20_000 + random.nextInt(below: 80_000))
            let plan = ["basic", "gold", "silver"][random.nextInt(below: 3)]
            let region = ["north", "south", "east", "west"][random.nextInt(below: 4)]
            let visits = random.nextInt(below: 12)
            let bought = random.nextUnit() + Double(visits) / 20 > 0.8 ? "yes" : "no"
            let tier = ["a", "b", "c"][random.nextInt(below: 3)]
            let spend = String(format: "%.2f", Double(visits) * 12.5 + random.nextUnit() * 40)
            lines.append("\(age),\(income),\(plan),\(region),\(visits),\(bought),\(tier),\(spend)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Trains and saves every kind once, after preparation steps that each record something.
    static func trainedDirectory() throws -> String {
        let script = """
            load "train.csv" as t
            clean t:
                fill income with median
            feature t:
                band = bin income at 40000, 70000
                per_visit = income / (visits + 1)
                standardize visits
                onehot region
            \(kinds.map(\.step).joined(separator: "\n"))
            \(kinds.map { "save \($0.file) to \"\($0.file).mlmodel\"" }.joined(separator: "\n"))
            """
        let run = try runScript(script, files: ["train.csv": csv(rows: 80, seed: 14), "new.csv": csv(rows: 8, seed: 15)])
        #expect(run.check.isEmpty, "\(run.check.map(\.message))")
        if let error = run.error { Issue.record("training failed: \(error.diagnostic.message)") }
        return run.directory
    }

    enum Outcome: Equatable {
        /// Each added column's cells: bit patterns of numbers, or texts.
        case scores([String])
        case refused(String)
    }

    /// The eight raw rows scored, read once.
    static let newRows: DataFrame = {
        let bytes = Array(csv(rows: 8, seed: 15).utf8)
        return (try? CSVReader.read(bytes: bytes, options: CSVReadOptions()).0) ?? DataFrame(columns: [])
    }()

    /// `load model` + `predict` on eight raw rows (the preparation is replayed on them).
    static func score(_ file: String, in directory: String, trustEdits: Bool, reasons: Bool) -> (Outcome, [String]) {
        let session = Session(baseDirectory: directory)
        session.setTable("n", newRows)
        let text = """
            load model "\(file)" as m\(trustEdits ? " with trust_edits" : "")
            predict m on n as s\(reasons ? " with reasons\nevaluate m on n\nexplain m on n" : "")
            """
        let source = SourceFile(name: "fuzz.mlm", text: text)
        let (program, syntax) = Parser.parse(source)
        guard syntax.isEmpty else { return (.refused("syntax"), []) }
        var notes: [String] = []
        let error = Interpreter(session: session, source: source).run(program) { notes += $0.warnings }
        if let error { return (.refused(error.diagnostic.message), notes) }
        guard let frame = session.table("n") else { return (.refused("no table"), notes) }
        let cells = frame.columns.filter { $0.name == "s" || $0.name.hasPrefix("s_") }.flatMap { column in
            (0..<column.count).map { row -> String in
                if let numbers = column.numbers { return String(numbers[row].bitPattern, radix: 16) }
                return column.string(at: row) ?? "·"
            }
        }
        return (.scores(cells), notes)
    }

    /// One load of an edited file: `strict` when the digest mlm wrote is kept (any change must be refused).
    struct Attempt {
        let bytes: [UInt8]
        let trust: Bool
        let strict: Bool
    }

    /// The edited content (canonical, without its digest) with a digest of its own, so only
    /// validation can refuse it. Member order does not matter, so the digest goes first.
    static func redigested(_ content: [UInt8]) -> [UInt8]? {
        guard content.first == UInt8(ascii: "{") else { return nil }
        let digest = ModelFile.digest(ofCanonical: content)
        let rest = content.dropFirst()
        return Array("{\"digest\":\"\(digest)\"".utf8) + (rest.first == UInt8(ascii: "}") ? [] : Array(",".utf8)) + rest
    }

    @Test func editedFilesGiveTheSameScoresOrACleanError() throws {
        let directory = try Self.trainedDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = ProcessInfo.processInfo.environment["MLM_FUZZ_LOG"]
        var tried: [String: Int] = [:], refused: [String: Int] = [:], loadedAfterEdit: [String: Int] = [:]
        for (index, kind) in Self.kinds.enumerated() {
            let path = "\(directory)/\(kind.file).mlmodel"
            let original = try CanonicalJSON.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            let content = original.removing("digest").canonicalBytes
            // Segmentations have no reasons; supervised models score with them and are evaluated
            // and explained on the rows too, so those paths meet the edited models as well.
            let reasons = !["kmeans", "dbscan"].contains(kind.file)
            let (baseline, baselineNotes) = Self.score("\(kind.file).mlmodel", in: directory, trustEdits: false, reasons: reasons)
            guard case .scores(let cells) = baseline, !cells.isEmpty else {
                Issue.record("\(kind.file): the saved file does not score: \(baseline)")
                continue
            }
            #expect(baselineNotes.allSatisfy { !$0.contains("digest") && !$0.contains("changed") })
            var edits = ModelFileEdits(seed: 1000 + UInt64(index))
            for n in 0..<Self.editsPerKind {
                let edit = edits.next(original)
                let parsed = try? CanonicalJSON.parse(edit.bytes)
                let editedContent = parsed?.removing("digest").canonicalBytes
                let sameContent = editedContent == content
                let digestKept = parsed.map { $0["digest"] == nil || $0["digest"] == original["digest"] } ?? false
                var attempts: [Attempt] = [Attempt(bytes: edit.bytes, trust: false, strict: true)]
                if let editedContent, let bytes = Self.redigested(editedContent) { attempts.append(Attempt(bytes: bytes, trust: false, strict: false)) }
                if n % 4 == 0 { attempts.append(Attempt(bytes: edit.bytes, trust: true, strict: false)) }
                for attempt in attempts {
                    if let log {
                        let line = "\(kind.file) #\(n) \(edit.kind.rawValue) \(edit.path) trust \(attempt.trust) strict \(attempt.strict)\n"
                        try? line.write(toFile: log, atomically: false, encoding: String.Encoding.utf8)
                    }
                    try Data(attempt.bytes).write(to: URL(fileURLWithPath: "\(directory)/edited.mlmodel"))
                    let (outcome, notes) = Self.score("edited.mlmodel", in: directory, trustEdits: attempt.trust, reasons: reasons)
                    tried[kind.file, default: 0] += 1
                    switch outcome {
                    case .refused(let message):
                        refused[kind.file, default: 0] += 1
                        let context = "\(kind.file) \(edit.kind.rawValue) \(edit.path)"
                        #expect(!message.isEmpty)
                        if attempt.strict && sameContent && digestKept {
                            Issue.record("\(context): an unchanged content was refused: \(message)")
                        }
                    case .scores:
                        if !sameContent { loadedAfterEdit[kind.file, default: 0] += 1 }
                        if attempt.strict {
                            #expect(sameContent && digestKept && outcome == baseline,
                                    "\(kind.file) \(edit.kind.rawValue) \(edit.path): an edited file was used")
                        }
                        if attempt.trust && !sameContent {
                            #expect(notes.contains { $0.contains("was changed after mlm saved it; loaded because of trust_edits") })
                        }
                    }
                }
            }
        }
        let total = tried.values.reduce(0, +)
        print("model-file fuzz: \(total) loads of edited files; per kind (tried / refused / edited and still valid): "
              + Self.kinds.map { "\($0.file) \(tried[$0.file] ?? 0)/\(refused[$0.file] ?? 0)/\(loadedAfterEdit[$0.file] ?? 0)" }.joined(separator: ", "))
        #expect(total >= Self.kinds.count * Self.editsPerKind)
    }
}

import Foundation
import MLMCore
import MLMSyntax

/// Finds what can be found before running: unknown tables and columns (the schema of each loaded
/// file is read from its first rows), wrong options, wrong kinds of values in expressions, and
/// steps this version cannot run. Reports everything it finds, not just the first problem.
public struct Checker {
    let session: Session
    var schemas: [String: Schema]
    /// Models trained or loaded so far, with the kind of target they predict when known.
    var models: [String: TargetSpec.Task?]
    /// Model files the script saves before it loads them again.
    var savedModelFiles: Set<String> = []
    /// The data and model files loaded by the steps checked so far, which no output may replace.
    var loadedFiles: [ProtectedFile] = []
    /// Data files the script exports, with what a later `load` of them will find.
    var exportedFiles: [String: Schema] = [:]
    /// Tables split so far: their export gets a `role` column.
    var splitTables: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Data files named in the script that cannot be found (exit status 66 rather than 65).
    private(set) var missingFiles = 0

    public init(session: Session) {
        self.session = session
        var schemas = session.tables.mapValues { Schema(frame: $0) }
        // In the REPL, columns an earlier predict wrote may be replaced by re-scoring.
        for (table, columns) in session.predictedColumns {
            for (column, name) in columns { schemas[table]?.recordPredicted([column], name: name) }
        }
        self.schemas = schemas
        self.models = session.models.mapValues { Optional($0.model.target.task) }
    }

    public struct Result: Sendable {
        public let diagnostics: [Diagnostic]
        /// True when some problem is a data file that cannot be found.
        public let hasMissingFile: Bool
        /// The script and every file it loads: what `mlm run --report` must not replace.
        public let protectedFiles: [ProtectedFile]
    }

    /// Checks a whole program, reporting every problem found.
    public static func check(_ program: Program, session: Session) -> Result {
        var checker = Checker(session: session)
        for statement in program.statements {
            checker.stepProblems = 0
            checker.check(statement)
        }
        return Result(diagnostics: checker.diagnostics, hasMissingFile: checker.missingFiles > 0,
                      protectedFiles: checker.protectedFiles)
    }

    mutating func countMissingFile() { missingFiles += 1 }

    /// A step reports at most this many problems: a long line (a chain of 20,000 unknown
    /// names) would otherwise print its whole text once for each.
    static let maximumProblemsPerStep = 20
    private var stepProblems = 0

    mutating func report(_ message: String, at range: SourceRange, help: String? = nil) {
        let diagnostic = Diagnostic(.error, message, at: range, help: help)
        guard stepProblems < Checker.maximumProblemsPerStep else {
            if stepProblems == Checker.maximumProblemsPerStep, !diagnostics.isEmpty {
                diagnostics[diagnostics.count - 1].notes.append("this step has more problems; fix these and check again")
                stepProblems += 1
            }
            return
        }
        if !diagnostics.contains(diagnostic) {
            diagnostics.append(diagnostic)
            stepProblems += 1
        }
    }

    mutating func check(_ statement: Statement) {
        checkLiterals(statement)
        switch statement.kind {
        case .load(let load): checkLoad(load)
        case .describe(let describe): checkColumns(describe.columns, of: describe.table)
        case .show(let show): checkShow(show)
        case .clean(let clean): checkClean(clean)
        case .feature(let feature): checkFeature(feature)
        case .split(let split): checkSplit(split)
        case .sort(let sort): checkColumns(sort.keys.map(\.column), of: sort.table)
        case .export(let export):
            if let schema = schema(of: export.table) {
                exportedFiles[session.resolve(export.path.value)] = Checker.reloaded(schema, split: splitTables.contains(export.table.name))
            }
            diagnostics += StepOptions.problems(in: export.options, allowed: StepOptions.export, step: "export")
            checkOutput(export.path, step: .export, force: StepOptions.flag("force", in: export.options))
        case .train(let train): checkTrain(train)
        case .evaluate(let evaluate): checkEvaluate(evaluate)
        case .predict(let predict): checkPredict(predict)
        case .save(let save):
            model(save.model)
            checkOutput(save.path, step: .save(model: save.model.name))
            savedModelFiles.insert(session.resolve(save.path.value))
        case .loadModel(let load): checkLoadModel(load)
        case .segment(let segment): checkSegment(segment)
        case .rfm(let rfm): checkRfm(rfm)
        case .profile(let profile): checkProfile(profile)
        case .nameSegment(let name): checkNameSegment(name)
        case .compare(let compare): checkCompare(compare)
        case .tune(let tune): checkTune(tune)
        case .selectFeatures(let select): checkSelectFeatures(select)
        case .explain(let explain): checkExplain(explain)
        case .setThreshold(let set): checkSetThreshold(set)
        case .report(let report): checkReport(report)
        }
    }

    /// The schema of a table named in a step, reporting an unknown table.
    mutating func schema(of table: Identifier) -> Schema? {
        if let schema = schemas[table.name] { return schema }
        report("there is no table '\(table.name)'", at: table.range,
               help: Suggestions.didYouMean(table.name, in: Array(schemas.keys).sorted())
                   ?? "load it first: load \"file.csv\" as \(table.name)")
        return nil
    }

    @discardableResult
    mutating func checkColumns(_ names: [Identifier], of table: Identifier) -> Schema? {
        guard let schema = schema(of: table) else { return nil }
        checkColumns(names, in: schema)
        return schema
    }

    mutating func checkColumns(_ names: [Identifier], in schema: Schema) {
        for name in names where !schema.has(name.name) {
            report("there is no column '\(name.name)'", at: name.range,
                   help: Suggestions.didYouMean(name.name, in: schema.names))
        }
    }

    private mutating func checkLoad(_ load: LoadStatement) {
        diagnostics += StepOptions.problems(in: load.options, allowed: StepOptions.load, step: "load")
        let path = session.resolve(load.path.value)
        loadedFiles.append(ProtectedFile(path: path, role: .table(load.name.name)))
        let exported = exportedFiles[path]
        guard exported != nil || FileManager.default.isReadableFile(atPath: path) else {
            report("cannot find the file '\(load.path.value)'", at: load.path.range,
                   help: FileHints.missingFileHelp(path))
            schemas[load.name.name] = .unknown
            missingFiles += 1
            return
        }
        let sample = exported == nil ? Checker.sample(path: path) : nil
        if let sample, let problem = CSVReader.notTextProblem(sample) {
            // The same words the load gives when it runs, found before anything runs.
            report("cannot read '\(load.path.value)': \(problem.message)", at: load.path.range)
            schemas[load.name.name] = .unknown
            missingFiles += 1
            return
        }
        // Read the sample the way the load will (separator, decimal mark, encoding); the column
        // types are applied below, where a name that is not a column can be pointed at.
        var sampleOptions = (try? Interpreter.readOptions(load)) ?? CSVReadOptions()
        sampleOptions.columnTypes = [:]
        var schema = exported ?? sample.map { Checker.sampleSchema($0, options: sampleOptions) } ?? .unknown
        for override in load.columnTypes {
            guard let type = ColumnType(rawValue: override.type.name) else {
                report("unknown column type '\(override.type.name)'", at: override.type.range,
                       help: Suggestions.didYouMean(override.type.name, in: ColumnType.allCases.map(\.rawValue)))
                continue
            }
            checkColumns([override.column], in: schema)
            schema.set(override.column.name, type)
        }
        schemas[load.name.name] = schema
        splitTables.remove(load.name.name)
    }

    /// The table an exported file gives back when loaded: the same columns; numbers stay
    /// numbers, other types are read again from the text (a category may come back as text).
    static func reloaded(_ schema: Schema, split: Bool) -> Schema {
        guard schema.isKnown else { return .unknown }
        var reloaded = Schema(columns: schema.columns.map { ($0.name, $0.type?.isQuantitative == true ? ColumnType.number : nil) })
        if split {
            var role = "role", suffix = 2  // named as the export names it
            while schema.has(role) { role = "role_\(suffix)"; suffix += 1 }
            reloaded.set(role, .category)
        }
        schema.openPrefixes.forEach { reloaded.addOpenPrefix($0) }
        return reloaded
    }

    /// The first 64 KB of a file, read to learn its columns without reading it all.
    static func sample(path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
    }

    /// Column names and likely types from a file's first 64 KB.
    static func sampleSchema(_ sample: [UInt8], options: CSVReadOptions = CSVReadOptions()) -> Schema {
        var bytes = sample
        if bytes.count == 65_536, let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) {
            bytes.removeSubrange((lastNewline + 1)...)
        }
        var options = options
        options.skipBadRows = true
        guard let (frame, _) = try? CSVReader.read(bytes: bytes, options: options) else { return .unknown }
        // Types from a sample are hints: a column of numbers may hold text further down, and one
        // read as text there may have few enough distinct values in the whole file to be a
        // category. A column with no value in the sample is text only for want of values.
        var schema = Schema(columns: frame.columns.map { column in
            (column.name, column.type == .text && column.missingCount == column.count ? ColumnType?.none : column.type)
        })
        schema.noteValues(frame)
        return schema
    }

    private mutating func checkShow(_ show: ShowStatement) {
        guard let schema = checkColumns(show.columns, of: show.table) else { return }
        if let filter = show.filter { expectCondition(filter, in: schema) }
        checkColumns(show.order.map(\.column), in: schema)
    }
}

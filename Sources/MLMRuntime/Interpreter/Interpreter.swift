import Foundation
import MLMCore
import MLMSyntax

/// Runs checked statements against a session, one step at a time, and reports each step's
/// output as soon as it finishes.
public struct Interpreter {
    public let session: Session
    let source: SourceFile
    /// Rerunning a model's recorded steps on new rows (see replay): a column those rows leave
    /// without a value is said, not refused, since the model fills missing inputs as it learned.
    var replaying = false

    public init(session: Session, source: SourceFile) {
        self.session = session
        self.source = source
    }

    /// Runs every statement in order and stops at the first error, which is returned. A stop
    /// request (Ctrl-C) between two steps ends the run before the next one.
    public func run(_ program: Program, onStep: (StepOutput) -> Void) -> RuntimeError? {
        for statement in program.statements {
            if Cancellation.isRequested { return .cancelled(at: statement.keyword.range) }
            do {
                onStep(try execute(statement))
            } catch {
                return error
            }
        }
        return nil
    }

    /// Runs one statement. Whatever a step fails with after a stop was requested is reported
    /// as the stop (kind `.cancelled`), not as the error the interrupted work happened to raise.
    public func execute(_ statement: Statement) throws(RuntimeError) -> StepOutput {
        do {
            return try executeStep(statement)
        } catch {
            throw Cancellation.isRequested ? .cancelled(at: statement.keyword.range) : error
        }
    }

    private func executeStep(_ statement: Statement) throws(RuntimeError) -> StepOutput {
        var output = StepOutput(source: source.text(of: statement.range),
                                line: source.location(of: statement.range.start).line)
        switch statement.kind {
        case .load(let load): try runLoad(load, into: &output)
        case .describe(let describe): try runDescribe(describe, into: &output)
        case .show(let show): try runShow(show, into: &output)
        case .clean(let clean): try runClean(clean, into: &output)
        case .feature(let feature): try runFeature(feature, into: &output)
        case .split(let split): try runSplit(split, into: &output)
        case .sort(let sort): try runSort(sort, into: &output)
        case .export(let export): try runExport(export, into: &output)
        case .train(let train): try runTrain(train, into: &output)
        case .evaluate(let evaluate): try runEvaluate(evaluate, into: &output)
        case .predict(let predict): try runPredict(predict, into: &output)
        case .save(let save): try runSave(save, into: &output)
        case .loadModel(let load): try runLoadModel(load, into: &output)
        case .segment(let segment): try runSegment(segment, into: &output)
        case .rfm(let rfm): try runRfm(rfm, into: &output)
        case .profile(let profile): try runProfile(profile, into: &output)
        case .nameSegment(let name): try runNameSegment(name, into: &output)
        case .compare(let compare): try runCompare(compare, into: &output)
        case .tune(let tune): try runTune(tune, into: &output)
        case .selectFeatures(let select): try runSelectFeatures(select, into: &output)
        case .explain(let explain): try runExplain(explain, into: &output)
        case .setThreshold(let set): try runSetThreshold(set, into: &output)
        case .report(let report): try runReport(report, into: &output)
        }
        return output
    }

    func table(_ name: Identifier) throws(RuntimeError) -> DataFrame {
        guard let frame = session.table(name.name) else {
            throw RuntimeError("there is no table '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: session.tableNames)
                                   ?? "load it first: load \"file.csv\" as \(name.name)")
        }
        return frame
    }

    /// Checks that every named column exists, with a "did you mean" for typos.
    func requireColumns(_ names: [Identifier], in frame: DataFrame) throws(RuntimeError) {
        for name in names where frame.index(of: name.name) == nil {
            throw RuntimeError("there is no column '\(name.name)'", at: name.range,
                               help: Suggestions.didYouMean(name.name, in: frame.columnNames))
        }
    }

    func text(of range: SourceRange) -> String { source.text(of: range) }

    private func blockName<Operation>(_ type: Operation.Type) -> String {
        type == CleanOperation.self ? "clean" : "feature"
    }

    /// Runs the operations of a block step (clean, feature) in order on a copy of the table,
    /// noting what each changed; the session's table is replaced only if all succeed.
    func runBlock<Operation>(
        _ name: Identifier, _ operations: [Operation], range: (Operation) -> SourceRange,
        into output: inout StepOutput,
        apply: (Operation, inout DataFrame, inout [String]) throws(RuntimeError) -> String
    ) throws(RuntimeError) {
        var frame = try table(name)
        var changes: [Change] = []
        var recipe = session.recipes[name.name] ?? PreparationRecipe()
        let block = blockName(Operation.self)
        for operation in operations {
            // Between operations is a safe point: the session still holds the table from before.
            if Cancellation.isRequested { throw .cancelled(at: range(operation)) }
            let fittedBefore = frame.preparation.count
            let summary = try apply(operation, &frame, &output.warnings)
            let source = text(of: range(operation))
            changes.append(Change(operation: source, summary: summary))
            recipe.steps.append(.init(block: block, source: source.trimmingCharacters(in: .whitespaces),
                                      fitted: Array(frame.preparation[fittedBefore...])))
        }
        session.setTable(name.name, frame)
        session.setRecipe(name.name, recipe)
        output.results.append(.changes(table: name.name, changes: changes,
                                       rowCount: frame.rowCount, columnCount: frame.columnCount))
    }
}

extension RuntimeError {
    /// Wraps an error from the ML core so it points at the operation that caused it.
    init(prep error: PrepError, at range: SourceRange, help: String? = nil) {
        self.init(.failedStep, error.message, at: range, help: help)
    }
}

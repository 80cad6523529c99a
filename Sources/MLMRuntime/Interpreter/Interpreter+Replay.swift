import MLMCore
import MLMSyntax

extension Interpreter {
    /// Prepares new rows the way the training table was prepared: operations that learned
    /// something are replayed with the values they learned; the others (derived columns,
    /// renames, casts, ...) run again as written; operations that remove rows are skipped, so
    /// every row gets a prediction. What the rerun operations say about cells they turned into
    /// missing is added to `warnings`, since new rows can hold values the training rows did not.
    func replay(_ recipe: PreparationRecipe, on frame: inout DataFrame, at range: SourceRange,
                warnings: inout [String]) throws(RuntimeError) {
        for step in recipe.steps {
            do {
                if !step.fitted.isEmpty {
                    for fitted in step.fitted { try frame.replay(fitted) }
                } else {
                    var notes: [String] = []
                    try rerun(step, on: &frame, warnings: &notes)
                    warnings += notes.map { "preparing the rows like the training data at '\(step.source)': \($0)" }
                }
            } catch let error as RuntimeError {
                throw RuntimeError(error.kind, "preparing the rows like the training data failed at '\(step.source)': \(error.diagnostic.message)", at: range)
            } catch let error as PrepError {
                throw RuntimeError("preparing the rows like the training data failed at '\(step.source)': \(error.message)", at: range)
            } catch {
                throw RuntimeError("preparing the rows like the training data failed at '\(step.source)'", at: range)
            }
        }
    }

    private func rerun(_ step: PreparationRecipe.Step, on frame: inout DataFrame, warnings: inout [String]) throws(RuntimeError) {
        let source = SourceFile(name: "<model preparation>", text: "\(step.block) t:\n    \(step.source)\n")
        let (program, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty, let statement = program.statements.first else {
            throw RuntimeError("the recorded step could not be read", at: SourceRange(start: 0, end: 0))
        }
        var replayer = Interpreter(session: session, source: source)
        replayer.replaying = true
        switch statement.kind {
        case .clean(let clean):
            for operation in clean.operations where !Interpreter.removesRows(operation) {
                _ = try replayer.apply(operation, to: &frame, warnings: &warnings)
            }
        case .feature(let feature):
            for operation in feature.operations {
                _ = try replayer.apply(operation, to: &frame, warnings: &warnings)
            }
        default:
            return
        }
    }

    static func removesRows(_ operation: CleanOperation) -> Bool {
        switch operation.kind {
        case .dropDuplicates, .dropRows, .keepRows, .removeOutliers: return true
        default: return false
        }
    }
}

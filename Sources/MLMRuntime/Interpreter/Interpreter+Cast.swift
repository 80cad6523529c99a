import MLMCore
import MLMSyntax

/// `cast`: a present value that cannot be converted stops the step with the count, the first
/// values and their lines in the data file, and the fix; `with coerce` turns them into missing
/// cells on purpose, and the warning still counts them.
extension Interpreter {
    func run(_ cast: CastOperation, at range: SourceRange, in frame: inout DataFrame, warnings: inout [String]) throws(RuntimeError) -> String {
        try requireColumns(cast.columns, in: frame)
        let (type, format, coerce) = try CastRules.read(cast)
        var notes: [String] = []
        var lost = 0
        for column in cast.columns {
            let result: CastResult
            do {
                result = try frame.cast(column.name, to: type, format: format)
            } catch {
                throw RuntimeError(prep: error, at: cast.type.range)
            }
            let fix: (String) -> String = { "cast \(DateOrderWording.written(column.name)) to date \"\($0)\"" }
            if result.order != .notNeeded {
                let note = DateOrderNote(column: column.name, decision: result.order, chosen: result.patterns.chosen,
                                         other: result.patterns.other, examples: located(result.orderExamples, in: frame))
                if result.order == .mixed {
                    throw RuntimeError(DateOrderWording.mixed(note, stays: false, fix: fix), at: range)
                }
                notes.append(DateOrderWording.decided(note, fix: fix))
            }
            guard result.failed > 0 else { continue }
            let shown = located(result.examples, in: frame).map { "\(place($0)): '\($0.text)'" }
            let more = result.failed > shown.count ? ["and \(Words.plural(result.failed - shown.count, "more value"))"] : []
            let what = "\(Words.plural(result.failed, "value")) of '\(column.name)'"
            if coerce {
                lost += result.failed
                warnings.append("\(what) could not be read as \(Self.plural(type, format)) and \(result.failed == 1 ? "is" : "are") now missing "
                                + "(with coerce): " + (shown + more).joined(separator: ", "))
                continue
            }
            throw RuntimeError(.failedStep, "\(what) cannot be read as \(Self.plural(type, format))", at: range,
                               help: help(column: column.name, type: type, format: format, example: result.examples.first?.text ?? ""), notes: shown + more)
        }
        let missing = lost > 0 ? "; \(Words.plural(lost, "cell")) could not be converted and \(lost == 1 ? "is" : "are") now missing (with coerce)" : ""
        let detail = notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")
        return "changed \(Words.list(cast.columns.map(\.name))) to \(type.rawValue)\(missing)\(detail)"
    }

    /// "dates written "dd-mm-yyyy"", "whole numbers", ...
    private static func plural(_ type: ColumnType, _ format: DateFormat?) -> String {
        switch type {
        case .date: return format.map { "dates written \"\($0.text)\"" } ?? "dates"
        case .integer: return "whole numbers"
        case .number: return "numbers"
        case .boolean: return "true/false values"
        case .category, .text: return "text"
        }
    }

    private func help(column: String, type: ColumnType, format: DateFormat?, example: String) -> String {
        let name = DateOrderWording.written(column)
        let written = format.map { " \"\($0.text)\"" } ?? ""
        let coerce = "or keep them as missing cells on purpose: cast \(name) to \(type.rawValue)\(written) with coerce"
        switch type {
        case .date where format == nil:
            let separator = example.contains("/") ? "/" : example.contains(".") ? "." : "-"
            return "give the format the file uses, as in cast \(name) to date \"dd\(separator)mm\(separator)yyyy\" "
                + "(the format letters are in the README), \(coerce)"
        case .date:
            return "check the format against the values, \(coerce)"
        default:
            return "fix or replace those values first (replace \"n/a\" with missing in \(name)), \(coerce)"
        }
    }

    /// A cell as a message names it: its line in the data file, else its row in the table.
    private struct Located {
        var line: Int?
        var row: Int
        var text: String
    }

    private func place(_ cell: Located) -> String {
        cell.line.map { "line \($0)" } ?? "row \(Words.count(cell.row + 1))"
    }

    private func located(_ examples: [CastExample], in frame: DataFrame) -> [Located] {
        let lines = frame.lineage.flatMap { lineage -> [Int]? in
            let rows = examples.compactMap { lineage.dataRow($0.row) }
            guard rows.count == examples.count else { return nil }
            return CSVReader.lines(of: lineage, dataRows: rows)
        }
        return examples.enumerated().map { k, example in Located(line: lines?[k], row: example.row, text: example.text) }
    }

    private func located(_ examples: [CastExample], in frame: DataFrame) -> [DateExample] {
        let cells: [Located] = located(examples, in: frame)
        return cells.map { DateExample(line: $0.line, place: place($0), text: $0.text) }
    }
}

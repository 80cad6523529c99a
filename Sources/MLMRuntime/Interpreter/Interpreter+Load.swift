import Foundation
import MLMCore
import MLMSyntax

extension Interpreter {
    func runLoad(_ load: LoadStatement, into output: inout StepOutput) throws(RuntimeError) {
        let path = session.resolve(load.path.value)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw RuntimeError(.unreadableInput, "cannot find the file '\(load.path.value)'", at: load.path.range,
                               help: FileHints.missingFileHelp(path), notes: ["looked for \(path)"])
        }
        let options = try Interpreter.readOptions(load)
        let frame: DataFrame
        let report: CSVReadReport
        do {
            (frame, report) = try CSVReader.read(path: path, options: options)
        } catch {
            throw RuntimeError(.unreadableInput, "cannot read '\(load.path.value)': \(error.message)",
                               at: load.path.range, help: csvHelp(error))
        }
        for override in load.columnTypes where frame.index(of: override.column.name) == nil {
            throw RuntimeError("the file has no column '\(override.column.name)'", at: override.column.range,
                               help: Suggestions.didYouMean(override.column.name, in: frame.columnNames))
        }
        session.setTable(load.name.name, frame)
        session.recordInput(table: load.name.name, path: path)
        session.setRecipe(load.name.name, PreparationRecipe())
        output.results.append(.loaded(LoadSummary(
            table: load.name.name, path: load.path.value, rows: frame.rowCount,
            columns: frame.columns.map { column in
                let inferred = options.columnTypes[column.name] == nil
                return (column.name, column.type, column.missingCount, inferred ? Interpreter.whyText(column) : nil)
            },
            notes: notes(for: report, options: options))))
        if frame.rowCount == 0 { output.warnings.append("the file has a header but no rows") }
        for order in report.dateOrders where order.decision == .mixed {
            output.warnings.append(DateOrderWording.mixed(order, stays: true, fix: DateOrderWording.loadFix(order.column)))
        }
    }

    /// The read options written in the step: the checker calls this too, so a bad option fails
    /// in `mlm check` with the words and place the run would give (rules in LoadOptions).
    static func readOptions(_ load: LoadStatement) throws(RuntimeError) -> CSVReadOptions {
        var options = CSVReadOptions()
        options.skipBadRows = StepOptions.flag("skip_bad_rows", in: load.options)
        if let (sep, range) = StepOptions.textOrWord("sep", in: load.options) {
            options.separator = try LoadOptions.separator(sep, at: range)
        }
        if let (decimal, range) = StepOptions.text("decimal", in: load.options) {
            guard decimal == "," || decimal == "." else {
                throw RuntimeError("the decimal mark must be \".\" or \",\"", at: range)
            }
            try LoadOptions.requireDistinct(decimal: decimal, from: options.separator, at: range)
            options.decimalComma = decimal == ","
        }
        if let (name, range) = StepOptions.text("encoding", in: load.options) {
            let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
            let aliases: [String: TextEncoding] = ["utf-8": .utf8, "utf8": .utf8, "windows-1252": .windows1252,
                                                   "cp1252": .windows1252, "latin-1": .latin1, "latin1": .latin1,
                                                   "iso-8859-1": .latin1]
            guard let encoding = aliases[key] else {
                throw RuntimeError("unknown encoding '\(name)'", at: range,
                                   help: "use \"utf-8\", \"windows-1252\" or \"latin-1\"")
            }
            options.encoding = encoding
        }
        for override in load.columnTypes {
            let type = try CastRules.columnType(override.type)
            options.columnTypes[override.column.name] = type
            if let format = try CastRules.dateFormat(override.format, for: type) { options.dateFormats[override.column.name] = format }
        }
        try LoadOptions.requireOneTypePerColumn(load.columnTypes)
        return options
    }

    /// Why a column the reader typed is text and not a category, in the words of `CategoryRule`.
    static func whyText(_ column: Column) -> String? {
        guard column.type == .text, let strings = column.strings else { return nil }
        let filled = column.count - column.missingCount
        let rows = column.missingCount == 0 ? "rows" : "filled rows"
        switch CategoryRule.textReason(distinct: strings.dictionary.count, filled: filled) {
        case nil: return nil
        case .empty?: return "no values"
        case .allDifferent?: return column.missingCount == 0 ? "a different value on every row" : "a different value in every filled row"
        case .tooManyValues(let distinct)?:
            return "\(ValueText.grouped(distinct)) distinct values (more than \(ValueText.grouped(CategoryRule.maximumCategories)))"
        case .fewRepeats(let distinct, let filled)?:
            return "\(ValueText.grouped(distinct)) distinct values in \(ValueText.grouped(filled)) \(rows)"
        }
    }

    private func notes(for report: CSVReadReport, options: CSVReadOptions) -> [String] {
        var notes: [String] = []
        if options.separator == nil, report.separator != .character(UInt8(ascii: ",")) {
            notes.append("columns separated by \(LoadOptions.describe(report.separator))")
        }
        if report.decimalComma { notes.append("numbers use a decimal comma") }
        if report.encoding != .utf8 { notes.append("read as \(report.encoding.rawValue) (the file is not UTF-8)") }
        if report.skippedRows > 0 {
            let lines = report.skippedLines.map(String.init).joined(separator: ", ")
            let label = report.skippedLines.count == 1 ? "line" : "lines"
            notes.append("skipped \(Words.plural(report.skippedRows, "bad row")) (\(label) \(lines)\(report.skippedRows > report.skippedLines.count ? ", ..." : ""))")
        }
        for order in report.dateOrders where order.decision != .mixed {
            notes.append(DateOrderWording.decided(order, fix: DateOrderWording.loadFix(order.column)))
        }
        for column in report.compactDateColumns {
            notes.append("'\(column)' holds whole numbers that all read as dates written yyyymmdd; if they are dates, "
                         + "load with: \(DateOrderWording.loadFix(column)("yyyymmdd"))")
        }
        for rename in report.renamedHeaders {
            notes.append("column '\(rename.original)' renamed to '\(rename.new)'")
        }
        return notes
    }

    private func csvHelp(_ error: CSVError) -> String? {
        switch error.kind {
        case .ragged:
            return "fix the file, or skip such rows: load \"...\" as name with skip_bad_rows"
        case .singleColumnWithSpaces:
            return "quote values that contain spaces and write NA in empty cells, then: load \"...\" as name with sep whitespace"
        case .typeMismatch:
            return "check the type (and format) against the file, or load the column without one and clean it: "
                + "cast ... with coerce keeps such cells as missing, counted"
        case .other:
            return nil
        }
    }
}

import MLMCore
import MLMSyntax

/// The rules for the options of `load` beyond their spelling (`Interpreter.readOptions` applies
/// them, for `mlm check` before anything runs and for the step when it runs): which separators
/// exist, and which options contradict each other.
enum LoadOptions {
    /// Separator names a script may use instead of the character itself.
    static let separatorNames: [String: FieldSeparator] = [
        "comma": .character(UInt8(ascii: ",")), "semicolon": .character(UInt8(ascii: ";")),
        "tab": .character(UInt8(ascii: "\t")), "\\t": .character(UInt8(ascii: "\t")),
        "pipe": .character(UInt8(ascii: "|")), "whitespace": .whitespace,
    ]

    static let separatorHelp = #"write sep ",", sep ";", sep "|", sep tab, or sep whitespace for columns aligned with spaces"#

    /// A decimal mark that is also the separator would cut every number in two.
    static func requireDistinct(decimal: String, from separator: FieldSeparator?, at range: SourceRange) throws(RuntimeError) {
        guard let mark = decimal.utf8.first, separator == .character(mark) else { return }
        throw RuntimeError("the decimal mark '\(decimal)' cannot also be the separator", at: range,
                           help: decimal == "," ? #"files with decimal commas separate columns with ";" or tab: write sep ";""#
                               : "a number like 3.5 would be split in two")
    }

    /// `column age as integer, column age as text`: which one was meant cannot be guessed.
    static func requireOneTypePerColumn(_ overrides: [ColumnTypeOverride]) throws(RuntimeError) {
        var first: [String: String] = [:]
        for override in overrides {
            let type = override.type.name
            if let earlier = first[override.column.name], earlier != type {
                throw RuntimeError("column '\(override.column.name)' is given two types, \(earlier) and \(type)",
                                   at: override.type.range, help: "keep one 'column \(override.column.name) as ...'")
            }
            first[override.column.name] = first[override.column.name] ?? type
        }
    }

    /// `sep` as written: one character, or a name (`tab`, `whitespace`, ...).
    static func separator(_ written: String, at range: SourceRange) throws(RuntimeError) -> FieldSeparator {
        if let named = separatorNames[written.lowercased()] { return named }
        guard written.utf8.count == 1, let byte = written.utf8.first else {
            let help = Suggestions.didYouMean(written.lowercased(), in: separatorNames.keys.filter { $0.first != "\\" }.sorted())
            throw RuntimeError("the separator must be one character or a name such as tab or whitespace; got '\(written)'",
                               at: range, help: help ?? separatorHelp)
        }
        if let problem = FieldSeparator.problem(with: byte) {
            throw RuntimeError(problem, at: range, help: separatorHelp)
        }
        return .character(byte)
    }

    /// How the load output names a separator it detected.
    static func describe(_ separator: FieldSeparator) -> String {
        switch separator {
        case .whitespace: return "runs of spaces"
        case .character(let byte):
            let names: [UInt8: String] = [44: "comma", 59: "semicolon", 9: "tab", 124: "pipe"]
            return names[byte] ?? "'\(Character(UnicodeScalar(byte)))'"
        }
    }
}

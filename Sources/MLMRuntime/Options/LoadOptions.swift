import MLMCore
import MLMSyntax

/// The options of `load`, read once: `mlm check` calls this before anything runs and the load
/// step calls it when it runs, so an invalid separator, decimal mark, encoding or column type,
/// or two options that contradict each other, fail with the same message at the same value.
enum LoadOptions {
    /// Separator names a script may use instead of the character itself.
    static let separatorNames: [String: FieldSeparator] = [
        "comma": .character(UInt8(ascii: ",")), "semicolon": .character(UInt8(ascii: ";")),
        "tab": .character(UInt8(ascii: "\t")), "\\t": .character(UInt8(ascii: "\t")),
        "pipe": .character(UInt8(ascii: "|")), "whitespace": .whitespace,
    ]

    static let separatorHelp = #"write sep ",", sep ";", sep "|", sep tab, or sep whitespace for columns aligned with spaces"#

    static func read(_ load: LoadStatement) throws(RuntimeError) -> CSVReadOptions {
        var options = CSVReadOptions()
        options.skipBadRows = StepOptions.flag("skip_bad_rows", in: load.options)
        if let (sep, range) = StepOptions.textOrWord("sep", in: load.options) {
            options.separator = try separator(sep, at: range)
        }
        if let (decimal, range) = StepOptions.text("decimal", in: load.options) {
            guard decimal == "," || decimal == "." else {
                throw RuntimeError("the decimal mark must be \".\" or \",\"", at: range)
            }
            if options.separator == .character(decimal.utf8.first ?? 0) {
                throw RuntimeError("the decimal mark '\(decimal)' cannot also be the separator", at: range,
                                   help: decimal == "," ? #"files with decimal commas separate columns with ";" or tab: write sep ";""#
                                       : "a number like 3.5 would be split in two")
            }
            options.decimalComma = decimal == ","
        }
        if let (name, range) = StepOptions.text("encoding", in: load.options) {
            options.encoding = try encoding(name, at: range)
        }
        for override in load.columnTypes {
            guard let type = ColumnType(rawValue: override.type.name) else {
                throw RuntimeError("unknown column type '\(override.type.name)'", at: override.type.range,
                                   help: Suggestions.didYouMean(override.type.name, in: ColumnType.allCases.map(\.rawValue))
                                       ?? "the types are " + ColumnType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if let earlier = options.columnTypes[override.column.name], earlier != type {
                throw RuntimeError("column '\(override.column.name)' is given two types, \(earlier.rawValue) and \(type.rawValue)",
                                   at: override.type.range, help: "keep one 'column \(override.column.name) as ...'")
            }
            options.columnTypes[override.column.name] = type
        }
        return options
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

    static func encoding(_ name: String, at range: SourceRange) throws(RuntimeError) -> TextEncoding {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        let aliases: [String: TextEncoding] = ["utf-8": .utf8, "utf8": .utf8, "windows-1252": .windows1252,
                                               "cp1252": .windows1252, "latin-1": .latin1, "latin1": .latin1,
                                               "iso-8859-1": .latin1]
        guard let encoding = aliases[key] else {
            throw RuntimeError("unknown encoding '\(name)'", at: range,
                               help: "use \"utf-8\", \"windows-1252\" or \"latin-1\"")
        }
        return encoding
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

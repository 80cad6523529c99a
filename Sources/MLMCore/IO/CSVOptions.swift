/// The text encodings the CSV reader understands. Marketing exports are UTF-8 (often with a
/// byte order mark from Excel) or Windows-1252 from older Windows tools.
public enum TextEncoding: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"
}

/// What separates the fields of a record.
public enum FieldSeparator: Equatable, Sendable {
    /// One byte, such as `,` or tab; two in a row make an empty field.
    case character(UInt8)
    /// One or more spaces or tabs, as in aligned text exports: a run is one separator, spaces at
    /// the start and end of a line are not fields, and an empty cell cannot be written (use NA).
    case whitespace

    /// Why `byte` cannot separate fields, or nil when it can. A quote, a line break, a letter or
    /// digit (they occur inside values), a space (a run of them is `whitespace`), a byte that is
    /// not ASCII, or a control byte other than tab.
    public static func problem(with byte: UInt8) -> String? {
        switch byte {
        case ASCII.quote: return "a quote cannot separate fields (it encloses values)"
        case ASCII.lineFeed, ASCII.carriageReturn: return "a line break cannot separate fields (it ends a row)"
        case ASCII.space: return "a single space cannot separate fields (columns aligned with spaces are separated by runs of them)"
        case ASCII.tab: return nil
        case 0..<0x20, 0x7F...: return "the delimiter must be a plain character such as ',' or ';'"
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return "a letter or digit cannot separate fields (it occurs inside values)"
        default: return nil
        }
    }
}

/// How to read a CSV file. Every option defaults to auto-detection.
public struct CSVReadOptions: Sendable {
    /// The field separator; nil detects it among `,` `;` tab and `|`, then runs of whitespace.
    public var separator: FieldSeparator?
    /// Whether numbers are written `1.234,56` (German Excel); nil detects it per file.
    public var decimalComma: Bool?
    /// nil reads UTF-8 (byte order mark stripped) and falls back to Windows-1252 when the bytes
    /// are not valid UTF-8.
    public var encoding: TextEncoding?
    /// Forces the type of the named columns (names after header clean-up) instead of inferring
    /// it. A name that is not a column is ignored (the caller reports it with a suggestion).
    public var columnTypes: [String: ColumnType]
    /// The format of date columns that have one (their `columnTypes` entry is `.date`).
    public var dateFormats: [String: DateFormat] = [:]
    /// false: a row with the wrong number of fields is an error; true: it is skipped and counted.
    public var skipBadRows: Bool

    public init(
        separator: FieldSeparator? = nil, decimalComma: Bool? = nil, encoding: TextEncoding? = nil,
        columnTypes: [String: ColumnType] = [:], skipBadRows: Bool = false
    ) {
        self.separator = separator
        self.decimalComma = decimalComma
        self.encoding = encoding
        self.columnTypes = columnTypes
        self.skipBadRows = skipBadRows
    }
}

/// What the reader detected and repaired, so the user can be told.
public struct CSVReadReport: Sendable {
    public var separator: FieldSeparator
    public var decimalComma: Bool
    public var encoding: TextEncoding
    public var hadByteOrderMark: Bool
    /// Rows skipped because their field count differed from the header (skipBadRows only).
    public var skippedRows: Int
    /// The first (at most 10) skipped rows, as 1-based physical line numbers.
    public var skippedLines: [Int]
    /// Header names that were empty or duplicated, with the name they were given instead.
    public var renamedHeaders: [(original: String, new: String)]
    /// Columns of numeric day/month dates whose order the data settled, a default chose, or
    /// that stayed text because their values disagree.
    public var dateOrders: [DateOrderNote] = []
    /// Integer columns whose every value is a real date written yyyymmdd between 1900 and 2100
    /// (`20240315`): kept as integers, but worth a hint.
    public var compactDateColumns: [String] = []

    public init(
        separator: FieldSeparator, decimalComma: Bool, encoding: TextEncoding, hadByteOrderMark: Bool,
        skippedRows: Int = 0, skippedLines: [Int] = [], renamedHeaders: [(original: String, new: String)] = []
    ) {
        self.separator = separator
        self.decimalComma = decimalComma
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.skippedRows = skippedRows
        self.skippedLines = skippedLines
        self.renamedHeaders = renamedHeaders
    }
}

/// How the day/month order of one column's dates was decided, with the cells that show it.
public struct DateOrderNote: Sendable, Equatable {
    public var column: String
    public var decision: DateOrderDecision
    /// The reading used (`mm/dd/yyyy`) and the other one; for a mixed column, the day-first
    /// reading and the month-first one.
    public var chosen: String
    public var other: String
    /// Settled: the cell that settled it. By default: a cell the two readings differ on.
    /// Mixed: a cell only day first fits, then one only month first fits.
    public var examples: [DateExample]

    public init(column: String, decision: DateOrderDecision, chosen: String, other: String, examples: [DateExample]) {
        self.column = column
        self.decision = decision
        self.chosen = chosen
        self.other = other
        self.examples = examples
    }
}

/// A cell of a data file, with its 1-based line, for messages.
public struct DateExample: Sendable, Equatable {
    /// The line in the data file, when known.
    public var line: Int?
    /// How a message names the cell: "line 14", or "row 14" of a table made by a step.
    public var place: String
    public var text: String

    public init(line: Int?, place: String, text: String) {
        self.line = line
        self.place = place
        self.text = text
    }

    public init(line: Int, text: String) {
        self.init(line: line, place: "line \(line)", text: text)
    }
}

/// A problem reading or writing a CSV file, worded for the person who owns the file.
public struct CSVError: Error, Equatable, Sendable {
    /// The problems a caller may want to add its own advice to.
    public enum Kind: Equatable, Sendable {
        case other
        /// A row has more or fewer fields than the header.
        case ragged
        /// The header reads as one column whose name holds runs of spaces: most likely a
        /// whitespace-aligned file whose rows do not split evenly.
        case singleColumnWithSpaces
        /// A present cell does not fit the type (or date format) the script gave its column.
        case typeMismatch
    }

    public let message: String
    /// The 1-based physical line the problem is on, when there is one.
    public let line: Int?
    public let kind: Kind

    public init(message: String, line: Int? = nil, kind: Kind = .other) {
        self.message = message
        self.line = line
        self.kind = kind
    }
}

/// Byte constants shared by the reader and the writer.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let pipe: UInt8 = 0x7C
}

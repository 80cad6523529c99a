import MLMCore

/// What the checker knows about a table's columns before anything runs.
struct Schema {
    /// Column names in order, with their type when known.
    private(set) var columns: [(name: String, type: ColumnType?)]
    /// Prefixes of columns whose names depend on the data (one-hot outputs such as `job_`).
    private(set) var openPrefixes: [String] = []
    /// False when the file could not be sampled: then no column check is possible.
    let isKnown: Bool
    /// Columns written by `predict ... as name` (column → name), which re-scoring may replace.
    private(set) var predictedBy: [String: String] = [:]
    /// Number columns known to hold a value other than 0 and 1, so a target without a value is
    /// a regression (TargetRules). Forgotten when a step changes the column's values or rows.
    private(set) var beyondZeroOne: Set<String> = []

    init(columns: [(name: String, type: ColumnType?)], isKnown: Bool = true) {
        self.columns = columns
        self.isKnown = isKnown
    }

    init(frame: DataFrame) {
        self.init(columns: frame.columns.map { ($0.name, $0.type) })
        noteValues(frame)
    }

    /// Records the number columns of a table (whole, or a file's first rows) that hold values
    /// other than 0 and 1: any further rows keep those values.
    mutating func noteValues(_ frame: DataFrame) {
        for column in frame.columns where column.type.isQuantitative {
            guard let values = column.numbers else { continue }
            if values.indices.contains(where: { !column.isMissing($0) && values[$0] != 0 && values[$0] != 1 }) {
                beyondZeroOne.insert(column.name)
            }
        }
    }

    /// A step changed these columns' values (nil: any column's, or which rows there are).
    mutating func forgetValues(of names: [String]?) {
        if let names { beyondZeroOne.subtract(names) } else { beyondZeroOne = [] }
    }

    static let unknown = Schema(columns: [], isKnown: false)

    var names: [String] { columns.map(\.name) }

    /// nil when the column certainly does not exist; `.some(nil)` when it exists with unknown type.
    func type(of name: String) -> ColumnType?? {
        if let column = columns.first(where: { $0.name == name }) { return .some(column.type) }
        if !isKnown || openPrefixes.contains(where: { name.hasPrefix($0) }) { return .some(nil) }
        return nil
    }

    func has(_ name: String) -> Bool { type(of: name) != nil }

    mutating func set(_ name: String, _ type: ColumnType?) {
        beyondZeroOne.remove(name)
        if let i = columns.firstIndex(where: { $0.name == name }) {
            columns[i].type = type
        } else {
            columns.append((name, type))
        }
    }

    mutating func remove(_ name: String) {
        columns.removeAll { $0.name == name }
        beyondZeroOne.remove(name)
    }

    mutating func keep(_ names: [String]) {
        columns = names.compactMap { name in columns.first { $0.name == name } }
    }

    mutating func rename(_ old: String, to new: String) {
        if let i = columns.firstIndex(where: { $0.name == old }) { columns[i].name = new }
        if beyondZeroOne.remove(old) != nil { beyondZeroOne.insert(new) }
    }

    mutating func addOpenPrefix(_ prefix: String) { openPrefixes.append(prefix) }

    mutating func recordPredicted(_ columns: [String], name: String) {
        for column in columns { predictedBy[column] = name }
    }
}

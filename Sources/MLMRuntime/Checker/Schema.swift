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

    init(columns: [(name: String, type: ColumnType?)], isKnown: Bool = true) {
        self.columns = columns
        self.isKnown = isKnown
    }

    init(frame: DataFrame) {
        self.init(columns: frame.columns.map { ($0.name, $0.type) })
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
        if let i = columns.firstIndex(where: { $0.name == name }) {
            columns[i].type = type
        } else {
            columns.append((name, type))
        }
    }

    mutating func remove(_ name: String) { columns.removeAll { $0.name == name } }

    mutating func keep(_ names: [String]) {
        columns = names.compactMap { name in columns.first { $0.name == name } }
    }

    mutating func rename(_ old: String, to new: String) {
        if let i = columns.firstIndex(where: { $0.name == old }) { columns[i].name = new }
    }

    mutating func addOpenPrefix(_ prefix: String) { openPrefixes.append(prefix) }

    mutating func recordPredicted(_ columns: [String], name: String) {
        for column in columns { predictedBy[column] = name }
    }
}

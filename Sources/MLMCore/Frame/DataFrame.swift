/// Which part of a split a row belongs to. `split` assigns roles inside the table rather than
/// copying it, so steps that learn statistics can fit on the training rows only.
public enum RowRole: UInt8, Sendable, Codable, CaseIterable {
    case train = 0
    case validation = 1
    case test = 2

    public var name: String {
        switch self {
        case .train: return "train"
        case .validation: return "validation"
        case .test: return "test"
        }
    }
}

/// A columnar, typed table.
public struct DataFrame: Sendable {
    public private(set) var columns: [Column]
    public private(set) var rowCount: Int
    /// Row roles assigned by `split`; nil until the table is split.
    public var roles: [RowRole]?
    /// Every data-fitted operation applied to this table, with its fitted values, in order.
    public var preparation: [FittedStep] = []
    /// The data file the rows were read from, so messages can name its lines; nil for a table
    /// made by a step (rfm, a prediction table).
    public var lineage: RowLineage?

    public init(columns: [Column] = []) {
        self.columns = columns
        self.rowCount = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rowCount }, "columns must have equal length")
    }

    /// Position of each column name (its first column), for steps that look up every column:
    /// one dictionary instead of a scan of all columns per lookup (quadratic with 10,000 columns).
    public func columnPositions() -> [String: Int] {
        var positions = [String: Int](minimumCapacity: columns.count)
        for (i, column) in columns.enumerated() where positions[column.name] == nil { positions[column.name] = i }
        return positions
    }

    public var columnCount: Int { columns.count }
    public var columnNames: [String] { columns.map(\.name) }

    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    public func column(named name: String) -> Column? {
        index(of: name).map { columns[$0] }
    }

    public subscript(name: String) -> Column? { column(named: name) }

    /// Rows whose statistics fitted steps may learn from: the train role once split, else all.
    public var fittingRows: [Int] {
        guard let roles else { return Array(0..<rowCount) }
        return roles.indices.filter { roles[$0] == .train }
    }

    public var isSplit: Bool { roles != nil }

    /// Adds a column, or replaces the column with the same name in place.
    public mutating func setColumn(_ column: Column) {
        if columns.isEmpty && rowCount == 0 { rowCount = column.count }
        precondition(column.count == rowCount, "column length must match the table")
        if let i = index(of: column.name) {
            columns[i] = column
        } else {
            columns.append(column)
        }
    }

    /// Inserts a column right after another one (used by one-hot encoding to keep related
    /// columns together).
    public mutating func insertColumn(_ column: Column, after name: String) {
        insertColumns([column], after: name)
    }

    /// Inserts columns, in order, right after another one, in one move of the table's columns.
    public mutating func insertColumns(_ added: [Column], after name: String) {
        precondition(added.allSatisfy { $0.count == rowCount }, "column length must match the table")
        let position = (index(of: name) ?? columns.count - 1) + 1
        columns.insert(contentsOf: added, at: position)
    }

    public mutating func removeColumn(named name: String) {
        if let i = index(of: name) { columns.remove(at: i) }
    }

    /// Removes every column with one of these names, in one pass.
    public mutating func removeColumns(named names: Set<String>) {
        columns.removeAll { names.contains($0.name) }
    }

    public mutating func renameColumn(_ old: String, to new: String) {
        if let i = index(of: old) { columns[i].name = new }
    }

    /// Keeps the named columns in the given order.
    public mutating func selectColumns(_ names: [String]) {
        columns = names.compactMap { column(named: $0) }
    }

    /// The table restricted to the given rows, in that order (roles follow their rows).
    public func gatheringRows(_ rows: [Int]) -> DataFrame {
        var result = DataFrame(columns: columns.map { $0.gathering(rows) })
        result.rowCount = rows.count
        if let roles { result.roles = rows.map { roles[$0] } }
        result.preparation = preparation
        if var lineage {
            let before = lineage.rows
            lineage.rows = rows.map { before?[$0] ?? $0 }
            result.lineage = lineage
        }
        return result
    }

}

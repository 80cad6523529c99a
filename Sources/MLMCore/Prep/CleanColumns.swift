/// `drop column a, b`, `keep column a, b`, `rename a to b`
extension DataFrame {
    /// Removes the named columns. Every name must exist; nothing is removed if one does not.
    public mutating func dropColumns(_ names: [String]) throws(PrepError) {
        for name in names { _ = try prepColumn(name) }
        removeColumns(named: Set(names))
    }

    /// Keeps only the named columns, in the order given (a name given twice counts once).
    /// Every name must exist; nothing changes if one does not.
    public mutating func keepColumns(_ names: [String]) throws(PrepError) {
        var seen = Set<String>()
        var ordered: [String] = []
        for name in names {
            _ = try prepColumn(name)
            if seen.insert(name).inserted { ordered.append(name) }
        }
        selectColumns(ordered)
    }

    /// Renames a column. The new name must not be empty nor belong to another column.
    /// Renaming a column to its own name does nothing.
    public mutating func rename(_ column: String, to newName: String) throws(PrepError) {
        _ = try prepColumn(column)
        guard newName != column else { return }
        guard !newName.isEmpty else {
            throw PrepError("the new name for '\(column)' is empty; give it a name")
        }
        guard self.column(named: newName) == nil else {
            throw PrepError("there is already a column '\(newName)'; drop it first or choose another name for '\(column)'")
        }
        renameColumn(column, to: newName)
    }
}

extension Column {
    /// A key names rows: a different value on every row, none missing, at least two rows, and
    /// the values are labels (text, category) or whole numbers. An id says nothing about a
    /// segment (`profile` leaves keys out) and says which customer a row is (`explain`).
    public var isKey: Bool {
        guard count > 1, missingCount == 0 else { return false }
        switch storage {
        case .strings(let codes, let dictionary):
            var used = [Bool](repeating: false, count: dictionary.count)
            for code in codes {
                if used[Int(code)] { return false }
                used[Int(code)] = true
            }
            // Two dictionary entries may still spell one label (after `lower`, say).
            var labels = Set<String>(minimumCapacity: codes.count)
            for code in codes where !labels.insert(dictionary[Int(code)]).inserted { return false }
            return true
        case .numbers(let values):
            var seen = Set<Double>(minimumCapacity: values.count)
            for value in values {
                guard value == value.rounded(), seen.insert(value + 0).inserted else { return false }
            }
            return true
        }
    }
}

extension DataFrame {
    /// The column that says which row is which, for output that lists rows: the first text,
    /// category or integer column (in table order, leaving out `excluded`) that is a key.
    public func idColumn(excluding excluded: Set<String> = []) -> Column? {
        columns.first { column in
            !excluded.contains(column.name) && [.text, .category, .integer].contains(column.type) && column.isKey
        }
    }
}

@testable import MLMCore

/// Small tables for the preparation tests, written so each test reads like the data it uses.
enum PrepTables {
    /// A numeric column; nil cells are missing.
    static func numbers(_ name: String, _ values: [Double?], type: ColumnType = .number) -> Column {
        Column(name: name, type: type, numbers: values.map { $0 ?? .nan })
    }

    /// A category (or text) column; nil cells are missing.
    static func strings(_ name: String, _ values: [String?], type: ColumnType = .category) -> Column {
        Column(name: name, type: type, strings: values)
    }

    /// A date column from `yyyy-mm-dd` texts; nil cells are missing.
    static func dates(_ name: String, _ values: [String?]) -> Column {
        Column(name: name, type: .date, numbers: values.map { text in
            guard let text, let day = CellParsing.date(text) else { return .nan }
            return day
        })
    }

    /// The cells of a numeric column, missing as nil.
    static func cells(_ frame: DataFrame, _ name: String) -> [Double?] {
        guard let column = frame[name] else { return [] }
        return (0..<column.count).map { column.number(at: $0) }
    }

    /// The cells of a string column, missing as nil.
    static func texts(_ frame: DataFrame, _ name: String) -> [String?] {
        guard let column = frame[name] else { return [] }
        return (0..<column.count).map { column.string(at: $0) }
    }

    /// The message of the PrepError thrown by `body`, nil when it does not throw, and a note
    /// when it throws something else.
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as PrepError {
            return error.message
        } catch {
            return "unexpected error \(error)"
        }
    }
}

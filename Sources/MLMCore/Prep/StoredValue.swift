/// Turning a value from a script into the form a column stores, shared by `fill` with a
/// constant and `replace`, so both accept and refuse the same things.
extension Column {
    /// `value` as this column stores it: `.number` for integer, number, boolean and date
    /// columns, `.string` for category and text columns, or `.missing`.
    ///
    /// - a number in a category or text column is stored as its text (3 → "3");
    /// - text in a whole-number or number column is refused;
    /// - a boolean column takes 0/1 or "true"/"false"/"yes"/"no";
    /// - a date column takes text like "2024-01-31" and refuses plain numbers.
    /// A non-whole number is accepted for a whole-number column; the caller then turns the
    /// column into `number` (see `typeAfterStoring`).
    func storedValue(of value: CellValue) throws(PrepError) -> CellValue {
        switch (value, type) {
        case (.missing, _):
            return .missing
        case (.number(let number), _) where number.isNaN:
            return .missing
        case (.number(let number), .category), (.number(let number), .text):
            return .string(NumberText.exact(number))
        case (.string, .category), (.string, .text):
            return value
        case (.number, .integer), (.number, .number):
            return value
        case (.string(let text), .integer), (.string(let text), .number):
            throw PrepError("column '\(name)' holds \(type.plainDescription); '\(text)' is text, not a number")
        case (.number(let number), .boolean):
            guard number == 0 || number == 1 else {
                throw PrepError(
                    "column '\(name)' holds yes/no values; \(NumberText.label(number)) is neither 1 (yes) nor 0 (no)")
            }
            return value
        case (.string(let text), .boolean):
            guard let flag = CellParsing.boolean(text) else {
                throw PrepError("column '\(name)' holds yes/no values; '\(text)' is neither true nor false")
            }
            return .number(flag)
        case (.number(let number), .date):
            throw PrepError(
                "column '\(name)' holds dates; \(NumberText.label(number)) is a number, not a date like '2024-01-31'")
        case (.string(let text), .date):
            guard let day = CellParsing.date(text) else {
                throw PrepError("column '\(name)' holds dates; '\(text)' is not a date like '2024-01-31'")
            }
            return .number(day)
        }
    }

    /// The type after storing `number` in this column: a whole-number column that receives a
    /// fraction becomes a `number` column, so no value is silently rounded.
    func typeAfterStoring(_ number: Double) -> ColumnType {
        type == .integer && number.isFinite && number != number.rounded() ? .number : type
    }

    /// A copy with new numeric cells (NaN = missing) and possibly a new numeric type.
    func withNumbers(_ values: [Double], type newType: ColumnType? = nil) -> Column {
        Column(name: name, type: newType ?? type, numbers: values)
    }

    /// A copy with new codes and dictionary, keeping name and type.
    func withCodes(_ codes: [Int32], dictionary: [String]) -> Column {
        Column(name: name, type: type, codes: codes, dictionary: dictionary)
    }

    /// The code of `text` in `dictionary`, appending it when absent.
    static func code(of text: String, in dictionary: inout [String]) -> Int32 {
        if let existing = dictionary.firstIndex(of: text) { return Int32(existing) }
        dictionary.append(text)
        return Int32(dictionary.count - 1)
    }
}

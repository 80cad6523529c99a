/// Whether a column of text values is a category (a few values that repeat: `job`, `month`, a
/// campaign code, a hash of one) or text (ids, names, free text, where most values differ).
/// Decided on every filled cell once the whole file is read.
///
/// The rule: a category has at most 20 distinct values, or at most 1,000 distinct values that
/// fill at least 5 cells each on average (distinct ≤ filled / 5). So 27 distinct 8-character
/// codes in 200 rows are a category (7 rows per value), while a column with a different value on
/// every row stays text however short its values are.
public enum CategoryRule {
    /// Up to this many distinct values is always a category.
    public static let alwaysCategory = 20
    /// More distinct values than this is always text: a model cannot learn from so many levels.
    public static let maximumCategories = 1000
    /// Above `alwaysCategory`, each distinct value must fill this many cells on average.
    public static let cellsPerValue = 5

    /// Why a column of strings is text, for the load output.
    public enum TextReason: Equatable, Sendable {
        /// No filled cell.
        case empty
        /// Every filled cell holds a different value (an id, a name, free text).
        case allDifferent(filled: Int)
        /// More distinct values than a category may have.
        case tooManyValues(distinct: Int)
        /// Values repeat too rarely: fewer than `cellsPerValue` cells per value on average.
        case fewRepeats(distinct: Int, filled: Int)
    }

    public static func type(distinct: Int, filled: Int) -> ColumnType {
        textReason(distinct: distinct, filled: filled) == nil ? .category : .text
    }

    /// Nil for a category; otherwise why the column is text.
    public static func textReason(distinct: Int, filled: Int) -> TextReason? {
        guard filled > 0 else { return .empty }
        if distinct <= alwaysCategory { return nil }
        if distinct >= filled { return .allDifferent(filled: filled) }
        if distinct > filled / cellsPerValue { return .fewRepeats(distinct: distinct, filled: filled) }
        return distinct > maximumCategories ? .tooManyValues(distinct: distinct) : nil
    }
}

/// The whole numbers an integer column holds. Cells are doubles, which hold every whole number
/// exactly only up to 2^53 − 1 = 9,007,199,254,740,991 in magnitude (beyond it, 2^53 + 1 reads
/// as 2^53). Loading keeps longer whole numbers as text (ids), and casting to integer refuses
/// them, so an integer cell is always the exact number that was written.
public enum WholeNumbers {
    public static let largest: Double = 9_007_199_254_740_991

    public static func fits(_ value: Double) -> Bool { value.magnitude <= largest }

    /// The error for a value that does not fit, naming the column, the row (0 = first data row)
    /// and the value as it was written.
    static func tooLarge(_ column: String, row: Int, written: String, fromText: Bool) -> PrepError {
        let fix = fromText
            ? "cast '\(column)' to number (about 16 significant digits) or keep it as text (every digit)"
            : "keep '\(column)' as a number (about 16 significant digits)"
        return PrepError("'\(column)' holds \(written) in row \(row + 1), a whole number too large for an "
            + "integer column (integers are exact up to ±9,007,199,254,740,991); \(fix)")
    }
}

/// The value types of the preparation API (clean, feature, split, describe).
///
/// They are plain data so the interpreter can build them from a script and the report can show
/// them without knowing how the operations work.

/// A preparation that cannot be carried out, with a message written for the person who wrote
/// the script (lowercase start, no final period, column names in single quotes).
public struct PrepError: Error, Equatable, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}

/// One cell value as a script writes it: a number, a piece of text, or `missing`.
///
/// Booleans are numbers 0/1 (or the texts "true"/"false"/"yes"/"no"); dates are texts in
/// `yyyy-mm-dd` form.
public enum CellValue: Sendable, Equatable, Codable {
    case number(Double)
    case string(String)
    case missing
}

/// How `fill` chooses the value that replaces missing cells.
public enum FillMethod: Sendable, Equatable {
    case mean
    case median
    case mode
    case constant(CellValue)
}

/// What `fill` did: how many cells it filled and with which value.
public struct FillResult: Sendable, Equatable {
    public let filled: Int
    public let value: CellValue

    public init(filled: Int, value: CellValue) {
        self.filled = filled
        self.value = value
    }
}

/// One side of a `clip`: a fixed value, or a percentile (0...100) learned from the training rows.
public enum ClipBound: Sendable, Equatable {
    case value(Double)
    case percentile(Double)
}

/// What `clip` did: the bounds it used and how many cells it changed.
public struct ClipResult: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let clipped: Int

    public init(lower: Double, upper: Double, clipped: Int) {
        self.lower = lower
        self.upper = upper
        self.clipped = clipped
    }
}

/// How outlier bounds are learned from the training rows.
public enum OutlierMethod: Sendable, Equatable {
    /// [Q1 − factor·IQR, Q3 + factor·IQR]
    case iqr(factor: Double)
    /// mean ± limit · population standard deviation
    case zScore(limit: Double)
}

/// What an outlier operation did: the bounds it learned and how many rows (remove) or cells
/// (clip) it affected.
public struct OutlierResult: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let affected: Int

    public init(lower: Double, upper: Double, affected: Int) {
        self.lower = lower
        self.upper = upper
        self.affected = affected
    }
}

/// `trim`, `lower` and `upper` on text and category columns.
public enum TextCaseTransform: Sendable, Equatable {
    case trim
    case lower
    case upper
}

/// A part of a date that `extract` turns into its own whole-number column.
public enum DatePart: String, Sendable, CaseIterable {
    case year
    case quarter
    case month
    case day
    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    case weekday
    /// 0...23, from the time of day stored as the fraction of the day number.
    case hour
    /// 1...366
    case dayOfYear = "day_of_year"
}

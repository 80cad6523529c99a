/// One line inside a `clean` block.
public struct CleanOperation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `drop duplicates [by a, b]` — empty keys means all columns.
        case dropDuplicates(keys: [Identifier])
        /// `drop column a, b` (also `columns`)
        case dropColumns([Identifier])
        /// `keep column a, b` (also `columns`)
        case keepColumns([Identifier])
        /// `drop rows where condition`
        case dropRows(Expr)
        /// `keep rows where condition`
        case keepRows(Expr)
        /// `replace v1[, v2] with value-or-missing [in a, b]` — no columns means every column
        /// whose type the values fit.
        case replace(values: [Expr], replacement: Expr, columns: [Identifier])
        /// `fill a, b with mean|median|mode|<constant>`
        case fill(columns: [Identifier], strategy: FillStrategy)
        /// `clip a, b at lower and upper` — percent bounds are percentiles learned from data.
        case clip(columns: [Identifier], lower: Expr, upper: Expr)
        /// `remove outliers in a, b [by iqr [k] | by zscore [z]]`
        case removeOutliers(columns: [Identifier], rule: OutlierRule)
        /// `clip outliers in a, b [by iqr [k] | by zscore [z]]`
        case clipOutliers(columns: [Identifier], rule: OutlierRule)
        /// `trim a, b`, `lower a, b`, `upper a, b`
        case text(TextTransform, columns: [Identifier])
        /// `rename a to b[, c to d]`
        case rename([(from: Identifier, to: Identifier)])
        /// `cast a, b to integer|number|boolean|date|category|text ["format"] [with coerce]`
        case cast(CastOperation)

        public static func == (lhs: Kind, rhs: Kind) -> Bool {
            switch (lhs, rhs) {
            case let (.dropDuplicates(a), .dropDuplicates(b)): return a == b
            case let (.dropColumns(a), .dropColumns(b)): return a == b
            case let (.keepColumns(a), .keepColumns(b)): return a == b
            case let (.dropRows(a), .dropRows(b)): return a == b
            case let (.keepRows(a), .keepRows(b)): return a == b
            case let (.replace(v1, r1, c1), .replace(v2, r2, c2)): return v1 == v2 && r1 == r2 && c1 == c2
            case let (.fill(c1, s1), .fill(c2, s2)): return c1 == c2 && s1 == s2
            case let (.clip(c1, l1, u1), .clip(c2, l2, u2)): return c1 == c2 && l1 == l2 && u1 == u2
            case let (.removeOutliers(c1, r1), .removeOutliers(c2, r2)): return c1 == c2 && r1 == r2
            case let (.clipOutliers(c1, r1), .clipOutliers(c2, r2)): return c1 == c2 && r1 == r2
            case let (.text(t1, c1), .text(t2, c2)): return t1 == t2 && c1 == c2
            case let (.rename(a), .rename(b)):
                return a.count == b.count && zip(a, b).allSatisfy { $0.from == $1.from && $0.to == $1.to }
            case let (.cast(a), .cast(b)): return a == b
            default: return false
            }
        }
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum FillStrategy: Sendable, Equatable {
    case mean
    case median
    case mode
    case constant(Expr)
}

public enum OutlierRule: Sendable, Equatable {
    /// Outside [Q1 − k·IQR, Q3 + k·IQR]; k defaults to 1.5.
    case iqr(factor: Double)
    /// More than z standard deviations from the mean; z defaults to 3.
    case zScore(limit: Double)
}

public enum TextTransform: String, Sendable, Equatable {
    case trim
    case lower
    case upper
}

/// `cast a, b to date "dd-mm-yyyy" with coerce`: the columns, the type, a date format, and the
/// options (`coerce`: cells that cannot be converted become missing, with a warning, instead
/// of stopping the step).
public struct CastOperation: Sendable, Equatable {
    public var columns: [Identifier]
    public var type: Identifier
    public var format: TextLiteral?
    public var options: [NamedOption]

    public init(columns: [Identifier], type: Identifier, format: TextLiteral? = nil, options: [NamedOption] = []) {
        self.columns = columns
        self.type = type
        self.format = format
        self.options = options
    }
}

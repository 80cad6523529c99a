/// One line inside a `feature` block.
public struct FeatureOperation: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `name = expression`
        case derive(output: Identifier, expression: Expr)
        /// `name = bin column at 25, 35, 50` (edges) or `name = bin column into 4 quantiles`
        case bin(output: Identifier, column: Identifier, method: BinMethod)
        /// `onehot a, b`
        case oneHot(columns: [Identifier])
        /// `standardize a, b` — (x − mean) / standard deviation, in place
        case standardize(columns: [Identifier])
        /// `normalize a, b` — (x − min) / (max − min), in place
        case normalize(columns: [Identifier])
        /// `log a, b` — log(1 + x), in place
        case log(columns: [Identifier])
        /// `extract year, month, weekday from signup` — adds `signup_year`, ...
        case extractDateParts(parts: [Identifier], column: Identifier)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum BinMethod: Sendable, Equatable {
    /// Bin edges written in the script.
    case edges([Expr])
    /// `into n quantiles`: edges learned from the (training) data.
    case quantiles(Expr)
}

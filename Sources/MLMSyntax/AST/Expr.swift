/// A name written in a script (table, column, model, option, type), with where it was written.
/// Column names with spaces or symbols are written in backticks: `` `Annual Income (k$)` ``.
public struct Identifier: Sendable, Equatable, Hashable {
    public var name: String
    public var range: SourceRange

    public init(_ name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

public enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case power = "^"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case and = "and"
    case or = "or"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    public var isLogical: Bool { self == .and || self == .or }
    public var isArithmetic: Bool { !isComparison && !isLogical }
}

/// An expression: derived columns, filters and option values.
public struct Expr: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case number(Double)
        /// `80%` is stored as 80 (the number written); consumers divide by 100.
        case percent(Double)
        case string(String)
        case boolean(Bool)
        /// The keyword `missing`.
        case missing
        /// A bare or backticked name: a column in expressions, a word in option values.
        case name(String)
        case list([Expr])
        /// `a..b`, used for option ranges such as `k auto 2..8` (reserved for later steps).
        case range(Expr, Expr)
        case unary(UnaryOperator, Expr)
        /// A comparison or `^`: the operators that do not chain to the left.
        case binary(BinaryOperator, Expr, Expr)
        /// `a + b - c`, `a * b / c`, `a and b`, `a or b`: one precedence level applied left to
        /// right. Flat rather than nested `binary` nodes, so a chain of any length is walked
        /// with a loop and never deepens the stack (see ExprDepth.swift).
        case chain(Expr, [ChainLink])
        /// `x is missing` / `x is not missing`.
        case isMissing(Expr, negated: Bool)
        /// `x in [a, b]` / `x not in [a, b]`.
        case isIn(Expr, [Expr], negated: Bool)
        case call(Identifier, [Expr])
    }

    public var kind: Kind { didSet { depth = Expr.depth(of: kind) } }
    public var range: SourceRange
    /// Levels of operators, calls and lists below this node (0 for a literal or a name); kept
    /// with the node so every walk can refuse a too-deep tree before it recurses.
    public private(set) var depth: Int

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
        self.depth = Expr.depth(of: kind)
    }
}

/// One step of a chain: the operator and the operand on its right.
public struct ChainLink: Sendable, Equatable {
    public var op: BinaryOperator
    public var operand: Expr

    public init(_ op: BinaryOperator, _ operand: Expr) {
        self.op = op
        self.operand = operand
    }
}

/// `name value` or a bare `name` (a flag), as in `seed 42`, `limit 10`, `sep ";"`, `force`.
public struct NamedOption: Sendable, Equatable {
    public var name: Identifier
    public var value: Expr?
    public var range: SourceRange

    public init(name: Identifier, value: Expr?, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// A string literal written where a path is expected.
public struct PathLiteral: Sendable, Equatable {
    public var value: String
    public var range: SourceRange

    public init(_ value: String, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// A string literal written where a fixed text is expected, such as a date format.
public struct TextLiteral: Sendable, Equatable {
    public var value: String
    public var range: SourceRange

    public init(_ value: String, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

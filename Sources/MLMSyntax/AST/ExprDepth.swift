/// The one bound on how deeply expressions nest, shared by the parser (which counts brackets,
/// calls, lists and prefix operators while it reads) and by every walk over a finished tree
/// (checker, evaluator, option readers), which compare `Expr.depth` with it. Chains of
/// left-associative operators are flat (`Expr.Kind.chain`), so their length never counts.
extension Expr {
    /// Deep enough for any expression a person writes; shallow enough that a debug build walks
    /// it on a 512 KB thread (a secondary thread's default on macOS). Measured in a debug
    /// build: one bracket costs the parser about 12 KB of stack (ten precedence levels), so 32
    /// levels take about 390 KB; the checker and evaluator need less per level.
    public static let maximumNesting = 32

    /// What the parser, the checker and the evaluator say when a tree is over the bound.
    public static let tooDeeplyNested = "this expression is nested too deeply"
    public static let tooDeeplyNestedHelp = "split it into several simpler columns"

    /// Whether this tree is within the bound, so a recursive walk over it is safe.
    public var isWithinNestingLimit: Bool { depth <= Expr.maximumNesting }

    static func depth(of kind: Kind) -> Int {
        switch kind {
        case .number, .percent, .string, .boolean, .missing, .name:
            return 0
        case .list(let items):
            return 1 + deepest(items)
        case .range(let low, let high), .binary(_, let low, let high):
            return 1 + max(low.depth, high.depth)
        case .unary(_, let operand), .isMissing(let operand, _):
            return 1 + operand.depth
        case .chain(let first, let links):
            return 1 + links.reduce(first.depth) { max($0, $1.operand.depth) }
        case .isIn(let operand, let items, _):
            return 1 + max(operand.depth, deepest(items))
        case .call(_, let arguments):
            return 1 + deepest(arguments)
        }
    }

    private static func deepest(_ items: [Expr]) -> Int {
        items.reduce(0) { max($0, $1.depth) }
    }
}

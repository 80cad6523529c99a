import MLMSyntax

/// The words for a value of the wrong kind in an expression, written once: the evaluator throws
/// them when it runs, and `mlm check` reports them from the column types before anything runs, at
/// the same place. Kinds are named as both describe them: "a number", "text", "a date",
/// "true/false", "missing".
enum ExpressionRules {
    struct Problem {
        let message: String
        let help: String?
    }

    static func arithmeticOnText(_ op: BinaryOperator) -> Problem {
        Problem(message: "'\(op.rawValue)' needs numbers, but one side is text", help: nil)
    }

    static func unary(_ op: UnaryOperator, found: String) -> Problem {
        Problem(message: "'\(op.rawValue)' needs \(op == .not ? "true/false" : "a number"), but this is \(found)", help: nil)
    }

    static func textComparison(_ op: BinaryOperator, other: String) -> Problem {
        Problem(message: "'\(op.rawValue)' cannot compare text with \(other)",
                help: "put numbers without quotes, or compare text with text in quotes")
    }

    static func joins(_ op: BinaryOperator, found: String) -> Problem {
        Problem(message: "'\(op.rawValue)' joins conditions (true/false), but one side is \(found)",
                help: "write a comparison on each side, for example: age > 30 and balance > 0")
    }

    static func condition(found: String) -> Problem {
        Problem(message: "this condition gives \(found), not true/false", help: "compare it with something, for example: balance > 0")
    }

    static func ifCondition(found: String) -> Problem {
        Problem(message: "the first value of 'if' must be a condition (true/false), but this is \(found)",
                help: #"write: if(balance > 0, "positive", "not positive")"#)
    }

    /// What arithmetic with dates gives: the days between two dates (`-`), or a date moved by a
    /// number of days (`date + n`, `n + date`, `date - n`); nil for anything else.
    enum DateArithmetic { case days, date }

    static func dateArithmetic(_ op: BinaryOperator, leftIsDate: Bool, rightIsDate: Bool) -> DateArithmetic? {
        switch (leftIsDate, rightIsDate, op) {
        case (true, true, .subtract): return .days
        case (true, false, .add), (true, false, .subtract), (false, true, .add): return .date
        default: return nil
        }
    }

    static let dateArithmeticProblem = Problem(
        message: "dates can only be moved by a number of days (+, -) or subtracted from each other",
        help: "use days_between(first, second) for the days between two dates")

    /// The amount of `rfm`: anything that gives numbers (true/false counts as 0/1), not text or dates.
    static let rfmAmount = Problem(message: "the amount must be a number, such as Quantity * UnitPrice", help: nil)

    /// A function given a value of the wrong kind; `wanted` is "a number", "text", "a date" or "true/false".
    static func argument(_ function: String, wanted: String, found: String) -> Problem {
        let help: String?
        switch wanted {
        case "text": help = function == "length" || function == "contains" ? nil : "numbers have no letter case or spaces to change"
        case "a date": help = "if the column holds dates as text, add 'cast <column> to date' in a clean step"
        default: help = nil
        }
        return Problem(message: "'\(function)' needs \(wanted) here, but this is \(found)", help: help)
    }
}

extension RuntimeError {
    init(_ problem: ExpressionRules.Problem, at range: SourceRange) {
        self.init(problem.message, at: range, help: problem.help)
    }
}

/// The functions an expression may call. Declared once here; the checker, the evaluator and
/// help texts all read from this table.
public struct BuiltinFunction: Sendable {
    public enum Argument: Sendable {
        case number, text, date, boolean, any
    }

    public let name: String
    /// Argument kinds; the last one repeats when `variadic` is set.
    public let arguments: [Argument]
    public let optionalCount: Int
    public let variadic: Bool
    public let summary: String
    public let example: String

    public var minimumArity: Int { arguments.count - optionalCount }
    public var maximumArity: Int? { variadic ? nil : arguments.count }

    public var usage: String {
        let names = arguments.enumerated().map { index, argument -> String in
            let word = "\(argument)"
            return index >= minimumArity ? "[\(word)]" : word
        }
        return "\(name)(\(names.joined(separator: ", "))\(variadic ? ", ..." : ""))"
    }
}

public enum FunctionRegistry {
    public static let functions: [BuiltinFunction] = [
        .init(name: "if", arguments: [.boolean, .any, .any], optionalCount: 0, variadic: false,
              summary: "the second value where the condition holds, else the third",
              example: #"tier = if(balance > 10000, "high", "normal")"#),
        .init(name: "log", arguments: [.number], optionalCount: 0, variadic: false,
              summary: "natural logarithm; missing for zero or negative values",
              example: "log_income = log(income)"),
        .init(name: "exp", arguments: [.number], optionalCount: 0, variadic: false,
              summary: "e raised to the value", example: "growth = exp(rate)"),
        .init(name: "sqrt", arguments: [.number], optionalCount: 0, variadic: false,
              summary: "square root; missing for negative values", example: "root_visits = sqrt(visits)"),
        .init(name: "abs", arguments: [.number], optionalCount: 0, variadic: false,
              summary: "absolute value", example: "distance = abs(balance)"),
        .init(name: "round", arguments: [.number, .number], optionalCount: 1, variadic: false,
              summary: "rounds half away from zero, to the given number of decimals (default 0)",
              example: "price = round(amount, 2)"),
        .init(name: "min", arguments: [.number, .number], optionalCount: 0, variadic: true,
              summary: "the smallest of the values in each row", example: "capped = min(balance, 5000)"),
        .init(name: "max", arguments: [.number, .number], optionalCount: 0, variadic: true,
              summary: "the largest of the values in each row", example: "positive = max(balance, 0)"),
        .init(name: "lower", arguments: [.text], optionalCount: 0, variadic: false,
              summary: "text in lower case", example: "email = lower(email)"),
        .init(name: "upper", arguments: [.text], optionalCount: 0, variadic: false,
              summary: "text in upper case", example: "country = upper(country)"),
        .init(name: "trim", arguments: [.text], optionalCount: 0, variadic: false,
              summary: "text without leading and trailing spaces", example: "name = trim(name)"),
        .init(name: "contains", arguments: [.text, .text], optionalCount: 0, variadic: false,
              summary: "true where the text contains the part (case-sensitive)",
              example: #"is_gmail = contains(email, "@gmail.")"#),
        .init(name: "length", arguments: [.text], optionalCount: 0, variadic: false,
              summary: "number of characters in the text", example: "name_length = length(name)"),
        .init(name: "year", arguments: [.date], optionalCount: 0, variadic: false,
              summary: "the year of a date", example: "signup_year = year(signup)"),
        .init(name: "month", arguments: [.date], optionalCount: 0, variadic: false,
              summary: "the month of a date, 1 to 12", example: "signup_month = month(signup)"),
        .init(name: "day", arguments: [.date], optionalCount: 0, variadic: false,
              summary: "the day of the month of a date, 1 to 31", example: "signup_day = day(signup)"),
        .init(name: "weekday", arguments: [.date], optionalCount: 0, variadic: false,
              summary: "the day of the week of a date, 1 = Monday to 7 = Sunday",
              example: "order_weekday = weekday(ordered)"),
        .init(name: "days_between", arguments: [.date, .date], optionalCount: 0, variadic: false,
              summary: "days from the first date to the second (negative if the second is earlier)",
              example: "tenure = days_between(signup, last_order)"),
    ]

    public static func function(named name: String) -> BuiltinFunction? {
        functions.first { $0.name == name }
    }

    public static var names: [String] { functions.map(\.name) }
}

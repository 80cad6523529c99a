/// What a supervised model predicts: the target column and, for classification, its classes.
public struct TargetSpec: Sendable, Equatable, Codable {
    public enum Task: String, Sendable, Codable {
        case binary
        case multiclass
        case regression
    }

    public let column: String
    public let task: Task
    /// Class names in label order. Binary: `[negative, positive]`.
    public let classes: [String]

    public init(column: String, task: Task, classes: [String]) {
        self.column = column
        self.task = task
        self.classes = classes
    }

    public var positiveClass: String? { task == .binary ? classes.last : nil }

    public var isClassification: Bool { task != .regression }
}

/// How the target column becomes labels: learned at training, replayed when evaluating.
public struct TargetEncoder: Sendable {
    public let spec: TargetSpec
    /// For a binary target given as `y = "yes"`: the positive value; other values are negative.
    let positive: CellValue?

    /// Labels (class index or value) for the given rows; nil where the target is missing or,
    /// for classes, a value unknown to the model.
    public func labels(_ frame: DataFrame, rows: [Int]) throws(ModelError) -> [Double?] {
        guard let column = frame.column(named: spec.column) else {
            throw ModelError("the table has no column '\(spec.column)', the model's target")
        }
        return rows.map { row -> Double? in
            if column.isMissing(row) { return nil }
            switch spec.task {
            case .regression:
                return column.number(at: row)
            case .binary, .multiclass:
                if let positive { return TargetEncoder.matches(column, row, positive) ? 1 : 0 }
                let text = TargetEncoder.text(column, row)
                return spec.classes.firstIndex(of: text).map(Double.init)
            }
        }
    }

    static func matches(_ column: Column, _ row: Int, _ value: CellValue) -> Bool {
        // A model trained where the column held numbers may be evaluated on a table where it
        // holds text, and the other way round: the value is matched by what it says.
        switch (value, column.type.isNumericStorage) {
        case (.number(let n), true): return column.number(at: row) == n
        case (.number(let n), false): return column.string(at: row).flatMap(TargetRules.number) == n
        case (.string(let s), false): return column.string(at: row) == s
        case (.string, true):
            guard case .number(let n) = resolved(value, in: column) else { return false }
            return column.number(at: row) == n
        case (.missing, _): return false
        }
    }

    static func text(_ column: Column, _ row: Int) -> String {
        column.displayText(at: row) ?? ""
    }
}

/// How a table's columns become a model's numeric inputs, learned on the training rows and
/// stored in the model file so new rows are encoded exactly the same way.
///
/// The rules (also in the README):
/// - integer, number, boolean and date columns are used as numbers (dates as day numbers); a
///   missing cell gets the training median, and when the training rows had missing cells an extra
///   0/1 input `<column> is missing` tells the model which cells were filled;
/// - category columns become one 0/1 input per category seen in training (levels sorted); a
///   missing cell or a category never seen in training gets 0 in all of them, and is counted;
/// - text columns (mostly distinct values, like ids or comments) and categories with more than
///   `maximumLevels` levels are left out, with a note saying so.
public struct FeatureEncoding: Sendable, Equatable, Codable {
    public enum Input: Sendable, Equatable, Codable {
        case number(column: String, fill: Double, missingIndicator: Bool)
        case category(column: String, levels: [String])
    }

    public var inputs: [Input]
    /// Columns not used, with the reason, in table order.
    public var leftOut: [LeftOutColumn]

    public struct LeftOutColumn: Sendable, Equatable, Codable {
        public let column: String
        public let reason: String
    }

    public static let maximumLevels = 100

    /// The names of the matrix columns, in order.
    public var outputNames: [String] {
        inputs.flatMap { input -> [String] in
            switch input {
            case .number(let column, _, let indicator):
                return indicator ? [column, "\(column) is missing"] : [column]
            case .category(let column, let levels):
                return levels.map { "\(column)=\($0)" }
            }
        }
    }

    /// The source columns the model needs, in order.
    public var requiredColumns: [String] {
        inputs.map { input in
            switch input {
            case .number(let column, _, _), .category(let column, _): return column
            }
        }
    }

    /// Learns the encoding of `columns` from the given rows.
    public static func fit(_ frame: DataFrame, columns: [String], rows: [Int]) -> FeatureEncoding {
        var inputs: [Input] = []
        var leftOut: [LeftOutColumn] = []
        for name in columns {
            guard let column = frame.column(named: name) else { continue }
            switch column.storage {
            case .numbers(let values):
                let present = rows.map { values[$0] }.filter { !$0.isNaN }
                let fill = Statistics.median(present) ?? 0
                inputs.append(.number(column: name, fill: fill, missingIndicator: present.count < rows.count))
            case .strings(let codes, let dictionary):
                if column.type == .text {
                    leftOut.append(.init(column: name, reason: "text with many different values (such as ids); cast it to category to use it"))
                    continue
                }
                var seen = Set<String>()
                for row in rows where codes[row] >= 0 { seen.insert(dictionary[Int(codes[row])]) }
                guard seen.count <= maximumLevels else {
                    leftOut.append(.init(column: name, reason: "\(seen.count) different categories (more than \(maximumLevels)); bin or group them to use it"))
                    continue
                }
                inputs.append(.category(column: name, levels: seen.sorted()))
            }
        }
        return FeatureEncoding(inputs: inputs, leftOut: leftOut)
    }
}

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
///
/// Algorithms with `.native` inputs (gradient boosting) get a different `mode`: numbers keep their
/// missing cells as NaN (no fill, no indicator), and a category column is one input holding its
/// level index (levels sorted), NaN when missing or never seen in training.
public struct FeatureEncoding: Sendable, Equatable, Codable {
    public enum Input: Sendable, Equatable, Codable {
        case number(column: String, fill: Double, missingIndicator: Bool)
        case category(column: String, levels: [String])
    }

    public var inputs: [Input]
    /// Columns not used, with the reason, in table order.
    public var leftOut: [LeftOutColumn]
    /// Encoded (filled, one-hot) or native (NaN kept, categories as level indices).
    public var mode: InputStyle

    public init(inputs: [Input], leftOut: [LeftOutColumn], mode: InputStyle = .encoded) {
        self.inputs = inputs
        self.leftOut = leftOut
        self.mode = mode
    }

    private enum CodingKeys: String, CodingKey { case inputs, leftOut, mode }

    /// Files written before the native mode existed have no `mode`: they are encoded.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try container.decode([Input].self, forKey: .inputs)
        leftOut = try container.decode([LeftOutColumn].self, forKey: .leftOut)
        mode = try container.decodeIfPresent(InputStyle.self, forKey: .mode) ?? .encoded
    }

    /// `mode` is written only when native, so encoded models keep their bytes.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(leftOut, forKey: .leftOut)
        if mode == .native { try container.encode(mode, forKey: .mode) }
    }

    public struct LeftOutColumn: Sendable, Equatable, Codable {
        public let column: String
        public let reason: String
    }

    public static let maximumLevels = 100

    /// The names of the matrix columns, in order.
    public var outputNames: [String] {
        if mode == .native { return requiredColumns }
        return inputs.flatMap { input -> [String] in
            switch input {
            case .number(let column, _, let indicator):
                return indicator ? [column, "\(column) is missing"] : [column]
            case .category(let column, let levels):
                return levels.map { "\(column)=\($0)" }
            }
        }
    }

    /// Per matrix column: 0 for a number, the level count for a native category column.
    public var categoryCounts: [Int] {
        if mode == .native {
            return inputs.map { input in
                if case .category(_, let levels) = input { return levels.count }
                return 0
            }
        }
        return [Int](repeating: 0, count: outputNames.count)
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
    public static func fit(_ frame: DataFrame, columns: [String], rows: [Int],
                           mode: InputStyle = .encoded) -> FeatureEncoding {
        var inputs: [Input] = []
        var leftOut: [LeftOutColumn] = []
        let positions = frame.columnPositions()
        for name in columns {
            guard let column = positions[name].map({ frame.columns[$0] }) else { continue }
            switch column.storage {
            case .numbers(let values):
                if mode == .native {
                    inputs.append(.number(column: name, fill: 0, missingIndicator: false))
                    continue
                }
                let present = rows.map { values[$0] }.filter { !$0.isNaN }
                let fill = Statistics.median(present) ?? 0
                inputs.append(.number(column: name, fill: fill, missingIndicator: present.count < rows.count))
            case .strings(let codes, let dictionary):
                if column.type == .text {
                    leftOut.append(.init(column: name, reason: "text with many different values (such as ids); cast it to category to use it"))
                    continue
                }
                // Codes first, strings once per code: hashing a string per row was most of the
                // time of fitting on a million rows.
                var codeSeen = [Bool](repeating: false, count: dictionary.count)
                for row in rows where codes[row] >= 0 { codeSeen[Int(codes[row])] = true }
                let seen = Set(codeSeen.indices.lazy.filter { codeSeen[$0] }.map { dictionary[$0] })
                guard seen.count <= maximumLevels else {
                    leftOut.append(.init(column: name, reason: "\(ValueText.grouped(seen.count)) different categories (more than \(maximumLevels)); bin or group them to use it"))
                    continue
                }
                inputs.append(.category(column: name, levels: seen.sorted()))
            }
        }
        return FeatureEncoding(inputs: inputs, leftOut: leftOut, mode: mode)
    }
}

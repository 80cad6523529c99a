/// The model inputs that come from each of the user's columns: one input for a plain number, a
/// number and its "is missing" flag, or one 0/1 input per category level (one level index for
/// native inputs). Importance and reasons are reported per source column, not per input.
public struct SourceColumns: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Matrix column of the value, and of the missing flag when there is one.
        case number(value: Int, missingFlag: Int?)
        /// One-hot inputs, one per level, in level order.
        case oneHot(columns: [Int], levels: [String])
        /// One input holding a level index (native inputs).
        case levelIndex(column: Int, levels: [String])
    }

    public let names: [String]
    public let kinds: [Kind]

    public init(_ encoding: FeatureEncoding) {
        var names: [String] = [], kinds: [Kind] = []
        var offset = 0
        for input in encoding.inputs {
            switch input {
            case .number(let column, _, let flag):
                names.append(column)
                let hasFlag = flag && encoding.mode == .encoded
                kinds.append(.number(value: offset, missingFlag: hasFlag ? offset + 1 : nil))
                offset += hasFlag ? 2 : 1
            case .category(let column, let levels):
                names.append(column)
                if encoding.mode == .native {
                    kinds.append(.levelIndex(column: offset, levels: levels))
                    offset += 1
                } else {
                    kinds.append(.oneHot(columns: Array(offset..<(offset + levels.count)), levels: levels))
                    offset += levels.count
                }
            }
        }
        self.names = names
        self.kinds = kinds
    }

    /// One number per matrix column: every input plain (tests, or matrices without an encoding).
    public init(plainNames: [String]) {
        names = plainNames
        kinds = plainNames.indices.map { .number(value: $0, missingFlag: nil) }
    }

    public var count: Int { names.count }

    /// The matrix columns of source column `index`.
    public func matrixColumns(_ index: Int) -> [Int] {
        switch kinds[index] {
        case .number(let value, let flag): return flag.map { [value, $0] } ?? [value]
        case .oneHot(let columns, _): return columns
        case .levelIndex(let column, _): return [column]
        }
    }

    /// A typical value of every matrix column, learned from (training) rows: the median of each
    /// number with its missing flag off, and the most frequent level of each category (ties: the
    /// first level). Reasons measure how far a row's score moves from this reference.
    public func reference(from x: FeatureMatrix) -> [Double] {
        var reference = [Double](repeating: 0, count: x.columns)
        for kind in kinds {
            switch kind {
            case .number(let value, _):
                reference[value] = Statistics.median(x.column(value).filter { !$0.isNaN }) ?? 0
            case .oneHot(let columns, _):
                let counts = columns.map { c in x.column(c).reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }
                if let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }) {
                    reference[columns[best]] = 1
                }
            case .levelIndex(let column, let levels):
                var counts = [Int](repeating: 0, count: max(levels.count, 1))
                for v in x.column(column) where !v.isNaN && Int(v) < counts.count { counts[Int(v)] += 1 }
                reference[column] = Double(counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0)
            }
        }
        return reference
    }

    /// Sets source column `index` of every row of `x` to the reference values.
    func setToReference(_ x: inout FeatureMatrix, _ index: Int, _ reference: [Double]) {
        let rows = x.rows
        for column in matrixColumns(index) {
            let value = reference[column]
            for row in 0..<rows { x.values[column * rows + row] = value }
        }
    }
}

/// The number a model gives one row, used to measure how inputs move it: the probability of the
/// positive class (two classes), of the class predicted before any change (several classes), or
/// the predicted value (numbers).
enum RowScore {
    static func scores(_ predictions: Predictions, classOfRow: [Int]? = nil) -> [Double] {
        switch predictions {
        case .values(let v): return v
        case .probabilities(let p, let k):
            let rows = k == 0 ? 0 : p.count / k
            if k == 2 { return (0..<rows).map { p[$0 * 2 + 1] } }
            let classes = classOfRow ?? predictedClasses(predictions)
            return (0..<rows).map { p[$0 * k + classes[$0]] }
        }
    }

    static func predictedClasses(_ predictions: Predictions) -> [Int] {
        guard case .probabilities(let p, let k) = predictions, k > 0 else { return [] }
        return (0..<(p.count / k)).map { row in
            var best = 0
            for c in 1..<k where p[row * k + c] > p[row * k + best] { best = c }
            return best
        }
    }
}

/// Which cross-validation fold each row is held out in.
///
/// The rule of `stratified(labels:folds:seed:)`, written down so it can be reproduced:
/// 1. the rows of each class, in row order, are shuffled with `SeededGenerator(seed)` (one
///    generator shared by the classes, taken in class-index order);
/// 2. the shuffled rows are dealt to the folds in turn, each class continuing where the previous
///    class stopped, so every fold gets each class's count within one and fold sizes differ by at
///    most one.
/// Numeric targets use the same rule with all rows as one class (plain shuffled k-fold).
/// The same seed and labels give the same folds on every platform, and every candidate of a
/// `compare` or `tune` is scored on the same folds.
public struct FoldAssignment: Sendable, Equatable {
    /// Per row, the fold (0..<count) in which it is held out.
    public let foldOfRow: [Int]
    public let count: Int

    /// Folds given from outside (for example scikit-learn's), checked for shape.
    public init(foldOfRow: [Int], count: Int) throws(ModelError) {
        guard count >= 2 else {
            throw ModelError("cross-validation needs at least 2 folds; got \(count)")
        }
        guard foldOfRow.allSatisfy({ (0..<count).contains($0) }) else {
            throw ModelError("every fold number must be from 0 to \(count - 1)")
        }
        var sizes = [Int](repeating: 0, count: count)
        for fold in foldOfRow { sizes[fold] += 1 }
        guard let empty = sizes.firstIndex(of: 0) else {
            self.foldOfRow = foldOfRow
            self.count = count
            return
        }
        throw ModelError("fold \(empty + 1) of \(count) has no rows; use fewer folds")
    }

    /// Stratified folds for class labels (see the type's documentation for the rule).
    /// Fails when a class has fewer rows than folds: some fold could not test it.
    public static func stratified(labels: [Int], folds: Int, seed: UInt64) throws(ModelError) -> FoldAssignment {
        try checkFoldCount(folds, rows: labels.count)
        let classCount = (labels.max() ?? -1) + 1
        var rowsOfClass = [[Int]](repeating: [], count: max(classCount, 0))
        for (row, label) in labels.enumerated() where label >= 0 { rowsOfClass[label].append(row) }
        let present = rowsOfClass.filter { !$0.isEmpty }
        if let smallest = present.map(\.count).min(), smallest < folds {
            throw ModelError("cv \(folds) needs at least \(ValueText.counted(folds, "row")) of every class, but the smallest class has \(ValueText.grouped(smallest)); use cv \(max(2, smallest)) or fewer")
        }
        return try deal(rowsOfClass, rows: labels.count, folds: folds, seed: seed)
    }

    /// Shuffled folds for a numeric target (or any rows without classes).
    public static func shuffled(rows: Int, folds: Int, seed: UInt64) throws(ModelError) -> FoldAssignment {
        try checkFoldCount(folds, rows: rows)
        return try deal([Array(0..<rows)], rows: rows, folds: folds, seed: seed)
    }

    /// Folds suited to a target: stratified for classes, shuffled for numbers.
    public static func make(for target: Target, folds: Int, seed: UInt64) throws(ModelError) -> FoldAssignment {
        switch target {
        case .classes(let labels, _): return try stratified(labels: labels, folds: folds, seed: seed)
        case .values(let values): return try shuffled(rows: values.count, folds: folds, seed: seed)
        }
    }

    private static func checkFoldCount(_ folds: Int, rows: Int) throws(ModelError) {
        guard folds >= 2 else {
            throw ModelError("cv must be a whole number of at least 2 folds; got \(folds)")
        }
        guard rows >= folds else {
            throw ModelError("cv \(folds) needs at least \(ValueText.counted(folds, "row")); the table has \(ValueText.grouped(rows))")
        }
    }

    private static func deal(_ groups: [[Int]], rows: Int, folds: Int, seed: UInt64) throws(ModelError) -> FoldAssignment {
        var generator = SeededGenerator(seed: seed)
        var foldOfRow = [Int](repeating: 0, count: rows)
        var next = 0
        for var group in groups where !group.isEmpty {
            generator.shuffle(&group)
            for row in group {
                foldOfRow[row] = next
                next = (next + 1) % folds
            }
        }
        return try FoldAssignment(foldOfRow: foldOfRow, count: folds)
    }

    /// The rows held out in `fold` and the rows trained on, both in row order.
    public func split(_ fold: Int) -> (train: [Int], test: [Int]) {
        var train: [Int] = [], test: [Int] = []
        train.reserveCapacity(foldOfRow.count)
        for (row, f) in foldOfRow.enumerated() {
            if f == fold { test.append(row) } else { train.append(row) }
        }
        return (train, test)
    }
}

import Foundation

/// The rows and target a `compare` or `tune` scores candidates on: the training rows of a table
/// whose target is known, with the task decided once for all folds.
public struct SelectionProblem: Sendable {
    public let frame: DataFrame
    public let targetColumn: String
    public let positive: CellValue?
    /// `as number`: a regression even on a column of 0s and 1s.
    public let asNumber: Bool
    /// Table rows used, in order; fold assignments index into this list.
    public let rows: [Int]
    /// Per used row: class index or value.
    public let labels: [Double]
    public let spec: TargetSpec

    public init(frame: DataFrame, target: String, positive: CellValue?, asNumber: Bool = false, rows: [Int]) throws(ModelError) {
        let (encoder, _) = try TargetEncoder.fit(frame, column: target, positive: positive, asNumber: asNumber, rows: rows)
        let labels = try encoder.labels(frame, rows: rows)
        self.frame = frame
        self.targetColumn = target
        self.positive = positive
        self.asNumber = asNumber
        self.rows = zip(rows, labels).compactMap { $1 == nil ? nil : $0 }
        self.labels = labels.compactMap { $0 }
        self.spec = encoder.spec
    }

    public var target: Target { SupervisedTraining.makeTarget(labels, spec) }

    /// Why an algorithm cannot learn this target, in the words `train` uses; nil when it can.
    public func supportProblem(_ algorithm: Algorithm) -> String? {
        TargetRules.supportProblem(algorithm, spec: spec, frame: frame, positive: positive, asNumber: asNumber)
    }

    /// Stratified (classes) or shuffled (numbers) folds over `rows`.
    public func folds(_ count: Int, seed: UInt64) throws(ModelError) -> FoldAssignment {
        try FoldAssignment.make(for: target, folds: count, seed: seed)
    }

    /// Trains a candidate on some of `rows` (positions in `rows`) through the same path as
    /// `train`, so each fold learns its own encoding and nothing leaks from held-out rows.
    public func fit(_ candidate: Candidate, positions: [Int]) throws(ModelError) -> SupervisedModel {
        var request = SupervisedTraining.Request(
            target: targetColumn, positive: positive, algorithm: candidate.algorithm,
            parameters: candidate.parameters, classWeight: candidate.classWeight,
            rows: positions.map { rows[$0] })
        request.asNumber = asNumber
        return try SupervisedTraining.train(frame, request)
    }

    /// Predictions of a model for some of `rows`, with probability columns in this problem's
    /// class order even when a fold decided its classes in another order.
    public func predict(_ model: SupervisedModel, positions: [Int]) throws(ModelError) -> Predictions {
        let (predictions, _) = try model.predict(frame, rows: positions.map { rows[$0] })
        guard case .probabilities(let p, let k) = predictions, model.target.classes != spec.classes else {
            return predictions
        }
        let target = spec.classes.count
        let source = spec.classes.map { model.target.classes.firstIndex(of: $0) }
        var out = [Double](repeating: 0, count: positions.count * target)
        for row in 0..<positions.count {
            for (c, s) in source.enumerated() { if let s { out[row * target + c] = p[row * k + s] } }
        }
        return .probabilities(out, classCount: target)
    }
}

/// One model setting to score: an algorithm, its validated parameters and a display label.
public struct Candidate: Sendable {
    public let label: String
    public let algorithm: Algorithm
    public let parameters: Parameters
    public let classWeight: String?

    public init(label: String, algorithm: Algorithm, parameters: Parameters, classWeight: String? = nil) {
        self.label = label
        self.algorithm = algorithm
        self.parameters = parameters
        self.classWeight = classWeight
    }
}

/// A candidate's cross-validated result: every metric per fold, the out-of-fold predictions
/// (each row predicted by the model that did not see it), and fit times.
public struct CandidateScore: Sendable {
    public let candidate: Candidate
    public let metrics: [SelectionMetric]
    /// `foldValues[fold][metric index]`
    public let foldValues: [[Double]]
    public let outOfFold: Predictions
    /// Wall-clock seconds of each fold's training (not deterministic; for display only).
    public let fitSeconds: [Double]

    public func mean(_ metric: SelectionMetric) -> Double {
        guard let index = metrics.firstIndex(of: metric) else { return .nan }
        return foldValues.reduce(0) { $0 + $1[index] } / Double(foldValues.count)
    }

    /// Sample standard deviation over folds (ddof 1), 0 with one fold.
    public func standardDeviation(_ metric: SelectionMetric) -> Double {
        guard let index = metrics.firstIndex(of: metric) else { return .nan }
        return Statistics.standardDeviation(foldValues.map { $0[index] }, ddof: 1) ?? 0
    }
}

/// k-fold cross-validation of several candidates on shared folds. All (candidate, fold) fits run
/// in parallel on every core; results are collected in index order, so the outcome does not
/// depend on thread timing.
public enum CrossValidation {
    public static func score(_ problem: SelectionProblem, _ candidates: [Candidate], folds: FoldAssignment,
                             metrics: [SelectionMetric]) throws(ModelError) -> [CandidateScore] {
        guard folds.foldOfRow.count == problem.rows.count else {
            throw ModelError("the folds cover \(folds.foldOfRow.count) rows, but there are \(problem.rows.count)")
        }
        let splits = (0..<folds.count).map { folds.split($0) }
        let tasks = candidates.count * folds.count
        let results = Parallel.map(tasks) { index -> Result<FoldResult, ModelError> in
            let candidate = candidates[index / folds.count], split = splits[index % folds.count]
            return Result { () throws(ModelError) -> FoldResult in
                try fitFold(problem, candidate, split, metrics)
            }
        }
        var scores: [CandidateScore] = []
        for (c, candidate) in candidates.enumerated() {
            var foldResults: [FoldResult] = []
            for f in 0..<folds.count { foldResults.append(try results[c * folds.count + f].get()) }
            let outOfFold = gather(foldResults.map(\.predictions), splits.map(\.test), rows: problem.rows.count)
            scores.append(CandidateScore(candidate: candidate, metrics: metrics, foldValues: foldResults.map(\.values),
                                         outOfFold: outOfFold, fitSeconds: foldResults.map(\.seconds)))
        }
        return scores
    }

    struct FoldResult {
        let values: [Double]
        let predictions: Predictions
        let seconds: Double
    }

    private static func fitFold(_ problem: SelectionProblem, _ candidate: Candidate, _ split: (train: [Int], test: [Int]),
                                _ metrics: [SelectionMetric]) throws(ModelError) -> FoldResult {
        try ModelError.throwIfCancelled()
        let start = DispatchTime.now().uptimeNanoseconds
        let model = try problem.fit(candidate, positions: split.train)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let predictions = try problem.predict(model, positions: split.test)
        let labels = split.test.map { problem.labels[$0] }
        let values = metrics.map { $0.value(labels: labels, predictions: predictions) }
        return FoldResult(values: values, predictions: predictions, seconds: seconds)
    }

    /// Puts each fold's predictions back at the positions of its held-out rows.
    static func gather(_ parts: [Predictions], _ positions: [[Int]], rows: Int) -> Predictions {
        if case .values = parts.first {
            var out = [Double](repeating: .nan, count: rows)
            for (part, rowsOfPart) in zip(parts, positions) {
                guard case .values(let v) = part else { continue }
                for (i, row) in rowsOfPart.enumerated() { out[row] = v[i] }
            }
            return .values(out)
        }
        guard case .probabilities(_, let k)? = parts.first else { return .values([]) }
        var out = [Double](repeating: 0, count: rows * k)
        for (part, rowsOfPart) in zip(parts, positions) {
            guard case .probabilities(let p, _) = part else { continue }
            for (i, row) in rowsOfPart.enumerated() {
                for c in 0..<k { out[row * k + c] = p[i * k + c] }
            }
        }
        return .probabilities(out, classCount: k)
    }
}

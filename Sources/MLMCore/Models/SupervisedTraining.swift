import Crypto
import Foundation

/// Trains a supervised model on the training rows of a table: decides the task, encodes the
/// features, turns class weights into row weights, and fits the chosen algorithm.
public enum SupervisedTraining {
    public struct Request: Sendable {
        public var target: String
        public var positive: CellValue?
        /// `as number`: a regression even on a column of 0s and 1s.
        public var asNumber: Bool = false
        public var algorithm: Algorithm
        public var parameters: Parameters
        /// "balanced" gives every class the same total weight (n / (classes × count)).
        public var classWeight: String?
        public var rows: [Int]
        /// Rows of the validation role, handed to algorithms that watch them (early stopping).
        public var validationRows: [Int]
        /// Looks for inputs that alone separate the target (a warning for the person training;
        /// cross-validation folds leave it off: the model kept is screened once).
        public var screensInputs = false

        public init(target: String, positive: CellValue?, algorithm: Algorithm, parameters: Parameters,
                    classWeight: String?, rows: [Int], validationRows: [Int] = []) {
            self.target = target
            self.positive = positive
            self.algorithm = algorithm
            self.parameters = parameters
            self.classWeight = classWeight
            self.rows = rows
            self.validationRows = validationRows
        }
    }

    public static func train(_ frame: DataFrame, _ request: Request) throws(ModelError) -> SupervisedModel {
        let (targetEncoder, fitNotes) = try TargetEncoder.fit(frame, column: request.target, positive: request.positive,
                                                                  asNumber: request.asNumber, rows: request.rows)
        if let problem = TargetRules.supportProblem(request.algorithm, spec: targetEncoder.spec, frame: frame,
                                                    positive: request.positive, asNumber: request.asNumber) {
            throw ModelError(problem)
        }
        var notes = fitNotes
        let labels = try targetEncoder.labels(frame, rows: request.rows)
        let rows = zip(request.rows, labels).compactMap { $1 == nil ? nil : $0 }
        if rows.count < request.rows.count {
            notes.append("left out \(ValueText.grouped(request.rows.count - rows.count)) training rows where '\(request.target)' is missing")
        }
        let y = labels.compactMap { $0 }
        let features = frame.columnNames.filter { $0 != request.target }
        let encoding = FeatureEncoding.fit(frame, columns: features, rows: rows, mode: request.algorithm.inputStyle)
        guard !encoding.inputs.isEmpty else {
            throw ModelError("there are no columns left to learn from besides the target '\(request.target)'")
        }
        if let leak = TargetCopyCheck.find(frame, inputs: encoding.requiredColumns, rows: rows, labels: y, spec: targetEncoder.spec) {
            throw ModelError(leak)
        }
        let separations = request.screensInputs
            ? TargetCopyCheck.nearCopies(frame, inputs: encoding.requiredColumns, rows: rows, labels: y, spec: targetEncoder.spec) : []
        let (matrix, filled) = try encoding.transform(frame, rows: rows)
        notes += encodingNotes(filled, algorithm: request.algorithm.name, mode: encoding.mode)
        let target = makeTarget(y, targetEncoder.spec)
        let weights = try classWeights(request.classWeight, target)
        let validation = request.algorithm.trainWatching == nil || request.validationRows.isEmpty ? nil
            : try validationData(frame, request.validationRows, targetEncoder, encoding)
        let fitted = try request.algorithm.fit(matrix, target, weights: weights, parameters: request.parameters,
                                               validation: validation)
        notes += encoding.leftOut.map { "left out '\($0.column)': \($0.reason)" } + fitted.trainingNotes
        return SupervisedModel(
            algorithm: request.algorithm.name, parameters: request.parameters, target: targetEncoder.spec,
            positiveValue: targetEncoder.positive, encoding: encoding, preparation: PreparationRecipe(),
            fitted: fitted, threshold: 0.5, metrics: [:],
            trainingData: fingerprint(matrix, target), notes: notes,
            warnings: separations.map { separationWarning($0, targetEncoder.spec, rows: rows.count) })
    }

    private static func separationWarning(_ found: TargetCopyCheck.Separation, _ spec: TargetSpec, rows: Int) -> String {
        "'\(found.column)' alone separates '\(spec.column)' = '\(spec.positiveClass ?? "")' almost perfectly on the "
            + "\(ValueText.grouped(rows)) training rows (ROC-AUC \(ValueText.rounded(found.auc, decimals: 3)) for a model on it alone): "
            + "is it known before the outcome? A value recorded after it (such as the length of the sales call) leaks the answer "
            + "and will be missing when you score new customers; if so, drop it: clean ...: drop column \(found.column)"
    }

    private static func encodingNotes(_ filled: EncodingReport, algorithm: String, mode: InputStyle) -> [String] {
        var notes: [String] = []
        for (column, cells) in filled.filledNumbers {
            notes.append("\(ValueText.grouped(cells)) missing '\(column)' values filled with the training median, flagged in the input '\(column) is missing'")
        }
        for (column, cells) in filled.keptMissingNumbers {
            notes.append("\(ValueText.grouped(cells)) missing '\(column)' values kept as missing: \(algorithm) learns where they go")
        }
        for (column, cells) in filled.missingCategories {
            notes.append(mode == .native
                ? "\(ValueText.grouped(cells)) missing '\(column)' values kept as missing: \(algorithm) sends them with the categories a split does not name"
                : "\(ValueText.grouped(cells)) missing '\(column)' values count as no category (all its inputs 0)")
        }
        return notes
    }

    /// The validation rows encoded like the training rows; rows with a missing target or a class
    /// never seen in training are left out.
    private static func validationData(_ frame: DataFrame, _ rows: [Int], _ targetEncoder: TargetEncoder,
                                       _ encoding: FeatureEncoding) throws(ModelError) -> ValidationData? {
        guard let labels = try? targetEncoder.labels(frame, rows: rows) else { return nil }
        let kept = zip(rows, labels).compactMap { $1 == nil ? nil : $0 }
        guard !kept.isEmpty else { return nil }
        let (matrix, _) = try encoding.transform(frame, rows: kept)
        return ValidationData(x: matrix, target: makeTarget(labels.compactMap { $0 }, targetEncoder.spec))
    }

    static func makeTarget(_ y: [Double], _ spec: TargetSpec) -> Target {
        spec.isClassification ? .classes(labels: y.map { Int($0) }, classes: spec.classes) : .values(y)
    }

    private static func classWeights(_ rule: String?, _ target: Target) throws(ModelError) -> [Double]? {
        guard let rule, rule != "none" else { return nil }
        guard case .classes(let labels, let classes) = target else {
            throw ModelError("class_weight only applies to classes, but the target holds numbers")
        }
        var counts = [Int](repeating: 0, count: classes.count)
        for label in labels { counts[label] += 1 }
        let n = Double(labels.count), k = Double(classes.count)
        return labels.map { n / (k * Double(counts[$0])) }
    }

    static func fingerprint(_ x: FeatureMatrix, _ target: Target) -> DataFingerprint {
        var hasher = SHA256()
        for name in x.names { hasher.update(data: Array(name.utf8) + [0]) }
        x.values.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        switch target {
        case .classes(let labels, _): labels.map(Int64.init).withUnsafeBytes { hasher.update(bufferPointer: $0) }
        case .values(let values): values.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return DataFingerprint(rows: x.rows, columns: x.names, sha256: digest)
    }
}

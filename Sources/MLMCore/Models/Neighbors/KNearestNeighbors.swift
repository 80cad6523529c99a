/// k-nearest neighbours for classes and numbers, like sklearn's `KNeighborsClassifier` /
/// `KNeighborsRegressor` behind a `StandardScaler`: inputs are standardized with the training
/// means and standard deviations (a constant column gets scale 1), distances are exact
/// Euclidean by brute force, and a prediction is the (distance-weighted) share of each class,
/// or the (weighted) mean value, among the k nearest training rows.
///
/// Ties in distance go to the earlier training row, so results never depend on thread timing.
/// Sample weights are not used (sklearn's k-NN has none either); a note says so when given.
public enum KNearestNeighbors {
    static let name = "knn"

    public static let algorithm = Algorithm(
        name: name,
        summary: "k-nearest neighbours: predicts from the most similar training rows",
        tasks: .all,
        parameters: [
            ParameterSpec("k", .integer(1...1000), default: .integer(5), "how many nearest training rows to consult"),
            ParameterSpec("weights", .choice(["uniform", "distance"]), default: .text("uniform"),
                          "uniform: every neighbour counts the same; distance: nearer neighbours count more (1 / distance)"),
        ],
        train: { x, target, weights, parameters throws(ModelError) in
            try fit(x, target, weights: weights, parameters: parameters)
        },
        decode: { decoder in try KNearestNeighborsModel(from: decoder) }
    )

    public static func fit(_ x: FeatureMatrix, _ target: Target, weights: [Double]? = nil,
                           parameters: Parameters = Parameters()) throws(ModelError) -> KNearestNeighborsModel {
        let (k, byDistance) = try settings(parameters)
        try LinearModelsSupport.checkShape(x, target, algorithm: name)
        let sampleWeights = try LinearModelsSupport.checkedWeights(weights, rows: x.rows, algorithm: name)
        var notes = ["inputs standardized using training means and standard deviations"]
        let usedK = min(k, x.rows)
        if usedK < k { notes.append("k lowered from \(k) to \(usedK), the number of training rows") }
        if sampleWeights.contains(where: { $0 != sampleWeights[0] }) {
            notes.append("sample weights are not used by k-nearest neighbours")
        }
        let scaling = LinearModelsSupport.ColumnScaling(x)
        let outcome: KNearestNeighborsModel.Outcome
        switch target {
        case .classes(let labels, let classes):
            _ = try LinearModelsSupport.classLayout(target, weights: [Double](repeating: 1, count: x.rows), algorithm: name)
            outcome = .classes(labels: labels, classCount: classes.count)
        case .values(let values):
            outcome = .values(values)
        }
        return KNearestNeighborsModel(k: usedK, weightsByDistance: byDistance, inputCount: x.columns,
                                      means: scaling.means, scales: scaling.scales,
                                      rows: rowMajor(scaling.standardized(x), rows: x.rows, columns: x.columns),
                                      outcome: outcome, trainingNotes: notes)
    }

    static func settings(_ parameters: Parameters) throws(ModelError) -> (k: Int, byDistance: Bool) {
        let read = ParameterReader(parameters: parameters, algorithm: name, specs: algorithm.parameters)
        let k = try read.integer("k") ?? 5
        return (k, try read.choice("weights") == "distance")
    }

    /// Training rows stored row by row, so one distance reads one contiguous stretch.
    static func rowMajor(_ columnMajor: [Double], rows: Int, columns: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { out[i * columns + j] = columnMajor[j * rows + i] }
        }
        return out
    }
}

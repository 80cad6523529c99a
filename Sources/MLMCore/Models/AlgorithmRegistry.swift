/// Every algorithm `train` knows, by name. Adding an algorithm means adding its `Algorithm`
/// value here; the language, checker and model files pick it up from this list.
public enum AlgorithmRegistry {
    public static let all: [Algorithm] = [
        // One line per algorithm, e.g. LogisticRegression.algorithm,
        LogisticRegression.algorithm,
        LinearRegression.algorithm,
        RidgeRegression.algorithm,
        KNearestNeighbors.algorithm,
        NaiveBayes.algorithm,
        DecisionTree.algorithm,
        RandomForest.algorithm,
        SupportVectorMachine.algorithm,
        NeuralNetwork.algorithm,
        GradientBoosting.algorithm,
    ]

    public static func algorithm(named name: String) -> Algorithm? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}

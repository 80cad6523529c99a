import Foundation
import Testing
@testable import MLMCore

/// The neural network's gradient (finite differences), stopping rules, determinism, model files,
/// regression and errors.
@Suite struct NeuralNetworkTests {
    /// Loss (weighted mean + L2 term) of a small softmax network at `parameters`.
    static func loss(_ pass: NetworkPass, _ parameters: [Float], workspace: NetworkWorkspace, rows: Int, alpha: Double) -> Double {
        let sum = parameters.withUnsafeBufferPointer { p -> Double in
            pass.forward(p.baseAddress!, rows: rows, workspace: workspace)
            return pass.lossAndOutputDeltas(rows: rows, targets: workspace.targets, weights: workspace.rowWeights, workspace: workspace)
        }
        let state = AdamState(parameters: parameters, shape: pass.shape)
        let total = (0..<rows).reduce(0.0) { $0 + Double(workspace.rowWeights[$1]) }
        return sum / total + 0.5 * alpha * state.squaredWeights() / total
    }

    @Test func backpropagationMatchesFiniteDifferences() {
        let shape = NetworkShape(units: [5, 7, 6, 3]), rows = 9, alpha = 0.05
        let pass = NetworkPass(shape: shape, output: .softmax)
        let workspace = NetworkWorkspace(shape: shape, rows: rows)
        var generator = SeededGenerator(seed: 4)
        for i in 0..<(rows * 5) { workspace.activations[0][i] = Float(generator.nextUnit() * 4 - 2) }
        for i in 0..<rows { workspace.targets[i] = Float(i % 3); workspace.rowWeights[i] = Float(1 + i % 2) }
        let parameters = shape.initialParameters(seed: 8)
        let total = (0..<rows).reduce(0.0) { $0 + Double(workspace.rowWeights[$1]) }
        _ = Self.loss(pass, parameters, workspace: workspace, rows: rows, alpha: alpha)
        let transposed = (0..<shape.layerCount).map { l in UnsafeMutablePointer<Float>.allocate(capacity: shape.units[l] * shape.units[l + 1]) }
        defer { transposed.forEach { $0.deallocate() } }
        parameters.withUnsafeBufferPointer { p in
            for l in 1..<shape.layerCount {
                DenseKernels.transpose(p.baseAddress! + shape.weightOffsets[l], rows: shape.units[l], columns: shape.units[l + 1], transposed[l])
            }
        }
        pass.backward(rows: rows, transposed: transposed, workspace: workspace)
        let decay = shape.decayMask()
        let analytic = (0..<shape.parameterCount).map { p in
            (Double(workspace.gradient[p]) + alpha * Double(decay[p]) * Double(parameters[p])) / total
        }
        var worst = 0.0
        for p in 0..<shape.parameterCount {
            var up = parameters, down = parameters
            let h: Float = 1e-2
            up[p] += h
            down[p] -= h
            let numeric = (Self.loss(pass, up, workspace: workspace, rows: rows, alpha: alpha)
                - Self.loss(pass, down, workspace: workspace, rows: rows, alpha: alpha)) / Double(2 * h)
            worst = max(worst, abs(numeric - analytic[p]) / max(1e-2, abs(analytic[p])))
        }
        #expect(worst < 2e-2, "worst relative gap between backpropagation and finite differences: \(worst)")
    }

    static func noisy(rows: Int, signal: Bool) -> (FeatureMatrix, Target) {
        var generator = SeededGenerator(seed: 12)
        var values = [Double](repeating: 0, count: rows * 2), labels = [Int]()
        for row in 0..<rows {
            values[row] = generator.nextUnit() * 2 - 1
            values[rows + row] = generator.nextUnit() * 100
            let label = signal ? (values[row] * values[row] > 0.25 ? 1 : 0) : Int(generator.nextInt(below: 2))
            labels.append(label)
        }
        return (FeatureMatrix(rows: rows, columns: 2, values: values, names: ["a", "b"]), .classes(labels: labels, classes: ["no", "yes"]))
    }

    @Test func earlyStoppingStopsOnNoiseAndSaysWhen() throws {
        let (x, target) = Self.noisy(rows: 300, signal: false)
        let model = try NeuralNetwork.fit(x, target, parameters: Parameters([
            "layers": .integers([8]), "epochs": .integer(500), "early_stopping": .flag(true), "rate": .number(0.01), "seed": .integer(2),
        ]))
        let note = try #require(model.trainingNotes.first)
        #expect(note.hasPrefix("stopped early at epoch "), "\(model.trainingNotes)")
        #expect(model.trainingNotes.count == 2 && model.trainingNotes[1].hasPrefix("kept the weights of epoch "))
    }

    @Test func withoutEarlyStoppingTheTrainingLossDecides() throws {
        let (x, target) = Self.noisy(rows: 200, signal: true)
        let limited = try NeuralNetwork.fit(x, target, parameters: Parameters(["layers": .integers([4]), "epochs": .integer(3)]))
        #expect(limited.trainingNotes.first?.hasPrefix("did not converge: ran all 3 epochs") == true)
        let settled = try NeuralNetwork.fit(x, target, parameters: Parameters([
            "layers": .integers([4]), "epochs": .integer(5000), "tolerance": .number(0.01), "patience": .integer(2),
        ]))
        #expect(settled.trainingNotes.first?.hasPrefix("converged at epoch") == true, "\(settled.trainingNotes)")
    }

    @Test func seededFitsAreIdenticalAndSurviveAModelFile() throws {
        let (x, target) = Self.noisy(rows: 150, signal: true)
        let settings = Parameters(["layers": .integers([6, 5]), "epochs": .integer(20), "batch": .integer(64), "seed": .integer(3)])
        let first = try NeuralNetwork.fit(x, target, parameters: settings)
        #expect(first == (try NeuralNetwork.fit(x, target, parameters: settings)))
        var other = settings
        other.values["seed"] = .integer(4)
        #expect(first != (try NeuralNetwork.fit(x, target, parameters: other)))
        let loaded = try JSONDecoder().decode(NeuralNetworkModel.self, from: try JSONEncoder().encode(first))
        #expect(loaded.predict(x) == first.predict(x))
        #expect(loaded.hiddenLayers == [6, 5])
    }

    @Test func learnsANonlinearRuleAndANumber() throws {
        let (x, target) = Self.noisy(rows: 400, signal: true)
        let model = try NeuralNetwork.fit(x, target, parameters: Parameters(["layers": .integers([16]), "epochs": .integer(150), "rate": .number(0.01)]))
        guard case .classes(let labels, _) = target else { return }
        let p = probabilities(model.predict(x))
        #expect(try #require(ClassificationMetrics.rocAUC(labels: labels, scores: stride(from: 1, to: p.count, by: 2).map { p[$0] })) > 0.95)

        let revenue = (0..<400).map { 5000 + 3000 * x[$0, 0] * x[$0, 0] + 10 * x[$0, 1] }
        let regression = try NeuralNetwork.fit(x, .values(revenue), parameters: Parameters(["layers": .integers([16]), "epochs": .integer(150), "rate": .number(0.01)]))
        let predicted = predictedValues(regression.predict(x))
        let mean = revenue.reduce(0, +) / 400
        let residual = zip(predicted, revenue).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let spread = revenue.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        #expect(1 - residual / spread > 0.9, "R² \(1 - residual / spread)")
    }

    @Test func badSettingsNameTheParameter() {
        let (x, target) = Self.noisy(rows: 20, signal: true)
        let rule = "a list of 1 to 16 whole numbers from 1 to 4,096, like [64, 32]"
        #expect(throws: ModelError("parameter 'layers' of neural_network must be \(rule); got []")) {
            try NeuralNetwork.fit(x, target, parameters: Parameters(["layers": .integers([])]))
        }
        #expect(throws: ModelError("parameter 'layers' of neural_network must be \(rule); got [8, 0]")) {
            try NeuralNetwork.fit(x, target, parameters: Parameters(["layers": .integers([8, 0])]))
        }
        #expect(throws: ModelError("parameter 'epochs' of neural_network must be a whole number from 1 to 100,000; got 0")) {
            try NeuralNetwork.fit(x, target, parameters: Parameters(["epochs": .integer(0)]))
        }
        #expect(throws: ModelError("parameter 'rate' of neural_network must be a number above 0 and at most 10; got 0")) {
            try NeuralNetwork.fit(x, target, parameters: Parameters(["rate": .number(0)]))
        }
        let one = FeatureMatrix(rows: 1, columns: 1, values: [3], names: ["a"])
        #expect(throws: ModelError("early_stopping of neural_network holds out 10% of the rows and needs at least 10 rows to train on; got 1")) {
            try NeuralNetwork.fit(one, .values([2]), parameters: Parameters(["early_stopping": .flag(true)]))
        }
        #expect(throws: (any Error).self) { try NeuralNetwork.fit(one, .classes(labels: [0], classes: ["a", "b"])) }
        let empty = FeatureMatrix(rows: 3, columns: 0, values: [], names: [])
        #expect(throws: ModelError("neural_network needs at least one input column; the table has none besides the target")) {
            try NeuralNetwork.fit(empty, .values([1, 2, 3]))
        }
    }
}

import Foundation
import Testing
@testable import MLMCore

/// The neural network against numpy (one forward pass, gradient and Adam step written out after
/// sklearn's formulas) and against MLPClassifier's test AUC. Fixtures made by
/// Fixtures/neural/make_fixtures.py.
@Suite struct NeuralNetworkFixtureTests {
    static func fixture(_ name: String) throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/neural/\(name)", withExtension: "json"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func forwardPassGradientAndAdamStepMatchNumpy() throws {
        for case_ in try #require(Self.fixture("step")["cases"] as? [[String: Any]]) {
            let units = try #require(case_["units"] as? [Int])
            let output = NetworkOutput(rawValue: try #require(case_["output"] as? String))!
            let x = try #require(case_["x"] as? [Double]), labels = try #require(case_["labels"] as? [Int])
            let weights = try #require(case_["weights"] as? [Double])
            let rows = labels.count, shape = NetworkShape(units: units)
            let pass = NetworkPass(shape: shape, output: output)
            let workspace = NetworkWorkspace(shape: shape, rows: rows)
            for i in 0..<x.count { workspace.activations[0][i] = Float(x[i]) }
            for i in 0..<rows { workspace.targets[i] = Float(labels[i]); workspace.rowWeights[i] = Float(weights[i]) }
            let parameters = try #require(case_["parameters"] as? [Double]).map { Float($0) }
            let alpha = try #require(case_["alpha"] as? Double), rate = try #require(case_["rate"] as? Double)

            let lossSum = parameters.withUnsafeBufferPointer { p -> Double in
                pass.forward(p.baseAddress!, rows: rows, workspace: workspace)
                let outputs = (0..<(rows * units.last!)).map { Double(workspace.activations[units.count - 1][$0]) }
                expectClose(outputs, try! #require(case_["outputs"] as? [Double]), relative: 1e-5, floor: 1e-4, "\(output) outputs")
                return pass.lossAndOutputDeltas(rows: rows, targets: workspace.targets, weights: workspace.rowWeights, workspace: workspace)
            }
            let transposed = (0..<shape.layerCount).map { l in UnsafeMutablePointer<Float>.allocate(capacity: units[l] * units[l + 1]) }
            defer { transposed.forEach { $0.deallocate() } }
            parameters.withUnsafeBufferPointer { p in
                for l in 1..<shape.layerCount {
                    DenseKernels.transpose(p.baseAddress! + shape.weightOffsets[l], rows: units[l], columns: units[l + 1], transposed[l])
                }
            }
            pass.backward(rows: rows, transposed: transposed, workspace: workspace)

            var settings = MiniBatchTrainer.Settings()
            settings.alpha = alpha
            settings.rate = rate
            var state = AdamState(parameters: parameters, shape: shape)
            let total = weights.reduce(0, +)
            let loss = lossSum / total + 0.5 * alpha * state.squaredWeights() / total
            #expect(abs(loss - (case_["loss"] as! Double)) / (case_["loss"] as! Double) < 1e-5, "\(output) loss \(loss)")
            let decay = shape.decayMask()
            let gradient = (0..<shape.parameterCount).map { p in
                (Double(workspace.gradient[p]) + alpha * Double(decay[p]) * Double(parameters[p])) / total
            }
            expectClose(gradient, try #require(case_["gradient"] as? [Double]), relative: 1e-4, floor: 1e-5, "\(output) gradient")
            state.update(gradients: [workspace.gradient], batchWeight: total, settings: settings)
            // Float parameters of size ~1: an absolute test (a parameter that lands near zero
            // would make a relative one meaningless).
            expectNear(state.parameters.map { Double($0) }, try #require(case_["updated"] as? [Double]),
                       absolute: 1e-6, "\(output) parameters after one Adam step")
        }
    }

    @Test func accuracyCloseToMLPClassifier() throws {
        let json = try Self.fixture("accuracy")
        func matrix(_ key: String) throws -> FeatureMatrix {
            let columns = try #require(json[key] as? [[Double]])
            return FeatureMatrix(rows: columns[0].count, columns: columns.count, values: Array(columns.joined()),
                                 names: try #require(json["names"] as? [String]))
        }
        let labels = try #require(json["y"] as? [Int]), testLabels = try #require(json["y_test"] as? [Int])
        let reference = try #require(json["test_aucs"] as? [Double])
        let expected = reference.reduce(0, +) / Double(reference.count)
        var aucs: [Double] = []
        for seed in 0..<3 {
            let model = try NeuralNetwork.fit(try matrix("x"), .classes(labels: labels, classes: ["0", "1"]), parameters: Parameters([
                "layers": .integers([16]), "rate": .number(0.01), "epochs": .integer(100), "seed": .integer(seed),
            ]))
            let p = probabilities(model.predict(try matrix("x_test")))
            aucs.append(try #require(ClassificationMetrics.rocAUC(labels: testLabels, scores: stride(from: 1, to: p.count, by: 2).map { p[$0] })))
        }
        let mean = aucs.reduce(0, +) / Double(aucs.count)
        #expect(abs(mean - expected) < 0.02, "mean test AUC \(mean) (\(aucs)) vs MLPClassifier \(expected)")
    }
}

import Foundation
import Testing
@testable import MLMCore

/// A model file is what mlm wrote or it is refused: the digest notices edits, the JSON reader
/// bounds nesting and refuses repeated keys, and validation names the field that is wrong even
/// when edits are trusted.
@Suite struct ModelFileIntegrityTests {
    func saved(_ algorithm: String, parameters: [String: ParameterValue] = [:]) throws -> (SupervisedModel, Data) {
        let frame = ModelFileTests().trainingTable()
        let spec = try #require(AlgorithmRegistry.algorithm(named: algorithm))
        var values = Dictionary(uniqueKeysWithValues: spec.parameters.compactMap { p in p.defaultValue.map { (p.name, $0) } })
        values.merge(parameters) { $1 }
        let request = SupervisedTraining.Request(target: "bought", positive: .string("yes"), algorithm: spec,
                                                 parameters: Parameters(values), classWeight: nil, rows: Array(0..<frame.rowCount))
        let model = try SupervisedTraining.train(frame, request)
        return (model, try ModelFile.encode(model, mlmVersion: "test"))
    }

    /// The file as a JSON object, changed by `change`, written back (key order and number
    /// spelling as JSONSerialization writes them).
    func edited(_ data: Data, _ change: (inout [String: Any]) -> Void) throws -> Data {
        var json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&json)
        return try JSONSerialization.data(withJSONObject: json)
    }

    func damaged(_ data: Data) -> String? {
        do {
            _ = try ModelFile.decode(data, trustEdits: true)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theDigestNoticesEditsButNotLayout() throws {
        let (model, data) = try saved("logistic")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"digest\" : \"sha256:"))
        #expect(try ModelFile.decode(data, trustEdits: false).integrity == .verified)
        // Line endings, indentation and key order are not content.
        let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try ModelFile.decode(crlf, trustEdits: false).integrity == .verified)
        let compact = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: data))
        #expect(try ModelFile.decode(compact, trustEdits: false).integrity == .verified)
        // One changed number is refused, unless edits are trusted.
        let changed = Data(text.replacingOccurrences(of: "\"threshold\" : 0.5", with: "\"threshold\" : 0.25").utf8)
        #expect(throws: ModelError("this model file was changed after mlm saved it")) {
            try ModelFile.decode(changed, trustEdits: false)
        }
        let trusted = try ModelFile.decode(changed, trustEdits: true)
        #expect(trusted.integrity == .trustedEdits)
        guard case .supervised(let loaded) = trusted.stored else { Issue.record("expected a supervised model"); return }
        #expect(loaded.threshold == 0.25)
        #expect(try model.predict(ModelFileTests().trainingTable()).0 == loaded.predict(ModelFileTests().trainingTable()).0)
    }

    @Test func filesWithoutADigestLoadAndSaySo() throws {
        let (_, data) = try saved("naive_bayes")
        let old = try edited(data) { $0.removeValue(forKey: "digest") }
        #expect(try ModelFile.decode(old, trustEdits: false).integrity == .noDigest)
    }

    @Test func versionsNoMlmWroteAreCalledDamaged() throws {
        let (_, data) = try saved("logistic")
        let zero = try edited(data) { $0["formatVersion"] = 0 }
        #expect(throws: ModelError("this model file has format version 0, which no mlm writes (versions start at 1); the file is damaged")) {
            try ModelFile.decode(zero)
        }
        let future = try edited(data) { $0["formatVersion"] = 2 }
        #expect(throws: ModelError("this model file has format version 2, but this mlm reads version 1; use a newer mlm")) {
            try ModelFile.decode(future)
        }
    }

    @Test func nestingIsBoundedAndKeysAreNotRepeated() throws {
        let deep = #"{"format": "mlm-model", "formatVersion": 1, "x": "# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: ModelError("the model file is damaged: its JSON is nested more than 64 levels deep, far more than mlm writes")) {
            try ModelFile.decode(Data(deep.utf8))
        }
        let (_, data) = try saved("logistic")
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"threshold\" : 0.5", with: "\"threshold\" : 0.5, \"threshold\" : 0.9")
        #expect(throws: ModelError("the model file is damaged: 'threshold' is given twice")) {
            try ModelFile.decode(Data(text.utf8), trustEdits: true)
        }
    }

    @Test func validationNamesTheWrongField() throws {
        let (_, logistic) = try saved("logistic")
        let swapped = try edited(logistic) { json in
            var encoding = json["encoding"] as! [String: Any]
            var inputs = encoding["inputs"] as! [[String: Any]]
            var category = inputs[1]["category"] as! [String: Any]
            category["levels"] = ["gold", "basic"]
            inputs[1]["category"] = category
            encoding["inputs"] = inputs
            json["encoding"] = encoding
        }
        #expect(damaged(swapped) == "the model file is damaged: 'encoding.inputs[1].levels' lists 'gold' before 'basic'; mlm writes them in sorted order")
        let short = try edited(logistic) { json in
            var model = json["model"] as! [String: Any]
            model["coefficients"] = [[0.5, 0.25]]
            json["model"] = model
        }
        #expect(damaged(short) == "the model file is damaged: 'model.coefficients[0]' has 2 values but the model has 3 inputs")
        let threshold = try edited(logistic) { $0["threshold"] = 2 }
        #expect(damaged(threshold) == "the model file is damaged: 'threshold' is 2.0; a threshold is a probability from 0 to 1")
        let setting = try edited(logistic) { json in
            var parameters = json["parameters"] as! [String: Any]
            var values = parameters["values"] as! [String: Any]
            values["c"] = ["number": ["_0": -1]]
            parameters["values"] = values
            json["parameters"] = parameters
        }
        #expect(damaged(setting) == "the model file is damaged: 'parameters.c' is -1; logistic takes a number above 0 and at most 1,000,000 for 'c'")

        let (_, forest) = try saved("random_forest", parameters: ["trees": .integer(2), "depth": .integer(2)])
        let noTrees = try edited(forest) { json in
            var model = json["model"] as! [String: Any]
            model["trees"] = [Any]()
            json["model"] = model
        }
        #expect(damaged(noTrees) == "the model file is damaged: 'model.trees' is empty; a forest has at least one tree")

        let (_, bayes) = try saved("naive_bayes")
        let variance = try edited(bayes) { json in
            var model = json["model"] as! [String: Any]
            var variances = model["variances"] as! [Double]
            variances[0] = -1
            model["variances"] = variances
            json["model"] = model
        }
        #expect(damaged(variance) == "the model file is damaged: 'model.variances' holds -1.0 at position 0; every value must be a number above 0")

        let (_, knn) = try saved("knn")
        let k = try edited(knn) { json in
            var model = json["model"] as! [String: Any]
            model["k"] = 0
            json["model"] = model
        }
        #expect(damaged(k) == "the model file is damaged: 'model.k' is 0; it must be from 1 to 120")

        let (_, network) = try saved("neural_network", parameters: ["layers": .integers([2]), "epochs": .integer(2)])
        let huge = try edited(network) { json in
            var model = json["model"] as! [String: Any]
            model["shape"] = ["units": [3, 1 << 20, 1 << 20, 1 << 20, 1]]
            json["model"] = model
        }
        #expect(damaged(huge) == "the model file is damaged: 'model.shape.units' describes a network with more parameters than any model file holds")
    }

    @Test func segmentationsAreValidatedToo() throws {
        let request = Segmentation.Request(algorithm: "kmeans", features: ["a", "b"],
                                           points: PointSet(columns: [[1, 2, 3, 10, 11, 12], [1, 1, 2, 9, 9, 8]]),
                                           parameters: Parameters(["k": .integer(2)]))
        let data = try ModelFile.encode(.segmentation(try Segmentation.fit(request).model), mlmVersion: "test")
        let oneCoordinate = try edited(data) { json in
            var model = json["model"] as! [String: Any]
            var centres = model["centres"] as! [[Double]]
            centres[1].removeLast()
            model["centres"] = centres
            json["model"] = model
        }
        #expect(damaged(oneCoordinate) == "the model file is damaged: 'model.centres[1]' has 1 value but there are 2 features")
        let twice = try edited(data) { json in
            var model = json["model"] as! [String: Any]
            model["segmentNames"] = ["1", "1"]
            json["model"] = model
        }
        #expect(damaged(twice) == "the model file is damaged: 'model.segmentNames' lists '1' twice")
    }
}

extension ModelFile {
    /// The JSON layout of a model file. Keys are written sorted; `model` holds the algorithm's
    /// own fitted parameters, decoded by the algorithm named in `algorithm`.
    struct Envelope: Codable {
        let model: SupervisedModel
        let mlmVersion: String

        init(model: SupervisedModel, mlmVersion: String) {
            self.model = model
            self.mlmVersion = mlmVersion
        }

        enum CodingKeys: String, CodingKey {
            case format, formatVersion, mlmVersion, algorithm, parameters, target, positiveValue, encoding
            case preparation, model, threshold, metrics, trainingData, notes
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ModelFile.format, forKey: .format)
            try container.encode(ModelFile.formatVersion, forKey: .formatVersion)
            try container.encode(mlmVersion, forKey: .mlmVersion)
            try container.encode(model.algorithm, forKey: .algorithm)
            try container.encode(model.parameters, forKey: .parameters)
            try container.encode(model.target, forKey: .target)
            try container.encodeIfPresent(model.positiveValue, forKey: .positiveValue)
            try container.encode(model.encoding, forKey: .encoding)
            try container.encode(model.preparation, forKey: .preparation)
            try container.encode(model.threshold, forKey: .threshold)
            try container.encode(model.metrics, forKey: .metrics)
            try container.encode(model.trainingData, forKey: .trainingData)
            try container.encode(model.notes, forKey: .notes)
            try model.fitted.encode(to: container.superEncoder(forKey: .model))
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let algorithmName = try container.decode(String.self, forKey: .algorithm)
            guard let algorithm = AlgorithmRegistry.algorithm(named: algorithmName) else {
                throw ModelError("this model file uses the algorithm '\(algorithmName)', which this mlm does not know")
            }
            let fitted = try algorithm.decode(try container.superDecoder(forKey: .model))
            mlmVersion = try container.decode(String.self, forKey: .mlmVersion)
            model = SupervisedModel(
                algorithm: algorithmName,
                parameters: try container.decode(Parameters.self, forKey: .parameters),
                target: try container.decode(TargetSpec.self, forKey: .target),
                positiveValue: try container.decodeIfPresent(CellValue.self, forKey: .positiveValue),
                encoding: try container.decode(FeatureEncoding.self, forKey: .encoding),
                preparation: try container.decode(PreparationRecipe.self, forKey: .preparation),
                fitted: fitted,
                threshold: try container.decode(Double.self, forKey: .threshold),
                metrics: try container.decode([String: [String: Double]].self, forKey: .metrics),
                trainingData: try container.decode(DataFingerprint.self, forKey: .trainingData),
                notes: try container.decode([String].self, forKey: .notes))
        }
    }
}

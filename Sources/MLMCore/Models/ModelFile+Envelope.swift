extension ModelFile {
    /// The JSON layout of a model file. Keys are written sorted; `kind` says whether it holds a
    /// supervised model or a segmentation (files without it are supervised). For a supervised
    /// model `model` holds the algorithm's own fitted parameters, decoded by the algorithm named
    /// in `algorithm`; for a segmentation it holds the SegmentationModel.
    struct Envelope: Codable {
        let stored: StoredModel
        let mlmVersion: String
        /// Written when saving; read and checked by `ModelFile.integrity`, not here.
        let digest: String?

        init(stored: StoredModel, mlmVersion: String, digest: String?) {
            self.stored = stored
            self.mlmVersion = mlmVersion
            self.digest = digest
        }

        enum CodingKeys: String, CodingKey {
            case format, formatVersion, mlmVersion, kind, algorithm, parameters, target, positiveValue, encoding
            case preparation, model, threshold, metrics, trainingData, notes, digest
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ModelFile.format, forKey: .format)
            try container.encode(ModelFile.formatVersion, forKey: .formatVersion)
            try container.encode(mlmVersion, forKey: .mlmVersion)
            try container.encodeIfPresent(digest, forKey: .digest)
            switch stored {
            case .supervised(let model): try encodeSupervised(model, into: &container)
            case .segmentation(let model): try encodeSegmentation(model, into: &container)
            }
        }

        private func encodeSupervised(_ model: SupervisedModel, into container: inout KeyedEncodingContainer<CodingKeys>) throws {
            try container.encode(Kind.supervised.rawValue, forKey: .kind)
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

        /// The shared fields (algorithm, parameters, preparation, data, notes) at the top level as
        /// for supervised models; the fitted segmentation itself under `model`.
        private func encodeSegmentation(_ model: SegmentationModel, into container: inout KeyedEncodingContainer<CodingKeys>) throws {
            try container.encode(Kind.segmentation.rawValue, forKey: .kind)
            try container.encode(model.algorithm, forKey: .algorithm)
            try container.encode(model.parameters, forKey: .parameters)
            try container.encode(model.preparation, forKey: .preparation)
            try container.encode(model.trainingData, forKey: .trainingData)
            try container.encode(model.notes, forKey: .notes)
            try container.encode(model, forKey: .model)
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            mlmVersion = try container.decode(String.self, forKey: .mlmVersion)
            digest = nil
            let kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? Kind.supervised.rawValue
            if kind == Kind.segmentation.rawValue {
                let segmentation = try container.decode(SegmentationModel.self, forKey: .model)
                try segmentation.validate()
                stored = .segmentation(segmentation)
                return
            }
            let algorithmName = try container.decode(String.self, forKey: .algorithm)
            guard let algorithm = AlgorithmRegistry.algorithm(named: algorithmName) else {
                throw ModelError("this model file uses the algorithm '\(algorithmName)', which this mlm does not know")
            }
            let fitted = try algorithm.decode(try container.superDecoder(forKey: .model))
            let model = SupervisedModel(
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
            try model.validate()
            stored = .supervised(model)
        }
    }
}

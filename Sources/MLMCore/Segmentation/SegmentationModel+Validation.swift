/// Checks a segmentation read from a model file against what `segment` writes, naming the
/// first wrong field (see `ModelFileCheck`).
extension SegmentationModel {
    func validate() throws(ModelError) {
        let check = ModelFileCheck("model")
        let specs: [ParameterSpec]
        switch algorithm {
        case "kmeans": specs = Segmentation.kmeansParameters
        case "dbscan": specs = Segmentation.dbscanParameters
        default: throw check.field("algorithm").fail("is '\(algorithm)'; a segmentation is kmeans or dbscan")
        }
        try parameters.validate(against: specs, algorithm: algorithm, check.field("parameters"))
        let dims = features.count
        try check.field("features").require(dims > 0, "is empty; a segmentation uses at least one feature")
        try check.field("features").unique(features)
        try check.field("features").require(!features.contains(""), "names a feature with no name")
        if let standardization {
            let here = check.field("standardization")
            try here.field("means").count(standardization.means.count, dims, "there are \(dims) features")
            try here.field("means").finite(standardization.means)
            try here.field("deviations").count(standardization.deviations.count, dims, "there are \(dims) features")
            try here.field("deviations").positive(standardization.deviations)
        }
        try check.field("segmentNames").require(!segmentNames.contains(""), "has a segment with no name")
        try check.field("segmentNames").unique(labelOrder)
        if algorithm == "kmeans" { try validateKMeans(check, dims: dims) } else { try validateDBSCAN(check, dims: dims) }
        try preparation.validate(check.field("preparation"))
        let data = check.field("trainingData")
        try data.field("rows").require(trainingData.rows >= 1, "is \(trainingData.rows); a segmentation is fitted on at least one row")
        try data.field("columns").require(trainingData.columns == features, "does not list the features")
        try data.field("sha256").require(SupervisedModel.isHexDigest(trainingData.sha256), "is not a SHA-256 digest (64 hex digits)")
    }

    private func validateKMeans(_ check: ModelFileCheck, dims: Int) throws(ModelError) {
        let k = centres.count
        try check.field("centres").require(k >= 1, "is empty; k-means has at least one centre")
        for (i, centre) in centres.enumerated() {
            try check.field("centres").item(i).count(centre.count, dims, "there are \(dims) features")
            try check.field("centres").item(i).finite(centre)
        }
        try check.field("segmentNames").count(segmentNames.count, k, "there are \(k) centres")
        if let stated = parameters.integer("k") {
            try check.field("parameters").field("k").require(stated == k, "is \(stated), but there are \(k) centres")
        }
        guard let inertia else { throw check.field("inertia").fail("is missing") }
        try check.field("inertia").require(inertia.isFinite && inertia >= 0, "is \(inertia); it must be a number of at least 0")
        try check.field("eps").require(eps == nil, "is set, but only dbscan has one")
        try check.field("corePoints").require(corePoints.isEmpty && coreLabels.isEmpty, "is set, but only dbscan has core points")
    }

    private func validateDBSCAN(_ check: ModelFileCheck, dims: Int) throws(ModelError) {
        guard let eps else { throw check.field("eps").fail("is missing") }
        try check.field("eps").require(eps.isFinite && eps > 0, "is \(eps); it must be a number above 0")
        for (i, point) in corePoints.enumerated() {
            try check.field("corePoints").item(i).count(point.count, dims, "there are \(dims) features")
            try check.field("corePoints").item(i).finite(point)
        }
        try check.field("coreLabels").count(coreLabels.count, corePoints.count, "there are \(corePoints.count) core points")
        try check.field("coreLabels").inRange(coreLabels, 0..<max(segmentNames.count, 0), "a segment number")
        // Every cluster grows from a core point, so each one has some.
        let withCore = Set(coreLabels)
        try check.field("segmentNames").count(segmentNames.count, withCore.count,
                                              "the core points belong to \(withCore.count) clusters")
        try check.field("centres").require(centres.isEmpty && inertia == nil, "is set, but only k-means has centres")
    }
}

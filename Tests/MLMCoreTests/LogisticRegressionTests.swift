import Foundation
import Testing
import MLMCore

/// Tight settings for comparisons with scikit-learn: the fixtures are solved to ~1e-12.
private func precise(_ extra: [String: ParameterValue] = [:]) -> Parameters {
    var values: [String: ParameterValue] = ["tolerance": .number(1e-11), "iterations": .integer(10000)]
    values.merge(extra) { $1 }
    return Parameters(values)
}

private func expectMatches(_ model: LogisticRegressionModel, _ reference: [String: Any], _ test: FeatureMatrix,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let coefficients = try #require(reference["coefficients"] as? [[Double]])
    let intercepts = try #require(reference["intercepts"] as? [Double])
    let expected = try #require(reference["probabilities"] as? [Double])
    expectClose(Array(model.coefficients.joined()), Array(coefficients.joined()), relative: 1e-4, floor: 1e-9,
                "coefficients", sourceLocation: sourceLocation)
    expectClose(model.intercepts, intercepts, relative: 1e-4, "intercepts", sourceLocation: sourceLocation)
    expectNear(probabilities(model.predict(test)), expected, absolute: 1e-6, "probabilities", sourceLocation: sourceLocation)
}

@Suite struct LogisticRegressionTests {
    @Test func l2MatchesScikitLearnOnUnscaledInputs() throws {
        let fixture = try LinearFixture("binary")
        let x = try fixture.matrix("x_train"), test = try fixture.matrix("x_test")
        for (key, c) in [("l2_c1", 1.0), ("l2_c01", 0.1)] {
            let model = try LogisticRegression.fit(x, try fixture.classTarget(), parameters: precise(["c": .number(c)]))
            #expect(model.converged)
            try expectMatches(model, try fixture.case_("logistic", key), test)
        }
    }

    @Test func l1AndElasticNetMatchTheReferenceOptimum() throws {
        let fixture = try LinearFixture("binary")
        let x = try fixture.matrix("x_train"), test = try fixture.matrix("x_test")
        for (key, penalty) in [("l1_c05", "l1"), ("elasticnet_c05", "elasticnet")] {
            let model = try LogisticRegression.fit(x, try fixture.classTarget(),
                                                   parameters: precise(["c": .number(0.5), "penalty": .text(penalty)]))
            #expect(model.converged, "\(penalty): \(model.trainingNotes)")
            try expectMatches(model, try fixture.case_("logistic", key), test)
        }
    }

    @Test func l1SetsTheSameCoefficientsToExactlyZero() throws {
        let fixture = try LinearFixture("binary")
        let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                               parameters: precise(["c": .number(0.5), "penalty": .text("l1")]))
        let reference = try #require(try fixture.case_("logistic", "l1_c05")["coefficients"] as? [[Double]])
        #expect(model.coefficients[0].map { $0 == 0 } == reference[0].map { $0 == 0 })
    }

    @Test func balancedSampleWeightsGiveScikitLearnsClassWeightResult() throws {
        let fixture = try LinearFixture("binary")
        let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                               weights: try fixture.numbers("balanced_weights"), parameters: precise())
        try expectMatches(model, try fixture.case_("logistic", "l2_balanced"), try fixture.matrix("x_test"))
    }

    @Test func multinomialMatchesScikitLearn() throws {
        let fixture = try LinearFixture("multiclass")
        let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget(), parameters: precise())
        #expect(model.coefficients.count == 3)
        try expectMatches(model, try fixture.case_("logistic"), try fixture.matrix("x_test"))
    }

    @Test func largeDataTakesTheSampledHessianPathToTheSameOptimum() throws {
        // 440 copies of the 300 fixture rows with c = 1/440 is the fixture's C = 1 problem (the
        // summed loss grows 440-fold, so must the penalty 1/C), but with 132 000 rows (65
        // chunks) the solver steers with a Hessian estimated from a sample of chunks.
        let fixture = try LinearFixture("binary")
        let small = try fixture.matrix("x_train")
        guard case .classes(let labels, let classes) = try fixture.classTarget() else { return }
        var values = [Double]()
        for j in 0..<small.columns {
            for _ in 0..<440 { values += small.column(j) }
        }
        let x = FeatureMatrix(rows: small.rows * 440, columns: small.columns, values: values, names: small.names)
        let target = Target.classes(labels: Array([[Int]](repeating: labels, count: 440).joined()), classes: classes)
        let model = try LogisticRegression.fit(x, target, parameters: precise(["c": .number(1.0 / 440)]))
        #expect(model.converged)
        try expectMatches(model, try fixture.case_("logistic", "l2_c1"), try fixture.matrix("x_test"))
    }

    @Test func defaultSettingsConvergeAndSayHowFast() throws {
        let fixture = try LinearFixture("binary")
        let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget())
        #expect(model.converged)
        #expect(model.trainingNotes.first == "converged in \(model.iterations) iterations")
        let expected = try #require(try fixture.case_("logistic", "l2_c1")["probabilities"] as? [Double])
        expectNear(probabilities(model.predict(try fixture.matrix("x_test"))), expected, absolute: 1e-4, "probabilities")
    }

    @Test func hittingTheIterationLimitIsReportedPlainly() throws {
        let fixture = try LinearFixture("binary")
        let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                               parameters: Parameters(["iterations": .integer(2), "tolerance": .number(1e-12)]))
        #expect(!model.converged)
        let note = try #require(model.trainingNotes.first)
        #expect(note.hasPrefix("did not converge in 2 iterations; the change in loss was still "), "\(note)")
        #expect(note.hasSuffix("; try more iterations"), "\(note)")
    }

    @Test func savedAndLoadedModelPredictsBitIdentically() throws {
        let fixture = try LinearFixture("multiclass")
        let test = try fixture.matrix("x_test")
        for penalty in ["l2", "l1"] {
            let model = try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget(),
                                                   parameters: Parameters(["penalty": .text(penalty)]))
            let loaded = try roundTrip(model, LogisticRegression.algorithm)
            #expect(loaded.algorithm == "logistic")
            #expect(loaded.predict(test) == model.predict(test))
            #expect(loaded.trainingNotes == model.trainingNotes)
        }
    }

    @Test func sameDataGivesTheSameModel() throws {
        let fixture = try LinearFixture("binary")
        let fit = { () throws -> LogisticRegressionModel in
            try LogisticRegression.fit(try fixture.matrix("x_train"), try fixture.classTarget())
        }
        #expect(try fit() == (try fit()))
    }
}

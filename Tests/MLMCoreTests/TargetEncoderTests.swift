import Testing
@testable import MLMCore

/// Which task a target means, which class is positive, and the errors for unusable targets.
@Suite struct TargetEncoderTests {
    let frame = DataFrame(columns: [
        Column(name: "y", type: .category, strings: ["no", "yes", "no", "no", nil]),
        Column(name: "segment", type: .category, strings: ["a", "b", "c", "a", "b"]),
        Column(name: "churned", type: .boolean, numbers: [0, 1, 0, 1, 0]),
        Column(name: "revenue", type: .number, numbers: [1, 2.5, 3, 4, 5]),
        Column(name: "comment", type: .text, strings: ["x", "y", "z", "w", "v"]),
        Column(name: "only", type: .category, strings: ["same", "same", "same", "same", "same"]),
    ])
    let all = [0, 1, 2, 3, 4]

    @Test func givenPositiveValueMakesABinaryTarget() throws {
        let (encoder, _) = try TargetEncoder.fit(frame, column: "y", positive: .string("yes"), rows: all)
        #expect(encoder.spec == TargetSpec(column: "y", task: .binary, classes: ["no", "yes"]))
        #expect(try encoder.labels(frame, rows: all) == [0, 1, 0, 0, nil])
    }

    @Test func inferredPositiveIsTheRarerValueWithANote() throws {
        let pair = DataFrame(columns: [Column(name: "plan", type: .category, strings: ["basic", "pro", "basic", "basic"])])
        let (encoder, notes) = try TargetEncoder.fit(pair, column: "plan", positive: nil, rows: [0, 1, 2, 3])
        #expect(encoder.spec.positiveClass == "pro")
        #expect(notes.first?.contains("the less frequent value") == true)
    }

    @Test func aYesNoPairPredictsTheYesSideEvenWhenItIsMoreFrequent() throws {
        let pair = DataFrame(columns: [Column(name: "churned", type: .category, strings: ["Yes", "Yes", "No", "Yes"])])
        let (encoder, notes) = try TargetEncoder.fit(pair, column: "churned", positive: nil, rows: [0, 1, 2, 3])
        #expect(encoder.spec == TargetSpec(column: "churned", task: .binary, classes: ["No", "Yes"]))
        #expect(notes == ["yes/no classification: predicting churned = 'Yes'; write target churned = \"No\" to predict the other"])
        #expect(TargetRules.yesSide(of: "n", "Y") == "Y")
        #expect(TargetRules.yesSide(of: "0", "1") == "1")
        #expect(TargetRules.yesSide(of: "yes", "true") == nil)
        #expect(TargetRules.yesSide(of: "a", "b") == nil)
    }

    let zeroOne = DataFrame(columns: [
        Column(name: "conversion", type: .integer, numbers: [0, 1, 0, .nan, 1]),
        Column(name: "code", type: .category, strings: ["1", "0", "0", "1", nil]),
        Column(name: "visits", type: .integer, numbers: [0, 1, 2, 1, 0]),
        Column(name: "plan", type: .category, strings: ["a", "b", "a", "b", "a"]),
    ])

    @Test func aQuotedValueOnANumberColumnMeansTheNumber() throws {
        let (encoder, notes) = try TargetEncoder.fit(zeroOne, column: "conversion", positive: .string("1"), rows: all)
        #expect(encoder.spec == TargetSpec(column: "conversion", task: .binary, classes: ["0", "1"]))
        #expect(encoder.positive == .number(1))
        #expect(notes.isEmpty)
        #expect(try encoder.labels(zeroOne, rows: all) == [0, 1, 0, nil, 1])
        #expect(throws: ModelError("no training row has conversion = 'yes'; its values are '0', '1'")) {
            try TargetEncoder.fit(zeroOne, column: "conversion", positive: .string("yes"), rows: all)
        }
    }

    @Test func aNumberOnATextColumnMeansItsText() throws {
        let (encoder, _) = try TargetEncoder.fit(zeroOne, column: "code", positive: .number(1), rows: all)
        #expect(encoder.spec == TargetSpec(column: "code", task: .binary, classes: ["0", "1"]))
        #expect(encoder.positive == .string("1"))
        #expect(try encoder.labels(zeroOne, rows: all) == [1, 0, 0, 1, nil])
    }

    @Test func aModelTrainedOnNumbersIsEvaluatedOnTextByWhatTheValuesSay() throws {
        let (encoder, _) = try TargetEncoder.fit(zeroOne, column: "conversion", positive: nil, rows: all)
        let asText = DataFrame(columns: [Column(name: "conversion", type: .category, strings: ["1", "0", "1.0", nil])])
        #expect(try encoder.labels(asText, rows: [0, 1, 2, 3]) == [1, 0, 1, nil])
        let byText = TargetEncoder(spec: encoder.spec, positive: .string("1"))
        #expect(try byText.labels(zeroOne, rows: all) == [0, 1, 0, nil, 1])
    }

    @Test func aZeroOneNumberColumnIsAYesNoTargetUnlessAskedForANumber() throws {
        let (encoder, notes) = try TargetEncoder.fit(zeroOne, column: "conversion", positive: nil, rows: all)
        #expect(encoder.spec == TargetSpec(column: "conversion", task: .binary, classes: ["0", "1"]))
        #expect(notes == ["yes/no classification: predicting conversion = 1; write target conversion as number to fit a regression instead"])
        // 0/1 in every row decides, not only in the training rows: rows 0 and 1 alone are 0/1 for visits too.
        #expect(try TargetEncoder.fit(zeroOne, column: "visits", positive: nil, rows: [0, 1]).0.spec.task == .regression)
        let number = try TargetEncoder.fit(zeroOne, column: "conversion", positive: nil, asNumber: true, rows: all).0
        #expect(number.spec.task == .regression)
        #expect(try number.labels(zeroOne, rows: all) == [0, 1, 0, nil, 1])
        #expect(throws: ModelError("'as number' needs a number column, but 'plan' holds categories; leave out 'as number' to predict its classes")) {
            try TargetEncoder.fit(zeroOne, column: "plan", positive: nil, asNumber: true, rows: all)
        }
    }

    @Test func everyAlgorithmTreatsAZeroOneColumnAlike() throws {
        for algorithm in AlgorithmRegistry.all {
            let problem = TargetRules.supportProblem(algorithm, kind: .classes, column: "conversion", zeroOne: true)
            if algorithm.tasks.contains(.binary) {
                #expect(problem == nil, "\(algorithm.name)")
            } else {
                #expect(problem == "\(algorithm.name) predicts numbers, but 'conversion' holds classes; use logistic or random_forest, or write target conversion as number to fit a regression on its 0/1 values")
            }
        }
        #expect(TargetRules.supportProblem(LogisticRegression.algorithm, kind: .number, column: "spend")
            == "logistic predicts classes, but 'spend' holds numbers; use linear or random_forest, or write target spend = <value> to predict one value")
    }

    @Test func booleansNumbersAndCategories() throws {
        #expect(try TargetEncoder.fit(frame, column: "churned", positive: nil, rows: all).0.spec.classes == ["false", "true"])
        #expect(try TargetEncoder.fit(frame, column: "revenue", positive: nil, rows: all).0.spec.task == .regression)
        let segment = try TargetEncoder.fit(frame, column: "segment", positive: nil, rows: all).0
        #expect(segment.spec == TargetSpec(column: "segment", task: .multiclass, classes: ["a", "b", "c"]))
        #expect(try segment.labels(frame, rows: all) == [0, 1, 2, 0, 1])
    }

    @Test func noTrainingRowsIsNotCalledAMissingTarget() {
        #expect(throws: ModelError("none of the table's 5 rows is a training row, so there is nothing to train on")) {
            try TargetEncoder.fit(frame, column: "y", positive: .string("yes"), rows: [])
        }
        let empty = DataFrame(columns: [Column(name: "y", type: .category, strings: [])])
        #expect(throws: ModelError("the table has no rows, so there is nothing to train on; an earlier step (a filter, or a drop of missing rows) removed them all")) {
            try TargetEncoder.fit(empty, column: "y", positive: nil, rows: [])
        }
        #expect(throws: ModelError("the target 'y' is missing in every training row")) {
            try TargetEncoder.fit(frame, column: "y", positive: nil, rows: [4])
        }
    }

    @Test func unusableTargetsAreExplained() {
        #expect(throws: ModelError("the target 'only' has only one value ('same') in the training rows; a model needs at least two")) {
            try TargetEncoder.fit(frame, column: "only", positive: nil, rows: all)
        }
        #expect(throws: ModelError("the target 'comment' holds free text; cast it to category to predict its values")) {
            try TargetEncoder.fit(frame, column: "comment", positive: nil, rows: all)
        }
        #expect(throws: ModelError("no training row has y = 'Yes'; its values are 'no', 'yes'")) {
            try TargetEncoder.fit(frame, column: "y", positive: .string("Yes"), rows: all)
        }
    }
}

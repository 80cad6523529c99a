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
        let (encoder, notes) = try TargetEncoder.fit(frame, column: "y", positive: nil, rows: all)
        #expect(encoder.spec.positiveClass == "yes")
        #expect(notes.first?.contains("the less frequent value") == true)
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

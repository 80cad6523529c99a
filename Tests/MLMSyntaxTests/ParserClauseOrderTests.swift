import Testing
@testable import MLMSyntax

/// A clause written out of its step's order: the error says where it belongs and writes the
/// corrected line, which always parses; a line that reordering cannot fix keeps its own error.
@Suite struct ParserClauseOrderTests {
    private func only(_ text: String) -> Diagnostic? {
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.count == 1, "diagnostics: \(diagnostics.map(\.message))")
        return diagnostics.first
    }

    @Test func rfmReferenceAfterAs() {
        let d = only("rfm orders by c date d amount a as customers reference \"1998-07-01\"")
        #expect(d?.message == "'reference' is in the wrong place: in the 'rfm' step it comes before 'as'")
        #expect(d?.help == "write: rfm orders by c date d amount a reference \"1998-07-01\" as customers")
        #expect(located("rfm orders by c date d amount a as customers reference \"1998-07-01\"").first?.hasPrefix("1:46 ") == true)
    }

    @Test func everyStepWithOrderedClauses() {
        #expect(only("show t limit 5 where x > 1")?.help == "write: show t where x > 1 limit 5")
        #expect(only("split t seed 4 into train 80%, test 20%")?.help == "write: split t into train 80%, test 20% seed 4")
        #expect(only("evaluate m with cost 2, value 60 on test")?.help == "write: evaluate m on test with cost 2, value 60")
        #expect(only("predict m on t with reasons as score")?.help == "write: predict m on t as score with reasons")
        #expect(only("load \"a.csv\" with sep \";\" as a")?.help == "write: load \"a.csv\" as a with sep \";\"")
        #expect(only("compare logistic, knn on t target y as best by auc")?.message
            == "'by' is in the wrong place: in the 'compare' step it comes before 'as'")
        // Two clauses out of place: the first one written after a clause it must precede is named.
        let two = only("show t limit 5 columns a where a > 1")
        #expect(two?.message == "'columns' is in the wrong place: in the 'show' step it comes before 'where'")
        #expect(two?.help == "write: show t columns a where a > 1 limit 5")
    }

    @Test func aLineReorderingCannotFixKeepsItsOwnError() {
        #expect(only("show t limt 5")?.help == "did you mean 'limit'?")
        // Two limits: sorted they still do not parse, so no corrected line is invented.
        #expect(only("show t limit 5 limit 6")?.help?.hasPrefix("write:") != true)
    }

    @Test func severalModelsInEvaluate() {
        let d = only("evaluate a, b, c on test")
        #expect(d?.message == "evaluate takes one model; found 3 models")
        #expect(d?.help == "write one evaluate per model: 'evaluate a on test', then 'evaluate b on test', then 'evaluate c on test' (to rank models by cross-validation, use compare)")
    }
}

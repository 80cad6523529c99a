import Testing
@testable import MLMSyntax

/// Pasted invisible characters and old line endings get messages that name them, and do not
/// derail what follows.
@Suite struct LexerLookalikeTests {
    private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokenize(SourceFile(name: "test.mlm", text: text))
    }

    @Test func zeroWidthSpaceIsNamed() {
        let diagnostics = lex("describe bank\u{200B}\n").diagnostics
        #expect(diagnostics.map(\.message) == ["unexpected zero-width space (U+200B)"])
        #expect(diagnostics.first?.help?.hasSuffix("delete it") == true)
    }

    @Test func aRunOfOneInvisibleCharacterIsCounted() {
        let diagnostics = lex("show\u{00A0}\u{00A0}\u{00A0}bank\n").diagnostics
        #expect(diagnostics.map(\.message) == ["unexpected no-break space (U+00A0), 3 in a row"])
    }

    @Test func noBreakSpacesInIndentationAreOneErrorAndKeepTheBlock() {
        let text = "clean bank:\n\u{00A0}\u{00A0}\u{00A0}\u{00A0}drop duplicates\n    fill age with mean\n"
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.map(\.message) == ["the indentation holds a no-break space (U+00A0)"])
        #expect(diagnostics.first?.range == SourceRange(start: 12, end: 20))
        // One indent for the block, no stray indentation error on the next line.
        #expect(tokens.filter { $0.kind == .indent }.count == 1)
        let parsed = Parser.parse(SourceFile(name: "test.mlm", text: text))
        #expect(parsed.diagnostics.map(\.message) == ["the indentation holds a no-break space (U+00A0)"])
        #expect(parsed.program.statements.count == 1)
    }

    @Test func zeroWidthSpaceInIndentationIsNamed() {
        let diagnostics = lex("clean bank:\n    \u{200B}drop duplicates\n").diagnostics
        #expect(diagnostics.map(\.message) == ["the indentation holds a zero-width space (U+200B)"])
    }

    @Test func carriageReturnOnlyLineEndingsSeparateLines() {
        let text = "load \"bank.csv\" as bank\rdescribe bank\r"
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty)
        #expect(tokens.filter { $0.kind == .newline }.count == 2)
        let source = SourceFile(name: "test.mlm", text: text)
        #expect(source.lineCount == 3)
        #expect(source.lineText(2) == "describe bank")
        #expect(source.location(of: 24) == SourceFile.Location(line: 2, column: 1))
    }

    @Test func mixedLineEndingsNumberLinesAlike() {
        let source = SourceFile(name: "test.mlm", text: "a\r\nb\rc\nd")
        #expect((1...4).map { source.lineText($0) } == ["a", "b", "c", "d"])
    }

    @Test func aSuggestionThatLooksIdenticalNamesTheDifference() {
        let help = Suggestions.didYouMean("annual income", in: ["annual\u{00A0}income", "age"])
        #expect(help == "did you mean 'annual\u{00A0}income'? its name holds a no-break space (U+00A0): annual<U+00A0>income; "
            + "correct the name in the file's header, or copy it from the output of 'describe' into backticks")
        #expect(Suggestions.didYouMean("agee", in: ["age"]) == "did you mean 'age'?")
    }
}

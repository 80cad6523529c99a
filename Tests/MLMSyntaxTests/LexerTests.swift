import Testing
@testable import MLMSyntax

@Suite struct LexerTests {
    private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokenize(SourceFile(name: "test.mlm", text: text))
    }

    private func kinds(_ text: String) -> [TokenKind] {
        lex(text).tokens.map(\.kind)
    }

    @Test func wordsStringsAndSymbolsOfALoadLine() {
        let (tokens, diagnostics) = lex("load \"data/bank.csv\" as bank")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.word, .string, .word, .word, .newline, .endOfFile])
        #expect(tokens.map(\.text) == ["load", "data/bank.csv", "as", "bank", "", ""])
        #expect(tokens[1].range == SourceRange(start: 5, end: 20))
        // A final line without a line break still ends with a newline, at the end of the text.
        #expect(tokens[4].range == SourceRange(start: 28, end: 28))
    }

    @Test func everyOperator() {
        let text = "+ - * / ^ = == != <> < <= > >= ( ) [ ] , : .."
        #expect(kinds(text) == [
            .plus, .minus, .star, .slash, .caret, .equal, .equalEqual, .notEqual, .notEqual,
            .less, .lessEqual, .greater, .greaterEqual, .leftParen, .rightParen,
            .leftBracket, .rightBracket, .comma, .colon, .dotDot, .newline, .endOfFile,
        ])
    }

    @Test func numbersInEveryWrittenForm() {
        let (tokens, diagnostics) = lex("42 3.14 .5 1e-3 2.5E+4 1.")
        #expect(diagnostics.isEmpty)
        let numbers = tokens.filter { $0.kind == .number }
        #expect(numbers.map(\.number) == [42, 3.14, 0.5, 0.001, 25_000, 1])
        #expect(numbers.map(\.text) == ["42", "3.14", ".5", "1e-3", "2.5E+4", "1."])
    }

    @Test func percentIsOneTokenOnlyWithoutASpace() {
        let (tokens, _) = lex("80% 2.5%")
        #expect(tokens.map(\.kind) == [.percent, .percent, .newline, .endOfFile])
        #expect(tokens[0].number == 80)
        #expect(tokens[0].range == SourceRange(start: 0, end: 3))
        #expect(tokens[1].number == 2.5)
        let spaced = lex("80 %")
        #expect(spaced.tokens.map(\.kind) == [.number, .invalid, .newline, .endOfFile])
        #expect(spaced.diagnostics.map(\.message) == ["unexpected character '%'"])
    }

    @Test func rangeBetweenNumbersIsNotADecimalPoint() {
        let (tokens, _) = lex("2..8")
        #expect(tokens.map(\.kind) == [.number, .dotDot, .number, .newline, .endOfFile])
        #expect(tokens[0].number == 2)
        #expect(tokens[2].number == 8)
    }

    @Test func exponentWithoutDigitsLeavesTheLetterToAWord() {
        #expect(kinds("2east") == [.number, .word, .newline, .endOfFile])
    }

    @Test func hugeNumberIsAnError() {
        let (tokens, diagnostics) = lex("1e999")
        #expect(tokens.first?.kind == .invalid)
        #expect(diagnostics.map(\.message) == ["the number '1e999' is too large"])
    }

    @Test func stringEscapesAreDecoded() {
        let (tokens, diagnostics) = lex(#""a\"b" 'it\'s' "back\\slash" "tab\there" "line\nbreak""#)
        #expect(diagnostics.isEmpty)
        let strings = tokens.filter { $0.kind == .string }.map(\.text)
        #expect(strings == ["a\"b", "it's", "back\\slash", "tab\there", "line\nbreak"])
    }

    @Test func singleQuotesMayHoldDoubleQuotes() {
        let (tokens, _) = lex(#"'say "hi"'"#)
        #expect(tokens.first?.text == "say \"hi\"")
    }

    @Test func unknownEscapeIsReportedButTheStringSurvives() {
        let (tokens, diagnostics) = lex(#"load "C:\data\bank.csv" as bank"#)
        #expect(tokens[1].kind == .string)
        #expect(tokens[1].text == #"C:\data\bank.csv"#)
        #expect(diagnostics.map(\.message) == [#"unknown escape '\d' in text"#])
        #expect(diagnostics.first?.range == SourceRange(start: 8, end: 10))
    }

    @Test func unterminatedStringStopsAtTheEndOfItsLine() {
        let (tokens, diagnostics) = lex("load \"bank.csv as bank\ndescribe bank")
        #expect(tokens.map(\.kind) == [.word, .invalid, .newline, .word, .word, .newline, .endOfFile])
        #expect(diagnostics.map(\.message) == ["unterminated string"])
        #expect(diagnostics.first?.help == "add a closing \"")
        #expect(diagnostics.first?.range == SourceRange(start: 5, end: 22))
    }

    @Test func backtickNamesKeepSpacesAndSymbols() {
        let (tokens, diagnostics) = lex("rename `Annual Income (k$)` to income")
        #expect(diagnostics.isEmpty)
        #expect(tokens[1].kind == .quotedName)
        #expect(tokens[1].text == "Annual Income (k$)")
        #expect(tokens[1].range == SourceRange(start: 7, end: 27))
    }

    @Test func backtickNameCannotCrossALineOrBeEmpty() {
        let open = lex("drop column `Annual\nshow bank")
        #expect(open.diagnostics.map(\.message) == ["unterminated backtick name"])
        #expect(open.tokens.map(\.kind) == [.word, .word, .invalid, .newline, .word, .word, .newline, .endOfFile])
        #expect(lex("drop column ``").diagnostics.map(\.message) == ["empty backtick name"])
    }

    @Test func identifiersHaveNoDotsButMayHaveUnicodeLetters() {
        let (tokens, diagnostics) = lex("âge_2 bank.csv")
        #expect(tokens.map(\.kind) == [.word, .word, .invalid, .word, .newline, .endOfFile])
        #expect(tokens[0].text == "âge_2")
        #expect(diagnostics.map(\.message) == ["unexpected character '.'"])
    }

    @Test func runOfUnexpectedCharactersIsOneError() {
        let (tokens, diagnostics) = lex("show $$$ bank")
        #expect(tokens.map(\.kind) == [.word, .invalid, .word, .newline, .endOfFile])
        #expect(diagnostics.map(\.message) == ["unexpected characters '$$$'"])
        #expect(diagnostics.first?.range == SourceRange(start: 5, end: 8))
    }

    @Test func invisibleAndCurlyCharactersAreNamedHelpfully() {
        let nonBreaking = lex("show\u{00A0}bank").diagnostics
        #expect(nonBreaking.map(\.message) == ["unexpected no-break space (U+00A0)"])
        #expect(nonBreaking.first?.help == "it looks like a space but is not one (text pasted from a web page or a document often has them); replace it with an ordinary space")
        let curly = lex("load \u{201C}bank.csv\u{201D} as bank").diagnostics
        #expect(curly.first?.message == "unexpected character '\u{201C}'")
        #expect(curly.first?.help == "use straight quotes \" or ' around text, not curly quotes")
    }

    @Test func commentsAndBlankLinesProduceNothing() {
        let text = "# header\n\n   \ndescribe bank   # trailing\n    # indented comment\n\nshow bank\n"
        #expect(kinds(text) == [.word, .word, .newline, .word, .word, .newline, .endOfFile])
    }

    @Test func indentationOpensAndClosesBlocks() {
        let text = "clean bank:\n    drop duplicates\n    trim name\ndescribe bank\n"
        #expect(kinds(text) == [
            .word, .word, .colon, .newline,
            .indent, .word, .word, .newline,
            .word, .word, .newline,
            .dedent, .word, .word, .newline, .endOfFile,
        ])
    }

    @Test func nestedIndentationClosesEveryLevelAtOnce() {
        let text = "a:\n  b:\n    c\nd"
        let expected: [TokenKind] = [
            .word, .colon, .newline, .indent, .word, .colon, .newline, .indent, .word, .newline,
            .dedent, .dedent, .word, .newline, .endOfFile,
        ]
        #expect(kinds(text) == expected)
    }

    @Test func endOfTextClosesOpenBlocks() {
        #expect(kinds("clean bank:\n\tdrop duplicates") == [
            .word, .word, .colon, .newline, .indent, .word, .word, .newline, .dedent, .endOfFile,
        ])
    }

    @Test func tabsAndSpacesOnOneLineAreReported() {
        let (_, diagnostics) = lex("clean bank:\n \tdrop duplicates\n")
        #expect(diagnostics.map(\.message) == ["indentation mixes tabs and spaces"])
        #expect(diagnostics.first?.range == SourceRange(start: 12, end: 14))
    }

    @Test func blockLinesDisagreeingOnTabsOrSpacesAreReported() {
        let (tokens, diagnostics) = lex("clean bank:\n    drop duplicates\n\t\t\t\ttrim name\n")
        #expect(diagnostics.map(\.message) == ["indentation mixes tabs and spaces"])
        // The line still counts as part of the block, so only one error is reported.
        #expect(tokens.filter { $0.kind == .indent }.count == 1)
    }

    @Test func separateBlocksMayUseDifferentIndentation() {
        let (_, diagnostics) = lex("clean a:\n    drop duplicates\nclean b:\n\tdrop duplicates\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func dedentMustLineUpWithAnEarlierLevel() {
        let (tokens, diagnostics) = lex("a:\n    b\n  c\n")
        #expect(diagnostics.map(\.message) == ["this line's indentation does not match any line above"])
        #expect(tokens.map(\.kind) == [
            .word, .colon, .newline, .indent, .word, .newline, .dedent, .word, .newline, .endOfFile,
        ])
    }

    @Test func crlfLineEndingsWorkLikeLineFeeds() {
        let crlf = lex("clean bank:\r\n    drop duplicates\r\nshow bank\r\n")
        let lf = lex("clean bank:\n    drop duplicates\nshow bank\n")
        #expect(crlf.diagnostics.isEmpty)
        #expect(crlf.tokens.map(\.kind) == lf.tokens.map(\.kind))
        #expect(crlf.tokens.map(\.text) == lf.tokens.map(\.text))
        #expect(crlf.tokens[3].range == SourceRange(start: 11, end: 13))
    }

    @Test func byteOrderMarkIsIgnored() {
        let (tokens, diagnostics) = lex("\u{FEFF}describe bank")
        #expect(diagnostics.isEmpty)
        #expect(tokens.first?.text == "describe")
        #expect(tokens.first?.range.start == 3)
    }

    @Test func lineBreaksInsideBracketsContinueTheLine() {
        let text = "show bank where job in [\n    \"admin.\",\n    \"technician\"\n]\ndescribe bank"
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty)
        #expect(tokens.filter { $0.kind == .newline }.count == 2)
        #expect(!tokens.contains { $0.kind == .indent })
    }

    @Test func unclosedBracketDoesNotSwallowTheNextStep() {
        let (tokens, _) = lex("show bank where job in [\"a\"\ndescribe bank\n")
        let newlines = tokens.enumerated().filter { $0.element.kind == .newline }.map(\.offset)
        #expect(newlines.count == 2)
        #expect(tokens[newlines[0] + 1].text == "describe")
    }

    @Test func endsInsideBracketsIsReported() {
        var lexer = Lexer(SourceFile(name: "t", text: "show bank where x in [1,"))
        _ = lexer.tokenize()
        #expect(lexer.endsInsideBrackets)
        var closed = Lexer(SourceFile(name: "t", text: "show bank where x in [1]"))
        _ = closed.tokenize()
        #expect(!closed.endsInsideBrackets)
    }
}

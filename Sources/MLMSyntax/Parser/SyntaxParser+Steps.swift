// The top level: a script is a sequence of steps, one per line. Block steps (`clean NAME:`,
// `feature NAME:`) span an indented block of operations, or one operation after the colon.

extension SyntaxParser {
    mutating func parseProgram() -> Program {
        var statements: [Statement] = []
        while !atEnd {
            switch current.kind {
            case .newline, .dedent:
                advance()
            case .indent:
                skipUnexpectedIndentation()
            default:
                do {
                    statements.append(try parseStatement())
                } catch {
                    record(error)
                    skipToNextStatement()
                }
            }
        }
        return Program(statements: statements)
    }

    /// One step, including its end of line (or its block).
    private mutating func parseStatement() throws(SyntaxError) -> Statement {
        let first = current
        guard first.kind == .word, let keyword = Keyword(first), Keyword.steps.contains(keyword) else {
            throw failure(unknownStepDiagnostic(first))
        }
        let word = Identifier(first.text, range: first.range)
        if keyword == .clean || keyword == .feature {
            advance()
            // Blocks consume their own line ends.
            let kind = try parseBlockStep(keyword, keywordToken: first)
            return Statement(kind, keyword: word, range: range(from: first.range.start))
        }
        let start = index
        do {
            return try parseLineStep(keyword, word)
        } catch {
            throw misplacedClause(keyword, from: start).map { SyntaxError(diagnostic: $0) } ?? error
        }
    }

    /// A step on one line, with its end of line.
    private mutating func parseLineStep(_ keyword: Keyword, _ word: Identifier) throws(SyntaxError) -> Statement {
        let first = current
        advance()
        let kind: Statement.Kind
        switch keyword {
        case .load: kind = try parseLoad()
        case .describe: kind = try parseDescribe()
        case .show: kind = try parseShow()
        case .split: kind = try parseSplit()
        case .sort: kind = try parseSort()
        case .export: kind = try parseExport()
        case .model: kind = try parseTrain()
        case .evaluate: kind = try parseEvaluate()
        case .predict: kind = try parsePredict()
        case .save: kind = try parseSave()
        case .segment: kind = try parseSegment()
        case .rfm: kind = try parseRfm()
        case .profile: kind = try parseProfile()
        case .name: kind = try parseNameSegment()
        case .compare: kind = try parseCompare()
        case .tune: kind = try parseTune()
        case .select: kind = try parseSelectFeatures()
        case .explain: kind = try parseExplain()
        case .set: kind = try parseSetThreshold()
        default: kind = try parseReport()
        }
        let statementRange = range(from: first.range.start)
        try expectEndOfLine(after: keyword)
        return Statement(kind, keyword: word, range: statementRange)
    }

    /// A step or operation must end its line; anything left over is reported, with a
    /// suggestion when it looks like a misspelt clause of that step (`limt` for `limit`).
    mutating func expectEndOfLine(after keyword: Keyword) throws(SyntaxError) {
        guard current.endsLine else {
            let clauses = (SyntaxParser.orderedClauses[keyword, default: []] + SyntaxParser.directionWords(keyword)).map(\.rawValue)
            let help = current.kind == .word ? Suggestions.didYouMean(current.text, in: clauses) : nil
            throw failure(SyntaxMessages.expectedEndOfLine(after: keyword.rawValue, found: current,
                                                           at: current.range, help: help))
        }
        if current.kind == .newline { advance() }
    }

    private func unknownStepDiagnostic(_ token: Token) -> Diagnostic {
        guard token.kind == .word else {
            return SyntaxMessages.expectedStep(found: token, at: token.spot)
        }
        let word = token.text
        let help: String?
        if let keyword = Keyword(token), Keyword.cleanOperations.contains(keyword) {
            help = SyntaxMessages.belongsInBlock(word, block: "clean")
        } else if let keyword = Keyword(token), Keyword.featureOperations.contains(keyword) {
            help = SyntaxMessages.belongsInBlock(word, block: "feature")
        } else if let suggestion = Suggestions.didYouMean(word, in: Parser.stepKeywords) {
            help = suggestion
        } else if peek().kind == .equal {
            help = SyntaxMessages.assignmentBelongsInFeature(word)
        } else {
            help = nil
        }
        return SyntaxMessages.unknownStep(word, help: help, at: token.range)
    }

    // MARK: - Blocks

    typealias OperationParser<Operation> = (inout SyntaxParser) throws(SyntaxError) -> Operation

    mutating func parseBlockStep(_ keyword: Keyword, keywordToken: Token) throws(SyntaxError) -> Statement.Kind {
        let table = try parseName("a table name")
        let headerText = source.text(of: range(from: keywordToken.range.start))
        try expect(.colon) { found in
            SyntaxMessages.expectedColon(atEndOf: headerText, step: keyword.rawValue, found: found,
                                         at: found.spot)
        }
        let header = range(from: keywordToken.range.start)
        if keyword == .clean {
            let operations = try parseBlock(of: keyword, header: header) { (parser: inout SyntaxParser) throws(SyntaxError) in
                try parser.parseCleanOperation()
            }
            return .clean(CleanStatement(table: table, operations: operations))
        }
        let operations = try parseBlock(of: keyword, header: header) { (parser: inout SyntaxParser) throws(SyntaxError) in
            try parser.parseFeatureOperation()
        }
        return .feature(FeatureStatement(table: table, operations: operations))
    }

    /// What follows a block header's `:`. One bad line does not lose the block: its error is
    /// recorded and parsing resumes at the next line of the block.
    private mutating func parseBlock<Operation>(
        of keyword: Keyword, header: SourceRange, operation: OperationParser<Operation>
    ) throws(SyntaxError) -> [Operation] {
        if !current.endsLine {
            let single = try parseOperationLine(operation)
            return [single]
        }
        guard current.kind == .newline, peek().kind == .indent else {
            throw failure(SyntaxMessages.emptyBlock(keyword.rawValue, header: source.text(of: header), at: header))
        }
        advance()
        advance()
        var operations: [Operation] = []
        while !atEnd {
            switch current.kind {
            case .dedent:
                advance()
                return operations
            case .newline:
                advance()
            case .indent:
                skipUnexpectedIndentation()
            default:
                do {
                    operations.append(try parseOperationLine(operation))
                } catch {
                    record(error)
                    skipToNextBlockLine()
                }
            }
        }
        return operations
    }

    /// One operation and the end of its line.
    private mutating func parseOperationLine<Operation>(
        _ operation: OperationParser<Operation>
    ) throws(SyntaxError) -> Operation {
        let first = current
        let parsed = try operation(&self)
        guard current.endsLine else {
            throw failure(SyntaxMessages.expectedEndOfLine(afterOperation: first, found: current,
                                                           at: current.range))
        }
        if current.kind == .newline { advance() }
        return parsed
    }
}

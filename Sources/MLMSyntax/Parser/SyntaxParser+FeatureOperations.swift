// One line of a `feature` block: `name = expression`, `name = bin ...`, or an operation that
// starts with its keyword. Keywords are contextual, so `log = x` assigns a column called
// `log`, `log balance` is the operation, and `log(balance)` belongs inside an expression.

extension SyntaxParser {
    mutating func parseFeatureOperation() throws(SyntaxError) -> FeatureOperation {
        let first = current
        let kind: FeatureOperation.Kind
        if first.isName, peek().kind == .equal {
            kind = try parseAssignment()
        } else if let keyword = Keyword(first), Keyword.featureOperations.contains(keyword) {
            advance()
            kind = try parseKeywordFeature(keyword)
        } else {
            throw failure(unknownOperationDiagnostic(first, block: .feature))
        }
        return FeatureOperation(kind, range: range(from: first.range.start))
    }

    /// `NAME = EXPR`, `NAME = bin NAME at EXPR {, EXPR}`, `NAME = bin NAME into EXPR quantiles`.
    private mutating func parseAssignment() throws(SyntaxError) -> FeatureOperation.Kind {
        let output = try parseName("a new column name")
        advance()
        guard current.is(.bin), peek().isName else {
            return .derive(output: output, expression: try parseExpression())
        }
        advance()
        let column = try parseName("a column name")
        if accept(.at) != nil {
            var edges = [try parseExpression(expecting: "a bin edge")]
            while accept(.comma) != nil { edges.append(try parseExpression(expecting: "a bin edge")) }
            return .bin(output: output, column: column, method: .edges(edges))
        }
        if accept(.into) != nil {
            let count = try parseAdditiveExpression(expecting: "a number of quantiles")
            try expect(.quantiles) { found in
                SyntaxMessages.expected("'quantiles' after the number of bins", found: found, at: found.spot,
                                        help: "write: band = bin balance into 4 quantiles")
            }
            return .bin(output: output, column: column, method: .quantiles(count))
        }
        throw failure(SyntaxMessages.expected("'at' and bin edges, or 'into' and a number of quantiles",
                                              found: current, at: current.spot,
                                              help: "write: age_group = bin age at 25, 35, 50"))
    }

    private mutating func parseKeywordFeature(_ keyword: Keyword) throws(SyntaxError) -> FeatureOperation.Kind {
        if keyword == .log, current.kind == .leftParen {
            // `log(x)` alone on a line: a function call with nowhere to put its result.
            throw failure(SyntaxMessages.expected("a column name after 'log'", found: current, at: current.range,
                                                  help: "to add a new column, write: log_balance = log(balance)"))
        }
        switch keyword {
        case .onehot: return .oneHot(columns: try parseNameList("a column name"))
        case .standardize: return .standardize(columns: try parseNameList("a column name"))
        case .normalize: return .normalize(columns: try parseNameList("a column name"))
        case .log: return .log(columns: try parseNameList("a column name"))
        default: return try parseExtract()
        }
    }

    /// `extract NAME {, NAME} from NAME`
    private mutating func parseExtract() throws(SyntaxError) -> FeatureOperation.Kind {
        let parts = try parseNameList("a date part such as 'year'")
        try expect(.from) { found in
            SyntaxMessages.expected("'from' and a date column", found: found, at: found.spot,
                                    help: "write: extract year, month from signup")
        }
        let column = try parseName("a date column name")
        return .extractDateParts(parts: parts, column: column)
    }

    // MARK: - Unknown operations

    enum BlockKind: String {
        case clean, feature
    }

    /// The error for a block line that starts with no known operation, with the most useful
    /// hint: a close spelling, the block the word belongs to, or the list of operations.
    func unknownOperationDiagnostic(_ token: Token, block: BlockKind) -> Diagnostic {
        guard token.isName else {
            return SyntaxMessages.expectedOperation(block: block.rawValue, found: token, at: token.spot)
        }
        let candidates = block == .clean ? Parser.cleanOperationKeywords : Parser.featureOperationKeywords
        let keyword = Keyword(token)
        var help = token.kind == .word ? Suggestions.didYouMean(token.text, in: candidates) : nil
        if let keyword, Keyword.steps.contains(keyword) {
            help = SyntaxMessages.stepInsideBlock(token.text)
        } else if block == .feature, let keyword, Keyword.cleanOperations.contains(keyword) {
            help = SyntaxMessages.belongsInBlock(token.text, block: "clean")
        } else if block == .clean, let keyword, Keyword.featureOperations.contains(keyword) {
            help = SyntaxMessages.belongsInBlock(token.text, block: "feature")
        } else if block == .clean, peek().kind == .equal {
            help = SyntaxMessages.assignmentBelongsInFeature(token.text)
        }
        return SyntaxMessages.unknownOperation(token.text, block: block.rawValue, help: help, at: token.range)
    }
}

// Steps that choose and explain models: compare, tune, select features, explain, set threshold.

extension SyntaxParser {
    static let shapeOfCompare = "write: compare logistic, random_forest on bank target y = \"yes\" by auc with cv 5 as best"
    static let shapeOfTune = "write: tune random_forest on bank target y = \"yes\" over depth 3..8, trees [100, 200] by auc as tuned"
    static let shapeOfSelect = "write: select features of bank for y = \"yes\" top 10 by importance"
    static let shapeOfSetThreshold = "write: set threshold of lead to best_f1"

    /// `compare CANDIDATE {, CANDIDATE} on NAME target NAME [= EXPR | as number] [by NAME] [with options] [as NAME]`
    mutating func parseCompare() throws(SyntaxError) -> Statement.Kind {
        var candidates = [try parseCompareCandidate()]
        while accept(.comma) != nil { candidates.append(try parseCompareCandidate()) }
        let data = try parseSelectionTarget(help: SyntaxParser.shapeOfCompare)
        let (metric, options, keepAs) = try parseRankingTail()
        return .compare(CompareStatement(candidates: candidates, data: data, metric: metric, options: options, keepAs: keepAs))
    }

    private mutating func parseCompareCandidate() throws(SyntaxError) -> CompareCandidate {
        let algorithm = try parseName("an algorithm name such as 'logistic'")
        guard accept(.leftParen) != nil else { return CompareCandidate(algorithm: algorithm, options: []) }
        let options = current.kind == .rightParen ? [] : try parseOptionList()
        try expect(.rightParen) { found in
            SyntaxMessages.expected("')' after the settings of \(algorithm.name)", found: found, at: found.spot,
                                    help: SyntaxParser.shapeOfCompare)
        }
        return CompareCandidate(algorithm: algorithm, options: options)
    }

    /// `tune NAME on NAME target NAME [= EXPR | as number] over options [by NAME] [with options] [as NAME]`
    mutating func parseTune() throws(SyntaxError) -> Statement.Kind {
        let algorithm = try parseName("an algorithm name such as 'random_forest'")
        let data = try parseSelectionTarget(help: SyntaxParser.shapeOfTune)
        try expect(.over) { found in
            SyntaxMessages.expected("'over' and the settings to try", found: found, at: found.spot,
                                    help: SyntaxParser.shapeOfTune)
        }
        let grid = try parseOptionList()
        let (metric, options, keepAs) = try parseRankingTail()
        return .tune(TuneStatement(algorithm: algorithm, data: data, grid: grid, metric: metric, options: options, keepAs: keepAs))
    }

    /// `on NAME target NAME [= EXPR | as number]`
    private mutating func parseSelectionTarget(help: String) throws(SyntaxError) -> SelectionTarget {
        try expect(.on) { found in
            SyntaxMessages.expected("'on' and a table name", found: found, at: found.spot, help: help)
        }
        let table = try parseName("a table name")
        try expect(.target) { found in
            SyntaxMessages.expected("'target' and the column to predict", found: found, at: found.spot, help: help)
        }
        let target = try parseName("the column to predict")
        let (positive, asNumber) = try parseTargetValue(for: target, asMayNameAModel: true)
        return SelectionTarget(table: table, target: target, positiveValue: positive, asNumber: asNumber)
    }

    /// `[by NAME] [with options] [as NAME]`
    private mutating func parseRankingTail() throws(SyntaxError) -> (Identifier?, [NamedOption], Identifier?) {
        let metric = try accept(.by) != nil ? parseName("a metric such as auc") : nil
        let options = try accept(.with) != nil ? parseOptionList() : []
        let keepAs = try accept(.as) != nil ? parseName("a name for the best model") : nil
        return (metric, options, keepAs)
    }

    /// `select features of NAME for NAME [= EXPR | as number] top EXPR by NAME`
    mutating func parseSelectFeatures() throws(SyntaxError) -> Statement.Kind {
        let help = SyntaxParser.shapeOfSelect
        try expect(.features) { found in SyntaxMessages.expected("'features' after 'select'", found: found, at: found.spot, help: help) }
        try expect(.of) { found in SyntaxMessages.expected("'of' and a table name", found: found, at: found.spot, help: help) }
        let table = try parseName("a table name")
        try expect(.for) { found in SyntaxMessages.expected("'for' and the column to predict", found: found, at: found.spot, help: help) }
        let target = try parseName("the column to predict")
        let (positive, asNumber) = try parseTargetValue(for: target, asMayNameAModel: false)
        try expect(.top) { found in SyntaxMessages.expected("'top' and how many columns to keep", found: found, at: found.spot, help: help) }
        let count = try parseUnaryExpression()
        try expect(.by) { found in
            SyntaxMessages.expected("'by' and importance, correlation or mutual_information", found: found, at: found.spot, help: help)
        }
        let ranking = try parseName("importance, correlation or mutual_information")
        return .selectFeatures(SelectFeaturesStatement(table: table, target: target, positiveValue: positive,
                                                       asNumber: asNumber, count: count, ranking: ranking))
    }

    /// `explain NAME [on NAME]`
    mutating func parseExplain() throws(SyntaxError) -> Statement.Kind {
        let model = try parseName("a model name")
        let on = try accept(.on) != nil ? parseName("a table name or test") : nil
        return .explain(ExplainStatement(model: model, on: on))
    }

    /// `set threshold of NAME to EXPR [with options]`
    mutating func parseSetThreshold() throws(SyntaxError) -> Statement.Kind {
        let help = SyntaxParser.shapeOfSetThreshold
        try expect(.threshold) { found in SyntaxMessages.expected("'threshold' after 'set'", found: found, at: found.spot, help: help) }
        try expect(.of) { found in SyntaxMessages.expected("'of' and a model name", found: found, at: found.spot, help: help) }
        let model = try parseName("a model name")
        try expect(.to) { found in SyntaxMessages.expected("'to' and the threshold", found: found, at: found.spot, help: help) }
        let threshold = try parseAdditiveExpression(expecting: "a number, best_f1, best_profit or recall(80%)")
        let options = try accept(.with) != nil ? parseOptionList() : []
        return .setThreshold(SetThresholdStatement(model: model, threshold: threshold, options: options))
    }
}
